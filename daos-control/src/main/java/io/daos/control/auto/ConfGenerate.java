package io.daos.control.auto;

import io.daos.proto.ctl.FabricInterface;
import io.daos.proto.ctl.NetworkScanResp;
import io.daos.proto.ctl.NvmeController;
import io.daos.proto.ctl.ScmNamespace;
import io.daos.proto.ctl.StorageScanResp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Derives a server config from one host's network and storage scan (DAOS lib/control/auto.go ConfGenerate): one
 * engine per NUMA node (or as many as asked) on the NUMA nodes whose fabric interfaces score best, each with the
 * SCM and SSDs of its node, targets and helpers from the node's cores and SSD count.
 *
 * <p>jdaos extensions: SCM namespaces of class {@code dir} (how a jdaos server without PMem reports its SCM) give a
 * {@code dir} tier on the same directory; bdevs reported by path (AIO, no PCI address) give a {@code file} tier (or
 * {@code kdev} under /dev) on the same files, sized as they are; loopback interfaces can be chosen with net class
 * {@link ConfGenerateReq#LOOPBACK}; hugepages are required only with NVMe SSDs; an engine gets at least one target
 * (DAOS's formula gives 0 on hosts with two cores per NUMA node).
 */
public final class ConfGenerate {
  static final String SCM_MOUNT_PREFIX = "/mnt/daos";
  static final int DEFAULT_FI_PORT = 31416;
  static final int FI_PORT_INTERVAL = 1000;
  static final int DEFAULT_TARGETS = 16;
  static final String ENGINE_LOG_FILE = "/var/log/daos/daos_engine";
  static final String CONTROL_LOG_FILE = "/var/log/daos/daos_server.log";
  static final int MIN_SSDS = 1;
  static final double NUMA_CORE_USAGE = 0.8;
  static final int CORES_RSVD_PER_ENGINE = 2;
  static final int DEFAULT_CONTROL_PORT = 10001;
  private static final long GB = 1L << 30;

  /** One SCM device of a NUMA node: its class and path (dcpm: /dev/pmemN; dir: the directory; ram: none). */
  record Scm(String cls, String path) {
  }

  /** One SSD of a NUMA node: a PCI address (nvme) or a path (file, kdev), and its size. */
  record Ssd(String cls, String addr, long size) {
  }

  private ConfGenerate() {
  }

  /** The config for hosts whose scans are {@code hf} and {@code hs}; a clear error when none fits. */
  public static GeneratedConfig generate(ConfGenerateReq req, NetworkScanResp hf, StorageScanResp hs) {
    Map<String, TreeMap<Integer, FabricInterface>> provIfaces = providerIfaces(req, hf);
    TreeMap<Integer, List<Scm>> scms = numaScms(req, hf.getNumacount(), hs);
    TreeMap<Integer, List<Ssd>> ssds = numaSsds(hs);
    int nrEngines = req.nrEngines() == 0 ? hf.getNumacount() : req.nrEngines();
    if (nrEngines == 0) {
      throw new IllegalArgumentException("zero numa nodes reported on hosts");
    }
    checkNvmeAffinity(req, nrEngines, scms, ssds);
    TreeMap<Integer, FabricInterface> numaIfaces = chooseEngineAffinity(nrEngines, provIfaces, scms, ssds);
    List<Integer> nodeSet = new ArrayList<>(numaIfaces.keySet());
    return genServerConfig(req, numaIfaces.firstEntry().getValue().getProvider(),
        genEngines(req, nodeSet, numaIfaces, scms, ssds, hf.getCorespernuma()));
  }

  static Map<String, TreeMap<Integer, FabricInterface>> providerIfaces(ConfGenerateReq req, NetworkScanResp hf) {
    int cls = req.netClass();
    if (cls != ConfGenerateReq.ETHER && cls != ConfGenerateReq.INFINIBAND && cls != ConfGenerateReq.LOOPBACK) {
      throw new IllegalArgumentException("unsupported net dev class in request: " + ConfGenerateReq.netClassName(cls));
    }
    List<FabricInterface> ifaces = new ArrayList<>(hf.getInterfacesList());
    ifaces.sort(Comparator.comparingInt(FabricInterface::getPriority));
    Map<String, TreeMap<Integer, FabricInterface>> out = new TreeMap<>();
    for (FabricInterface fi : ifaces) {
      if (fi.getNetdevclass() == cls && (req.netProvider().isEmpty() || fi.getProvider().equals(req.netProvider()))) {
        out.computeIfAbsent(fi.getProvider(), p -> new TreeMap<>()).putIfAbsent(fi.getNumanode(), fi);
      }
    }
    return out;
  }

  static TreeMap<Integer, List<Scm>> numaScms(ConfGenerateReq req, int numaCount, StorageScanResp hs) {
    TreeMap<Integer, List<Scm>> out = new TreeMap<>();
    if (req.useTmpfsScm()) {
      if (numaCount <= 0) {
        throw new IllegalArgumentException("requires nonzero numaCount");
      }
      if (hs.getSysMemInfo().getMemTotalKb() == 0) {
        throw new IllegalArgumentException("requires nonzero MemTotalKiB");
      }
      for (int i = 0; i < numaCount; i++) {
        out.put(i, new ArrayList<>(List.of(new Scm("ram", ""))));
      }
      return out;
    }
    for (ScmNamespace ns : hs.getScm().getNamespacesList()) {
      Scm s;
      if (ns.getBlockdev().startsWith("pmem")) {
        s = new Scm("dcpm", "/dev/" + ns.getBlockdev());
      } else if ("dir".equals(ns.getMount().getClass_()) && !ns.getMount().getPath().isEmpty()) {
        s = new Scm("dir", ns.getMount().getPath());
      } else {
        continue; // a ram mount is no device; ask for --use-tmpfs-scm
      }
      out.computeIfAbsent((int) ns.getNumaNode(), n -> new ArrayList<>()).add(s);
    }
    out.values().forEach(l -> l.sort(Comparator.comparing(Scm::path)));
    return out;
  }

  static TreeMap<Integer, List<Ssd>> numaSsds(StorageScanResp hs) {
    TreeMap<Integer, List<Ssd>> out = new TreeMap<>();
    boolean nvme = false;
    for (NvmeController c : hs.getNvme().getCtrlrsList()) {
      String addr = c.getPciAddr();
      String cls = !addr.startsWith("/") ? "nvme" : addr.startsWith("/dev/") ? "kdev" : "file";
      nvme |= cls.equals("nvme");
      long size = c.getNamespacesList().stream().mapToLong(NvmeController.Namespace::getSize).sum();
      List<Ssd> l = out.computeIfAbsent(Math.max(0, c.getSocketId()), n -> new ArrayList<>());
      if (l.stream().noneMatch(s -> s.addr().equals(addr))) {
        l.add(new Ssd(cls, addr, size));
      }
    }
    if (nvme && hs.getSysMemInfo().getHugepageSizeKb() == 0) {
      throw new IllegalArgumentException("requires nonzero HugepageSizeKiB");
    }
    out.values().forEach(l -> l.sort(Comparator.comparing(Ssd::addr)));
    return out;
  }

  private static void checkNvmeAffinity(ConfGenerateReq req, int nrEngines, TreeMap<Integer, List<Scm>> scms,
      TreeMap<Integer, List<Ssd>> ssds) {
    if (scms.size() < nrEngines) {
      throw new IllegalArgumentException(String.format("insufficient number of pmem device numa groups %s, want %d "
          + "got %d", scms.keySet(), nrEngines, scms.size()));
    }
    if (req.scmOnly()) {
      ssds.clear();
      scms.keySet().forEach(n -> ssds.put(n, new ArrayList<>()));
      return;
    }
    List<Integer> fail = new ArrayList<>();
    for (int numa : scms.keySet()) {
      if (ssds.getOrDefault(numa, List.of()).size() < MIN_SSDS) {
        fail.add(numa);
      }
    }
    if (scms.size() - fail.size() < nrEngines) {
      int numa = fail.get(0);
      throw new IllegalArgumentException(String.format("insufficient number of ssds for numa %d, want %d got %d",
          numa, MIN_SSDS, ssds.getOrDefault(numa, List.of()).size()));
    }
    fail.forEach(n -> {
      scms.remove(n);
      ssds.remove(n);
    });
  }

  /** The best-scoring NUMA node set of {@code nrEngines} nodes and the interface each engine uses. */
  private static TreeMap<Integer, FabricInterface> chooseEngineAffinity(int nrEngines,
      Map<String, TreeMap<Integer, FabricInterface>> provIfaces, TreeMap<Integer, List<Scm>> scms,
      TreeMap<Integer, List<Ssd>> ssds) {
    List<Integer> bestSet = null;
    String bestProv = null;
    int bestScore = Integer.MAX_VALUE;
    for (List<Integer> set : combinations(new ArrayList<>(scms.keySet()), nrEngines)) {
      for (Map.Entry<String, TreeMap<Integer, FabricInterface>> p : provIfaces.entrySet()) {
        if (!p.getValue().keySet().containsAll(set)) {
          continue;
        }
        int score = set.stream().mapToInt(n -> p.getValue().get(n).getPriority()).sum();
        boolean better = score < bestScore
            || score == bestScore && bestSet != null && !bestSet.equals(set)
            && lowestCommonSsds(set, ssds) > lowestCommonSsds(bestSet, ssds);
        if (better) {
          bestScore = score;
          bestSet = set;
          bestProv = p.getKey();
        }
      }
    }
    if (bestSet == null) {
      if (provIfaces.isEmpty()) {
        throw new IllegalArgumentException(String.format("insufficient matching fabric interfaces, want %d got 0 []",
            nrEngines));
      }
      throw new IllegalArgumentException("none of the provider-ifaces sets match the numa node sets that meet "
          + "storage requirements");
    }
    TreeMap<Integer, FabricInterface> out = new TreeMap<>();
    for (int n : bestSet) {
      out.put(n, provIfaces.get(bestProv).get(n));
    }
    scms.keySet().retainAll(bestSet);
    ssds.keySet().retainAll(bestSet);
    return out;
  }

  /** The subsets of {@code set} with {@code n} members, ordered by their first member (DAOS combinations). */
  static List<List<Integer>> combinations(List<Integer> set, int n) {
    int k = Math.min(n, set.size());
    List<List<Integer>> out = new ArrayList<>();
    for (int bits = 1; bits < (1 << set.size()); bits++) {
      if (Integer.bitCount(bits) != k) {
        continue;
      }
      List<Integer> ss = new ArrayList<>();
      for (int i = 0; i < set.size(); i++) {
        if ((bits >> i & 1) == 1) {
          ss.add(set.get(i));
        }
      }
      out.add(ss);
    }
    out.sort(Comparator.comparing(l -> l.get(0)));
    return out;
  }

  private static int lowestCommonSsds(List<Integer> set, TreeMap<Integer, List<Ssd>> ssds) {
    return set.stream().mapToInt(n -> ssds.getOrDefault(n, List.of()).size()).min().orElse(0);
  }

  private static List<GeneratedConfig.Engine> genEngines(ConfGenerateReq req, List<Integer> nodeSet,
      TreeMap<Integer, FabricInterface> ifaces, TreeMap<Integer, List<Scm>> scms, TreeMap<Integer, List<Ssd>> ssds,
      int coresPerNuma) {
    List<Integer> ports = req.fabricPorts();
    if (!ports.isEmpty() && ports.size() < nodeSet.size()) {
      throw new IllegalArgumentException(String.format("insufficient fabric ports for nr engines, want %d got %d",
          nodeSet.size(), ports.size()));
    }
    int perEngine = lowestCommonSsds(nodeSet, ssds);
    boolean mdOnSsd = !req.extMetadataPath().isEmpty();
    if (mdOnSsd && !req.useTmpfsScm()) {
      throw new IllegalArgumentException("md-on-ssd mode is only supported with scm class ram");
    }
    int[] threads = threadCounts(coresPerNuma, perEngine);
    List<GeneratedConfig.Engine> out = new ArrayList<>();
    for (int idx = 0; idx < nodeSet.size(); idx++) {
      int numa = nodeSet.get(idx);
      Scm scm = scms.get(numa).get(0);
      List<GeneratedConfig.Tier> tiers = new ArrayList<>();
      tiers.add(switch (scm.cls()) {
        case "dir" -> new GeneratedConfig.Tier("dir", scm.path(), List.of(), List.of(), 0, List.of());
        case "dcpm" -> new GeneratedConfig.Tier("dcpm", SCM_MOUNT_PREFIX + numa, List.of(scm.path()), List.of(), 0,
            List.of());
        default -> new GeneratedConfig.Tier("ram", SCM_MOUNT_PREFIX + numa, List.of(), List.of(), 0, List.of());
      });
      tiers.addAll(bdevTiers(mdOnSsd, ssds.get(numa).subList(0, perEngine)));
      int port = ports.isEmpty() ? DEFAULT_FI_PORT + idx * FI_PORT_INTERVAL : ports.get(idx);
      out.add(new GeneratedConfig.Engine(threads[0], threads[1], numa, ifaces.get(numa).getDevice(), port,
          ENGINE_LOG_FILE + "." + out.size() + ".log", tiers));
    }
    return out;
  }

  /** One tier of all SSDs, or with MD-on-SSD 1, 2 or 3 tiers with DAOS's WAL/meta/data roles. */
  static List<GeneratedConfig.Tier> bdevTiers(boolean mdOnSsd, List<Ssd> ssds) {
    if (ssds.isEmpty()) {
      return List.of();
    }
    List<Integer> counts;
    int n = ssds.size();
    if (!mdOnSsd) {
      counts = List.of(n);
    } else if (n == 1) {
      counts = List.of(1);
    } else if (n <= 5) {
      counts = List.of(1, n - 1);
    } else {
      counts = List.of(2, n - 2);
    }
    List<List<String>> roles = switch (counts.size()) {
      case 1 -> List.of(mdOnSsd ? List.of("wal", "meta", "data") : List.<String>of());
      default -> List.of(List.of("wal", "meta"), List.of("data"));
    };
    List<GeneratedConfig.Tier> out = new ArrayList<>();
    int last = 0;
    for (int i = 0; i < counts.size(); i++) {
      List<Ssd> part = ssds.subList(last, last + counts.get(i));
      last += counts.get(i);
      String cls = part.get(0).cls();
      long max = part.stream().mapToLong(Ssd::size).max().orElse(0);
      int sizeGb = cls.equals("file") ? (int) Math.max(1, (max + GB - 1) / GB) : 0;
      out.add(new GeneratedConfig.Tier(cls, null, List.of(), part.stream().map(Ssd::addr).toList(), sizeGb,
          roles.get(i)));
    }
    return out;
  }

  /** {targets, helpers} per engine (DAOS getThreadCounts), at least one target. */
  static int[] threadCounts(int coresPerNuma, int ssdsPerEngine) {
    if (coresPerNuma < 2) {
      throw new IllegalArgumentException("invalid number of cores-per-numa, want at least 2 got " + coresPerNuma);
    }
    int cores = coresPerNuma - CORES_RSVD_PER_ENGINE;
    if (ssdsPerEngine == 0) {
      return new int[] {Math.max(1, Math.min(DEFAULT_TARGETS, cores)), 0};
    }
    int tgtsPerSsd = (int) (cores * NUMA_CORE_USAGE / ssdsPerEngine);
    if (tgtsPerSsd == 0) {
      return new int[] {Math.max(1, Math.min(ssdsPerEngine, cores)), 0};
    }
    int tgts = ssdsPerEngine * tgtsPerSsd;
    return new int[] {tgts, tgts / 4};
  }

  private static GeneratedConfig genServerConfig(ConfGenerateReq req, String provider,
      List<GeneratedConfig.Engine> engines) {
    if (req.msReplicas().isEmpty()) {
      throw new IllegalArgumentException("no MS replicas");
    }
    int port = -1;
    for (String r : req.msReplicas()) {
      int p = replicaPort(r);
      if (port != -1 && p != port) {
        throw new IllegalArgumentException("MS replica port numbers do not match");
      }
      port = p;
    }
    boolean meta = engines.stream().flatMap(e -> e.storage().stream()).anyMatch(t -> t.roles().contains("meta"));
    return new GeneratedConfig(port, req.msReplicas(), provider, CONTROL_LOG_FILE,
        meta ? req.extMetadataPath() : "", engines);
  }

  /** The port of "host[:port]" (DAOS GetMSReplicaPort): the default control port when none is given. */
  static int replicaPort(String replica) {
    int colon = replica.lastIndexOf(':');
    if (colon < 0 || replica.endsWith("]")) {
      return DEFAULT_CONTROL_PORT;
    }
    String p = replica.substring(colon + 1);
    try {
      int port = Integer.parseInt(p);
      if (port <= 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("MS replica \"" + replica + "\": invalid port \"" + p + "\"");
    }
  }
}
