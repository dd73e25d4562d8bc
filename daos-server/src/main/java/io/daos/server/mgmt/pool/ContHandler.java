package io.daos.server.mgmt.pool;

import io.daos.drpc.DrpcMethod;
import io.daos.proto.mgmt.ContSetOwnerReq;
import io.daos.proto.mgmt.DaosResp;
import io.daos.server.mgmt.svc.MsAccess;
import io.daos.server.mgmt.svc.MsContext;
import io.daos.server.mgmt.svc.PoolEngines;
import io.daos.server.sysdb.PoolService;

/**
 * The MS's container RPCs (DAOS server/mgmt_cont.go): ContSetOwner, served by any MS replica, goes with the pool's
 * UUID and service ranks to the pool service (dRPC MGMT_CONT_SET_OWNER, 227), whose answer's status comes back.
 */
public final class ContHandler {
  private final MsAccess access;
  private final PoolEngines engines;

  public ContHandler(MsContext ctx) {
    this.access = ctx.access();
    this.engines = ctx.poolEngines().orElse(null);
  }

  /** ContSetOwner: the container's owner user and/or group ("name@[domain]"). */
  public DaosResp contSetOwner(ContSetOwnerReq req) {
    MsAccess.Ms ms = access.checkReplica(req.getSys());
    try {
      if (req.getContId().isEmpty()) {
        throw new IllegalArgumentException("no container label or UUID specified");
      }
      if (req.getOwnerUser().isEmpty() && req.getOwnerGroup().isEmpty()) {
        throw new IllegalArgumentException("no user or group specified");
      }
      PoolService ps = PoolHandler.lookup(ms, req.getPoolId());
      ContSetOwnerReq fwd = req.toBuilder().setPoolId(ps.poolUuid().toString()).clearSvcRanks()
          .addAllSvcRanks(ps.replicas()).build();
      if (engines == null) {
        throw new IllegalStateException("harness has no managed instances");
      }
      return PoolSvcCalls.call(engines, ps, DrpcMethod.MGMT_CONT_SET_OWNER, fwd, DaosResp::parseFrom);
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
  }
}
