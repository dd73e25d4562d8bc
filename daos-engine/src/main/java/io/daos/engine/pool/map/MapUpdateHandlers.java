package io.daos.engine.pool.map;

import io.daos.cart.CartServer;
import io.daos.cart.Opcode;
import io.daos.engine.pool.map.PoolMapUpdate.TargetAddr;
import io.daos.engine.pool.svc.PoolProps;
import io.daos.engine.pool.svc.PoolService;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.engine.pool.svc.ServiceCalls;
import io.daos.placement.MapOp;
import io.daos.proto.pool.PoolTgtAddr;
import io.daos.proto.pool.PoolTgtUpdateReply;
import io.daos.proto.pool.PoolTgtUpdateReq;
import io.daos.rpc.PoolRpc;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The pool service's map-update RPCs (DAOS {@code ds_pool_update_handler}): POOL_EXCLUDE, POOL_DRAIN, POOL_REINT and
 * the rebuild-finish steps POOL_ADD_IN (UP → UPIN) and POOL_EXCLUDE_OUT (DOWN/DRAIN → DOWNOUT). Served by the leader
 * on the service thread; followers answer DER_NOTLEADER with the hint ({@link ServiceCalls}). These are the
 * administrator's operations: not gated by self_heal. A reintegration in the pool's {@code data_sync} mode (the
 * default) first empties the returning DOWN/DOWNOUT targets ({@link PoolDiscard}), before the map makes them UP and
 * clients start writing to them, as DAOS's {@code pool_update_handler} does.
 */
public final class MapUpdateHandlers {
  private final ServiceCalls calls;
  private final PoolMapChanges changes;
  private final PoolDiscard discard;

  /** {@code client} sends a reintegration's discards to the ranks ({@code rankUri}), each bounded by {@code timeout}. */
  public MapUpdateHandlers(String name, PoolServices services, PoolMapChanges changes, io.daos.cart.CartClient client,
      java.util.function.IntFunction<java.util.Optional<String>> rankUri, java.time.Duration timeout) {
    this.calls = new ServiceCalls(services);
    this.changes = changes;
    this.discard = new PoolDiscard(name, client, rankUri, timeout);
  }

  public CartServer registerOn(CartServer s) {
    register(s, PoolRpc.EXCLUDE, MapOp.EXCLUDE);
    register(s, PoolRpc.DRAIN, MapOp.DRAIN);
    register(s, PoolRpc.REINT, MapOp.REINT);
    register(s, PoolRpc.ADD_IN, MapOp.ADD_IN);
    register(s, PoolRpc.EXCLUDE_OUT, MapOp.EXCLUDE_OUT);
    return s;
  }

  private void register(CartServer s, Opcode opc, MapOp op) {
    s.register(opc, (req, reply) -> calls.serve(req, reply, PoolTgtUpdateReq::parseFrom, PoolTgtUpdateReq::getOp,
        (svc, q) -> update(svc, q, op), st -> PoolTgtUpdateReply.newBuilder().setOp(st).build()));
  }

  private CompletableFuture<PoolTgtUpdateReply> update(PoolService svc, PoolTgtUpdateReq q, MapOp op) {
    List<TargetAddr> addrs = addrs(q.getAddrsList());
    if (op != MapOp.REINT || svc.reintMode() != PoolProps.REINT_DATA_SYNC) {
      changes.update(svc, op, addrs, q.getForce(), PoolMapChanges.Source.DMG);
      return CompletableFuture.completedFuture(PoolTgtUpdateReply.newBuilder().setOp(ServiceCalls.ok(svc)).build());
    }
    io.daos.proto.pool.PoolMap map = svc.map();
    return discard.discard(svc.poolUuid(), map.getVersion(), PoolDiscard.reintTargets(map, addrs),
        "the reintegration").thenApplyAsync(v -> {
          changes.update(svc, op, addrs, q.getForce(), PoolMapChanges.Source.DMG);
          return PoolTgtUpdateReply.newBuilder().setOp(ServiceCalls.ok(svc)).build();
        }, svc.executor());
  }

  /** The wire addresses as {@link TargetAddr}s (target -1 = the whole rank). */
  static List<TargetAddr> addrs(List<PoolTgtAddr> in) {
    return in.stream().map(a -> new TargetAddr(a.getRank(), a.getTarget() < 0 ? TargetAddr.ALL : a.getTarget()))
        .toList();
  }
}
