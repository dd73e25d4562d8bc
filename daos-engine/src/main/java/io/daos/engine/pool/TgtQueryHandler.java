package io.daos.engine.pool;

import io.daos.cart.CartReplier;
import io.daos.cart.CartRequest;
import io.daos.cart.CartServer;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.proto.pool.PoolSpace;
import io.daos.proto.pool.PoolTgtQueryReply;
import io.daos.proto.pool.PoolTgtQueryReq;
import io.daos.proto.pool.TierSpace;
import io.daos.rpc.PoolRpc;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * POOL_TGT_QUERY on every engine: the space of this engine's targets of a pool, one PoolSpace per target, measured
 * on the targets' own threads (so the handler body runs on {@code executor}, not on a target thread).
 */
public final class TgtQueryHandler {
  private final PoolTargets pools;
  private final Executor executor;

  public TgtQueryHandler(PoolTargets pools, Executor executor) {
    this.pools = pools;
    this.executor = executor;
  }

  public CartServer registerOn(CartServer s) {
    return s.register(PoolRpc.TGT_QUERY, this::handle);
  }

  void handle(CartRequest req, CartReplier reply) {
    PoolTgtQueryReq q;
    try {
      q = PoolTgtQueryReq.parseFrom(req.bodyBytes());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      reply.error(DaosStatus.PROTO, 0);
      return;
    }
    executor.execute(() -> reply.ok(0, answer(q).toByteArray()));
  }

  PoolTgtQueryReply answer(PoolTgtQueryReq q) {
    try {
      UUID pool = Uuids.required(q.getOp().getPoolUuid(), "pool");
      return spaces(pools, pool, q.getTargetsList(), "this rank").build();
    } catch (DaosException e) {
      return PoolTgtQueryReply.newBuilder().setStatus(e.status().code()).build();
    }
  }

  /**
   * The space of the pool's targets on this engine, in the order asked (all of them when {@code targets} is
   * empty); an index this engine does not have is DER_NONEXIST, as DAOS's pool_map_find_target_by_rank_idx miss.
   */
  public static PoolTgtQueryReply.Builder spaces(PoolTargets pools, UUID pool, List<Integer> targets, String who) {
    List<List<TierUsage>> perTarget = pools.targetUsage(pool);
    PoolTgtQueryReply.Builder b = PoolTgtQueryReply.newBuilder();
    if (targets.isEmpty()) {
      perTarget.forEach(t -> b.addTargets(space(t)));
      return b;
    }
    for (int t : targets) {
      if (t < 0 || t >= perTarget.size()) {
        throw new DaosException(DaosStatus.NONEXIST, "target index " + Integer.toUnsignedString(t)
            + " does not exist: " + who + " has targets 0-" + (perTarget.size() - 1));
      }
      b.addTargets(space(perTarget.get(t)));
    }
    return b;
  }

  private static PoolSpace space(List<TierUsage> tiers) {
    PoolSpace.Builder s = PoolSpace.newBuilder().setTargets(1);
    for (TierUsage u : tiers) {
      s.addTiers(TierSpace.newBuilder().setTotal(u.total()).setFree(u.free()).setMin(u.min()).setMax(u.max())
          .setMean(u.mean()));
    }
    return s.build();
  }
}
