package io.daos.engine.pool.map;

import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.common.Uuids;
import io.daos.proto.pool.PoolMapReply;
import io.daos.proto.pool.PoolMapReq;
import io.daos.proto.pool.PoolOp;
import io.daos.rpc.PoolRpc;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine's refresh of a pool map it learns is stale (DAOS {@code ds_pool_child_map_refresh_async} when a
 * request carries a newer map version): asks the service replicas for the map (POOL_TGT_QUERY_MAP, trying each
 * until the leader answers) and installs it through {@link MapPush#install}. One refresh per pool at a time.
 */
public final class MapRefresh {
  private static final Logger LOG = LoggerFactory.getLogger(MapRefresh.class);

  private final String name;
  private final MapPush push;
  private final CartClient client;
  private final Function<UUID, List<String>> replicaUris;
  private final Duration timeout;
  private final java.util.concurrent.Executor io;
  private final Map<UUID, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

  /** {@code io} runs the (blocking) fetches. */
  public MapRefresh(String name, MapPush push, CartClient client, Function<UUID, List<String>> replicaUris,
      Duration timeout, java.util.concurrent.Executor io) {
    this.io = io;
    this.name = name;
    this.push = push;
    this.client = client;
    this.replicaUris = replicaUris;
    this.timeout = timeout;
  }

  /** Starts a refresh of {@code pool}'s map unless one is running; the future ends when it has. */
  public CompletableFuture<Void> refresh(UUID pool, int seen) {
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> cur = running.putIfAbsent(pool, mine);
    if (cur != null) {
      return cur;
    }
    Runnable done = () -> {
      running.remove(pool, mine);
      mine.complete(null);
    };
    try {
      io.execute(() -> {
        try {
          fetch(pool, seen);
        } finally {
          done.run();
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException stopping) {
      done.run();
    }
    return mine;
  }

  private void fetch(UUID pool, int seen) {
    byte[] body = PoolMapReq.newBuilder().setOp(PoolOp.newBuilder().setPoolUuid(Uuids.toByteString(pool)))
        .setKnownVersion(seen).build().toByteArray();
    for (String uri : replicaUris.apply(pool)) {
      try (CartReply r = CartClient.await(client.callWrapped(uri, PoolRpc.TGT_QUERY_MAP, 0, 0, body, null,
          timeout))) {
        PoolMapReply m = PoolMapReply.parseFrom(r.bodyBytes());
        if (r.status() == 0 && m.getOp().getStatus() == 0 && m.hasMap()) {
          push.install(pool, m.getMap());
          return;
        }
      } catch (com.google.protobuf.InvalidProtocolBufferException | RuntimeException e) {
        LOG.debug("{}: pool {} map refresh from {} failed: {}", name, pool, uri, e.toString());
      }
    }
    LOG.warn("{}: pool {}: no service replica gave a map newer than version {}", name, pool, seen);
  }
}
