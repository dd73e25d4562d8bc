package io.daos.engine.pool;

import io.daos.cart.CartReplier;
import io.daos.cart.CartRequest;
import io.daos.cart.CartServer;
import io.daos.common.DaosException;
import io.daos.common.DaosStatus;
import io.daos.proto.pool.PoolSpace;
import io.daos.proto.pool.PoolTgtQueryReply;
import io.daos.proto.pool.PoolTgtQueryReq;
import io.daos.proto.pool.TierSpace;
import io.daos.rpc.PoolRpc;
import java.nio.ByteBuffer;
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
      byte[] u = q.getOp().getPoolUuid().toByteArray();
      if (u.length != 16) {
        throw new DaosException(DaosStatus.INVAL, "pool UUID must be 16 bytes");
      }
      ByteBuffer bb = ByteBuffer.wrap(u);
      List<List<TierUsage>> perTarget = pools.targetUsage(new UUID(bb.getLong(), bb.getLong()));
      PoolTgtQueryReply.Builder b = PoolTgtQueryReply.newBuilder();
      for (int t = 0; t < perTarget.size(); t++) {
        if (q.getTargetsCount() == 0 || q.getTargetsList().contains(t)) {
          b.addTargets(space(perTarget.get(t)));
        }
      }
      return b.build();
    } catch (DaosException e) {
      return PoolTgtQueryReply.newBuilder().setStatus(e.status().code()).build();
    }
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
