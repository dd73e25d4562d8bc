package io.daos.client.pool;

import io.daos.client.rpc.Futures;
import io.daos.client.rpc.RankUris;
import io.daos.placement.PoolMap;
import io.daos.proto.pool.PoolMapReply;
import io.daos.proto.pool.PoolMapReq;
import io.daos.proto.pool.PoolOp;
import io.daos.rpc.PoolRpc;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's copy of a pool map. Replies carry the server's map version; a newer one triggers one
 * POOL_TGT_QUERY_MAP to the pool service (concurrent triggers share it), as DAOS clients refresh lazily.
 */
public final class PoolMapCache {
  private static final Logger LOG = LoggerFactory.getLogger(PoolMapCache.class);

  private final ServiceClient svc;
  private final PoolOp op;
  private final RankUris uris;
  private final AtomicReference<PoolMap> map = new AtomicReference<>();
  private final AtomicReference<CompletableFuture<PoolMap>> refreshing = new AtomicReference<>();

  public PoolMapCache(ServiceClient svc, PoolOp op, RankUris uris) {
    this.svc = svc;
    this.op = op;
    this.uris = uris;
  }

  public PoolMap get() {
    return map.get();
  }

  public int version() {
    PoolMap m = map.get();
    return m == null ? 0 : m.version();
  }

  /** Installs {@code m} if it is newer than the one held. */
  public void offer(io.daos.proto.pool.PoolMap m) {
    if (m.getRanksCount() == 0) {
      return;
    }
    PoolMaps.learnUris(m, uris);
    PoolMap next = PoolMaps.fromProto(m);
    map.accumulateAndGet(next, (cur, n) -> cur == null || n.version() > cur.version() ? n : cur);
  }

  /** A reply said the server holds {@code version}: refresh in the background if that is newer. */
  public void observe(int version) {
    if (version > version()) {
      refresh().exceptionally(e -> {
        LOG.warn("pool map refresh to version {} failed: {}", version, e.getMessage());
        return null;
      });
    }
  }

  /** Fetches the current map from the service (one request in flight at a time). */
  public CompletableFuture<PoolMap> refresh() {
    CompletableFuture<PoolMap> mine = new CompletableFuture<>();
    CompletableFuture<PoolMap> cur = refreshing.compareAndExchange(null, mine);
    if (cur != null) {
      return cur;
    }
    PoolMapReq req = PoolMapReq.newBuilder().setOp(op).setKnownVersion(version()).build();
    svc.call(PoolRpc.TGT_QUERY_MAP, req, PoolMapReply.parser(), PoolMapReply::getOp).whenComplete((r, e) -> {
      refreshing.set(null);
      if (e != null) {
        mine.completeExceptionally(Futures.unwrap(e));
        return;
      }
      try {
        offer(r.getMap());
        mine.complete(map.get());
      } catch (RuntimeException x) {
        mine.completeExceptionally(Futures.unwrap(x));
      }
    });
    return mine;
  }
}
