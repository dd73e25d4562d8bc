package io.daos.server.ctl;

import io.daos.proto.ctl.FabricInterface;
import io.daos.proto.ctl.NetworkScanReq;
import io.daos.proto.ctl.NetworkScanResp;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * NetworkScan: the interfaces that are up and have an IPv4 address, for the providers jdaos's data plane
 * speaks (ofi+tcp, ofi+tcp;ofi_rxm), with NUMA node and ARPHRD class from sysfs, and the host's NUMA
 * node and cores-per-node counts.
 */
public final class NetworkScanHandler {
  static final List<String> PROVIDERS = List.of("ofi+tcp", "ofi+tcp;ofi_rxm");

  private final Path sysRoot;

  public NetworkScanHandler() {
    this(Path.of("/sys"));
  }

  /** {@code sysRoot}: where sysfs is mounted (tests use a fake tree). */
  public NetworkScanHandler(Path sysRoot) {
    this.sysRoot = sysRoot;
  }

  public NetworkScanResp scan(NetworkScanReq req) throws SocketException {
    if (req == null) {
      throw new CtlException("nil request");
    }
    String want = req.getProvider();
    Set<String> excluded = Arrays.stream(req.getExcludeinterfaces().split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    NetworkScanResp.Builder resp = NetworkScanResp.newBuilder();
    for (NetworkInterface ni : upIpv4Interfaces()) {
      if (excluded.contains(ni.getName())) {
        continue;
      }
      for (int prio = 0; prio < PROVIDERS.size(); prio++) {
        String prov = PROVIDERS.get(prio);
        if (want.isEmpty() || "all".equals(want) || want.equals(prov)) {
          resp.addInterfaces(FabricInterface.newBuilder().setProvider(prov).setDevice(ni.getName())
              .setNumanode(sysInt("class/net/" + ni.getName() + "/device/numa_node", 0))
              .setPriority(prio).setNetdevclass(sysInt("class/net/" + ni.getName() + "/type", 0)));
        }
      }
    }
    int numa = numaCount();
    return resp.setNumacount(numa).setCorespernuma(Math.max(1, Runtime.getRuntime().availableProcessors() / numa))
        .build();
  }

  private static List<NetworkInterface> upIpv4Interfaces() throws SocketException {
    List<NetworkInterface> out = new ArrayList<>();
    for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (ni.isUp() && ni.inetAddresses().anyMatch(a -> a instanceof Inet4Address)) {
        out.add(ni);
      }
    }
    out.sort((a, b) -> a.getName().compareTo(b.getName()));
    return out;
  }

  private int sysInt(String rel, int dflt) {
    try {
      int v = Integer.parseInt(Files.readString(sysRoot.resolve(rel)).trim());
      return v < 0 ? dflt : v;
    } catch (IOException | NumberFormatException e) {
      return dflt;
    }
  }

  private int numaCount() {
    try (Stream<Path> s = Files.list(sysRoot.resolve("devices/system/node"))) {
      return (int) Math.max(1, s.filter(p -> p.getFileName().toString().matches("node\\d+")).count());
    } catch (IOException e) {
      return 1;
    }
  }
}
