package io.daos.server.mgmt.system;

import io.daos.common.status.DaosStatus;
import io.daos.proto.mgmt.PoolEvictReq;
import io.daos.proto.mgmt.PoolEvictResp;
import io.daos.proto.mgmt.SystemCleanupReq;
import io.daos.proto.mgmt.SystemCleanupResp;
import io.daos.server.mgmt.pool.PoolSvcHandler;
import io.daos.server.mgmt.svc.MsAccess;
import io.daos.server.mgmt.svc.MsContext;
import io.daos.server.sysdb.PoolService;

/**
 * SystemCleanup (leader, DAOS mgmt_system.go): every pool's service evicts the handles opened from the given
 * machine; each pool gives one result (its status, the handles evicted, and a message when the evict failed). A
 * pool service that cannot be reached fails the whole request, as DAOS's does.
 */
public final class CleanupHandler {
  private final MsAccess access;
  private final PoolSvcHandler poolSvc;

  public CleanupHandler(MsContext ctx, PoolSvcHandler poolSvc) {
    this.access = ctx.access();
    this.poolSvc = poolSvc;
  }

  public SystemCleanupResp systemCleanup(SystemCleanupReq req) {
    MsAccess.Ms ms = access.checkLeader(req.getSys());
    try {
      if (req.getMachine().isEmpty()) {
        throw new IllegalArgumentException("SystemCleanup requires a machine name.");
      }
      SystemCleanupResp.Builder resp = SystemCleanupResp.newBuilder();
      for (PoolService ps : ms.db().poolServices(false)) {
        String id = ps.poolUuid().toString();
        PoolEvictResp r = poolSvc.evict(ps, PoolEvictReq.newBuilder().setSys(req.getSys())
            .setMachine(req.getMachine()).setId(id).build());
        String msg = r.getStatus() == DaosStatus.SUCCESS.code() ? ""
            : "Unable to clean up handles for machine " + req.getMachine() + " on pool " + id;
        resp.addResultsBuilder().setStatus(r.getStatus()).setMsg(msg).setPoolId(id).setCount(r.getCount());
      }
      return resp.build();
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
  }
}
