package io.daos.dmg.command.pool;

import io.daos.dmg.command.HostResult;
import io.daos.proto.ctl.NvmeController;
import io.daos.proto.ctl.NvmeDevState;
import io.daos.proto.ctl.ScanNvmeResp;
import io.daos.proto.ctl.ScanScmResp;
import io.daos.proto.ctl.ScmNamespace;
import io.daos.proto.ctl.SmdDevice;
import io.daos.proto.ctl.StorageScanResp;
import io.daos.proto.mgmt.SystemMember;
import io.daos.proto.mgmt.SystemQueryResp;
import java.util.List;

/** Storage-scan answers like DAOS's MockStorageScanResp helpers (newScmCfg: 100 GB, newNvmeCfg: 1 TB). */
final class StorageFixtures {
  static final long GB = 1_000_000_000L;
  static final long TB = 1000 * GB;

  private StorageFixtures() {
  }

  static ScmNamespace scm(int rank) {
    return scm(rank, 100 * GB);
  }

  static ScmNamespace scm(int rank, long usable) {
    return ScmNamespace.newBuilder().setUuid("ns-" + rank).setBlockdev("pmem" + rank).setDev("namespace" + rank)
        .setSize(usable).setMount(ScmNamespace.Mount.newBuilder().setPath("/mnt/daos" + rank).setRank(rank)
            .setTotalBytes(usable).setAvailBytes(usable).setUsableBytes(usable)).build();
  }

  static ScmNamespace unmounted() {
    return ScmNamespace.newBuilder().setUuid("ns-x").setBlockdev("pmemx").setDev("namespacex").build();
  }

  static NvmeController nvme(int rank) {
    return nvme(rank, TB, NvmeDevState.NORMAL, 0);
  }

  static NvmeController nvme(int rank, long usable) {
    return nvme(rank, usable, NvmeDevState.NORMAL, 0);
  }

  static NvmeController nvme(int rank, long usable, NvmeDevState state, int roles) {
    SmdDevice d = SmdDevice.newBuilder().setUuid("smd-" + rank).setRank(rank).setRoleBits(roles)
        .setTotalBytes(usable).setAvailBytes(usable).setUsableBytes(usable).build();
    return NvmeController.newBuilder().setPciAddr("0000:80:00." + rank).setDevState(state).addSmdDevices(d).build();
  }

  static HostResult<StorageScanResp> host(String addr, List<ScmNamespace> scm, List<NvmeController> nvme) {
    return HostResult.ok(addr, StorageScanResp.newBuilder().setScm(ScanScmResp.newBuilder().addAllNamespaces(scm))
        .setNvme(ScanNvmeResp.newBuilder().addAllCtrlrs(nvme)).build());
  }

  static SystemMember member(int rank, String state) {
    return SystemMember.newBuilder().setRank(rank).setState(state).setAddr("10.0.0." + rank + ":10001").build();
  }

  /** Every rank of the hosts' SCM namespaces joined, as DAOS's getSysQueryRespMembers. */
  static List<SystemMember> joined(List<HostResult<StorageScanResp>> hosts) {
    return hosts.stream().flatMap(h -> h.response().getScm().getNamespacesList().stream())
        .filter(ScmNamespace::hasMount).map(ns -> ns.getMount().getRank()).distinct()
        .map(r -> member(r, "joined")).toList();
  }

  static SystemQueryResp systemQuery(List<SystemMember> members) {
    return SystemQueryResp.newBuilder().addAllMembers(members).build();
  }
}
