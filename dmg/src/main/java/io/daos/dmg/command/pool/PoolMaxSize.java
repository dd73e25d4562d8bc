package io.daos.dmg.command.pool;

import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.HostResult;
import io.daos.proto.ctl.NvmeController;
import io.daos.proto.ctl.NvmeDevState;
import io.daos.proto.ctl.ScmNamespace;
import io.daos.proto.ctl.SmdDevice;
import io.daos.proto.ctl.StorageScanResp;
import io.daos.proto.mgmt.SystemMember;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The largest per-rank pool DAOS's dmg can create on the given ranks (control.getMaxPoolSize): the ranks are the
 * requested ones (each must be joined) or all joined ranks; SCM is the smallest usable SCM mount among them, NVMe
 * the smallest per-rank sum of usable SMD device bytes (devices in state NEW or without the data role skipped).
 * Errors are DAOS's.
 */
record PoolMaxSize(long scmBytes, long nvmeBytes, List<Integer> ranks) {
  private static final int ROLE_DATA = 1;

  static PoolMaxSize compute(List<SystemMember> members, List<Integer> requested,
      List<HostResult<StorageScanResp>> scans) {
    List<Integer> ranks = filterRanks(members, requested);
    List<HostResult<StorageScanResp>> ok = scans.stream().filter(h -> h.error() == null).toList();
    if (ok.isEmpty()) {
      throw new CommandError("Empty host storage response from StorageScan");
    }
    Map<Integer, Long> nvmeFree = new HashMap<>();
    long scm = -1;
    for (HostResult<StorageScanResp> h : ok) {
      List<ScmNamespace> namespaces = h.response().getScm().getNamespacesList();
      if (namespaces.stream().mapToLong(PoolMaxSize::usable).sum() == 0) {
        throw new CommandError("Host without SCM storage: hostname=" + h.addr());
      }
      long hostScm = scmStats(ranks, namespaces, nvmeFree);
      scm = scm < 0 ? hostScm : Math.min(scm, hostScm);
      nvmeStats(ranks, h.response().getNvme().getCtrlrsList(), nvmeFree);
    }
    if (scm < 0) {
      throw new CommandError("No SCM storage space available with rank list " + quoted(ranks));
    }
    long nvme = nvmeFree.values().stream().mapToLong(Long::longValue).min().orElse(-1);
    return new PoolMaxSize(scm, nvme, ranks);
  }

  /** Requested ranks must all be joined; no request means every joined rank. Sorted. */
  static List<Integer> filterRanks(List<SystemMember> members, List<Integer> requested) {
    TreeSet<Integer> joined = new TreeSet<>();
    members.stream().filter(m -> "joined".equalsIgnoreCase(m.getState())).forEach(m -> joined.add(m.getRank()));
    if (requested.isEmpty()) {
      return List.copyOf(joined);
    }
    for (int r : requested) {
      if (!joined.contains(r)) {
        throw new CommandError("specified rank " + Integer.toUnsignedString(r) + " is not joined");
      }
    }
    return List.copyOf(new TreeSet<>(requested));
  }

  /** The smallest usable SCM of the host's listed ranks, or -1 when none; records each rank once. */
  private static long scmStats(List<Integer> ranks, List<ScmNamespace> namespaces, Map<Integer, Long> nvmeFree) {
    long min = -1;
    for (ScmNamespace ns : namespaces) {
      if (!ns.hasMount()) {
        throw new CommandError("SCM device " + ns.getUuid() + " (bdev " + ns.getBlockdev() + ", name "
            + ns.getDev() + ") is not mounted");
      }
      int rank = ns.getMount().getRank();
      if (!ranks.contains(rank)) {
        continue;
      }
      long usable = ns.getMount().getUsableBytes();
      min = min < 0 ? usable : Math.min(min, usable);
      if (nvmeFree.putIfAbsent(rank, 0L) != null) {
        throw new CommandError("Multiple SCM devices found for rank " + Integer.toUnsignedString(rank));
      }
    }
    return min;
  }

  private static void nvmeStats(List<Integer> ranks, List<NvmeController> ctrlrs, Map<Integer, Long> nvmeFree) {
    for (NvmeController c : ctrlrs) {
      for (SmdDevice d : c.getSmdDevicesList()) {
        String dev = "SMD device " + d.getUuid() + " (rank " + Integer.toUnsignedString(d.getRank()) + ", ctrlr "
            + c.getPciAddr();
        if (d.getRoleBits() == 0) {
          dev += ")";
        } else {
          dev += ", roles \"" + io.daos.dmg.output.storage.BdevRoles.text(d.getRoleBits()) + "\")";
          if ((d.getRoleBits() & ROLE_DATA) == 0) {
            continue;
          }
        }
        if (c.getDevState() == NvmeDevState.NEW) {
          continue;
        }
        if (c.getDevState() != NvmeDevState.NORMAL) {
          throw new CommandError(dev + " not usable as in " + c.getDevState() + " state");
        }
        if (!ranks.contains(d.getRank())) {
          continue;
        }
        if (!nvmeFree.containsKey(d.getRank())) {
          throw new CommandError("Rank " + Integer.toUnsignedString(d.getRank())
              + " without SCM device and at least one " + dev);
        }
        nvmeFree.merge(d.getRank(), d.getUsableBytes(), Long::sum);
      }
    }
  }

  private static long usable(ScmNamespace ns) {
    return ns.hasMount() ? ns.getMount().getUsableBytes() : 0;
  }

  /** Go's %q of a rank list: {@code ["1" "2"]}. */
  private static String quoted(List<Integer> ranks) {
    List<String> q = ranks.stream().map(r -> "\"" + Integer.toUnsignedString(r) + "\"").toList();
    return "[" + String.join(" ", q) + "]";
  }
}
