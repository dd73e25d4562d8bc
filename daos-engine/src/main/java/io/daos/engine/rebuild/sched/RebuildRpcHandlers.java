package io.daos.engine.rebuild.sched;

import io.daos.cart.CartServer;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.engine.pool.svc.ServiceCalls;
import io.daos.proto.pool.PoolTgtUpdateReply;
import io.daos.proto.pool.PoolTgtUpdateReq;
import io.daos.rpc.RebuildRpc;
import java.util.concurrent.CompletableFuture;

/**
 * POOL_REBUILD_STOP and POOL_REBUILD_START at the pool service leader (DAOS {@code ds_pool_rebuild_stop_handler},
 * {@code ds_pool_rebuild_start_handler}), which any engine's dRPC {@code dmg pool rebuild stop|start} forwards
 * there. The request is a pool op with {@code force} (a POOL_TGT_UPDATE request without addresses); followers answer
 * DER_NOTLEADER with the hint ({@link ServiceCalls}).
 */
public final class RebuildRpcHandlers {
  private final ServiceCalls calls;
  private final RebuildScheduler scheduler;

  public RebuildRpcHandlers(PoolServices services, RebuildScheduler scheduler) {
    this.calls = new ServiceCalls(services);
    this.scheduler = scheduler;
  }

  public CartServer registerOn(CartServer s) {
    s.register(RebuildRpc.POOL_REBUILD_STOP, (req, reply) -> calls.serve(req, reply, PoolTgtUpdateReq::parseFrom,
        PoolTgtUpdateReq::getOp, (svc, q) -> {
          scheduler.stop(svc, q.getForce());
          return done(svc);
        }, st -> PoolTgtUpdateReply.newBuilder().setOp(st).build()));
    s.register(RebuildRpc.POOL_REBUILD_START, (req, reply) -> calls.serve(req, reply, PoolTgtUpdateReq::parseFrom,
        PoolTgtUpdateReq::getOp, (svc, q) -> {
          scheduler.startAgain(svc);
          return done(svc);
        }, st -> PoolTgtUpdateReply.newBuilder().setOp(st).build()));
    return s;
  }

  private static CompletableFuture<PoolTgtUpdateReply> done(io.daos.engine.pool.svc.PoolService svc) {
    return CompletableFuture.completedFuture(PoolTgtUpdateReply.newBuilder().setOp(ServiceCalls.ok(svc)).build());
  }
}
