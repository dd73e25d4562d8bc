package io.daos.dmg.command.pool;

import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.HostResult;
import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.proto.ctl.ScanNvmeReq;
import io.daos.proto.ctl.ScanScmReq;
import io.daos.proto.ctl.StorageScanReq;
import io.daos.proto.ctl.StorageScanResp;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.SystemQueryReq;
import io.daos.proto.mgmt.SystemQueryResp;
import java.util.List;

/**
 * {@code dmg pool create -z N%} (DAOS's auto-percentage-size): the per-rank tier bytes are N% of the largest pool
 * every target rank can hold ({@link PoolMaxSize}: system query for the joined ranks, storage scan with usage of
 * every host), and the request names those ranks explicitly.
 */
final class PoolAutoSize {
  static final String FAILED = "failed to generate PoolCreate request";

  private PoolAutoSize() {
  }

  static PoolCreateReq apply(ControlInvoker client, List<String> hosts, PoolCreateReq req, int pct) {
    try {
      SystemQueryResp sys = systemQuery(client);
      StorageScanReq scan = StorageScanReq.newBuilder().setScm(ScanScmReq.newBuilder().setUsage(true))
          .setNvme(ScanNvmeReq.newBuilder().setMeta(true).setHealth(true)).build();
      List<HostResult<StorageScanResp>> scans = client.invokeHosts(CtlSvcGrpc.getStorageScanMethod(), scan, hosts);
      PoolMaxSize max = PoolMaxSize.compute(sys.getMembersList(), req.getRanksList(), scans);
      return withTierBytes(req, max, pct);
    } catch (RuntimeException e) {
      throw new CommandError(FAILED, e);
    }
  }

  /** N% of each tier's per-rank maximum, on the ranks found; too little SCM is DAOS's error. */
  static PoolCreateReq withTierBytes(PoolCreateReq req, PoolMaxSize max, int pct) {
    double ratio = pct / 100.0;
    long scm = (long) (max.scmBytes() * ratio);
    long nvme = (long) (max.nvmeBytes() * ratio);
    if (scm == 0) {
      throw new CommandError("Not enough SCM storage available with ratio " + (int) (ratio * 100)
          + "%: SCM storage capacity or ratio should be increased");
    }
    return req.toBuilder().clearTierRatio().setTotalBytes(0).clearTierBytes().addTierBytes(scm).addTierBytes(nvme)
        .clearRanks().addAllRanks(max.ranks()).build();
  }

  private static SystemQueryResp systemQuery(ControlInvoker client) {
    try {
      return client.invokeMs(MgmtSvcGrpc.getSystemQueryMethod(),
          SystemQueryReq.newBuilder().setSys(client.systemName()).build());
    } catch (RuntimeException e) {
      throw new CommandError("getMaxPoolSize: SystemQuery", e);
    }
  }
}
