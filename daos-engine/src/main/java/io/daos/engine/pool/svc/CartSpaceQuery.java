package io.daos.engine.pool.svc;

import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.common.Uuids;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolOp;
import io.daos.proto.pool.PoolSpace;
import io.daos.proto.pool.PoolTgtQueryReply;
import io.daos.proto.pool.PoolTgtQueryReq;
import io.daos.proto.pool.TierSpace;
import io.daos.rpc.PoolRpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every rank of the pool map for its targets' space over CART-J (POOL_TGT_QUERY) and sums the answers per
 * tier: total and free add up, min/max over targets, mean = free / targets. A rank that does not answer is left
 * out (logged).
 */
public final class CartSpaceQuery implements PoolSpaceQuery {
  private static final Logger LOG = LoggerFactory.getLogger(CartSpaceQuery.class);
  static final int TIERS = 2;

  private final CartClient client;
  private final IntFunction<Optional<String>> rankUri;
  private final Duration timeout;

  public CartSpaceQuery(CartClient client, IntFunction<Optional<String>> rankUri, Duration timeout) {
    this.client = client;
    this.rankUri = rankUri;
    this.timeout = timeout;
  }

  @Override
  public CompletableFuture<PoolSpace> query(UUID pool, PoolMap map) {
    byte[] body = PoolTgtQueryReq.newBuilder().setOp(PoolOp.newBuilder().setPoolUuid(
        Uuids.toByteString(pool))).build().toByteArray();
    List<CompletableFuture<List<PoolSpace>>> calls = new ArrayList<>();
    for (PoolMapRank r : map.getRanksList()) {
      Optional<String> uri = rankUri.apply(r.getRank());
      if (uri.isEmpty()) {
        LOG.warn("pool {}: no URI known for rank {}; its space is left out", pool, r.getRank());
        continue;
      }
      calls.add(client.callWrapped(uri.get(), PoolRpc.TGT_QUERY, 0, (int) map.getVersion(), body, null, timeout)
          .thenApply(reply -> targets(pool, r.getRank(), reply)).exceptionally(e -> {
            LOG.warn("pool {}: rank {} did not answer the space query: {}", pool, r.getRank(), e.getMessage());
            return List.of();
          }));
    }
    return CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
      List<PoolSpace> all = new ArrayList<>();
      calls.forEach(c -> all.addAll(c.join()));
      return sum(all);
    });
  }

  private static List<PoolSpace> targets(UUID pool, int rank, CartReply reply) {
    try (reply) {
      PoolTgtQueryReply r = PoolTgtQueryReply.parseFrom(reply.body().nioBuffer());
      if (r.getStatus() != 0) {
        LOG.warn("pool {}: rank {} answered the space query with {}", pool, rank, r.getStatus());
        return List.of();
      }
      return r.getTargetsList();
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      LOG.warn("pool {}: rank {} sent a malformed space reply: {}", pool, rank, e.getMessage());
      return List.of();
    }
  }

  /** The per-tier sum of per-target spaces. */
  static PoolSpace sum(List<PoolSpace> targets) {
    PoolSpace.Builder out = PoolSpace.newBuilder().setTargets(targets.size());
    for (int t = 0; t < TIERS; t++) {
      long total = 0;
      long free = 0;
      long min = Long.MAX_VALUE;
      long max = 0;
      for (PoolSpace s : targets) {
        TierSpace ts = s.getTiersCount() > t ? s.getTiers(t) : TierSpace.getDefaultInstance();
        total += ts.getTotal();
        free += ts.getFree();
        min = Math.min(min, ts.getFree());
        max = Math.max(max, ts.getFree());
      }
      out.addTiers(TierSpace.newBuilder().setTotal(total).setFree(free).setMin(targets.isEmpty() ? 0 : min)
          .setMax(max).setMean(targets.isEmpty() ? 0 : free / targets.size()));
    }
    return out.build();
  }
}
