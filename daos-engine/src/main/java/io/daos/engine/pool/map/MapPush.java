package io.daos.engine.pool.map;

import io.daos.cart.CartClient;
import io.daos.cart.CartServer;
import io.daos.common.Uuids;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.EnginePool;
import io.daos.engine.pool.PoolTargets;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolTgtMapUpdateReply;
import io.daos.proto.pool.PoolTgtMapUpdateReq;
import io.daos.rpc.PoolRpc;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The eager distribution of a new pool map (DAOS {@code ds_pool_iv_map_update}): the service leader sends
 * POOL_TGT_MAP_UPDATE to every engine in the map, each of which installs the map in its {@link EnginePool} when it
 * is newer ({@code ds_pool_tgt_map_update}). A rank that does not answer (a dead one) keeps its old map and
 * refreshes it when a client shows it a newer version ({@link MapRefresh}).
 */
public final class MapPush {
  private static final Logger LOG = LoggerFactory.getLogger(MapPush.class);

  private final String name;
  private final PoolTargets pools;
  private final CartClient client;
  private final IntFunction<Optional<String>> rankUri;
  private final Duration timeout;

  public MapPush(String name, PoolTargets pools, CartClient client, IntFunction<Optional<String>> rankUri,
      Duration timeout) {
    this.name = name;
    this.pools = pools;
    this.client = client;
    this.rankUri = rankUri;
    this.timeout = timeout;
  }

  /** Serves POOL_TGT_MAP_UPDATE: installs the pushed map of a pool this engine holds targets of. */
  public CartServer registerOn(CartServer s) {
    return s.register(PoolRpc.TGT_MAP_UPDATE, (req, reply) -> {
      PoolTgtMapUpdateReq q;
      UUID pool;
      try {
        q = PoolTgtMapUpdateReq.parseFrom(req.bodyBytes());
        pool = Uuids.required(q.getPoolUuid(), "pool");
      } catch (com.google.protobuf.InvalidProtocolBufferException | io.daos.common.status.DaosException e) {
        LOG.warn("{}: malformed pool map update from {}: {}", name, req.peer(), e.getMessage());
        reply.error(DaosStatus.PROTO, 0);
        return;
      }
      install(pool, q.getMap());
      reply.ok(pools.mapVersion(pool), PoolTgtMapUpdateReply.newBuilder()
          .setMapVersion(pools.mapVersion(pool)).build().toByteArray());
    });
  }

  /** Installs {@code map} for {@code pool} here; false when this engine holds no target of it or has a newer map. */
  public boolean install(UUID pool, PoolMap map) {
    Optional<EnginePool> p = pools.find(pool);
    if (p.isEmpty()) {
      return false;
    }
    boolean installed = p.get().installMap(map);
    if (installed) {
      LOG.info("{}: pool {} map version {} installed", name, pool, map.getVersion());
    }
    return installed;
  }

  /** Sends {@code map} to every rank in it (this engine's own included); does not wait for the answers. */
  public void push(UUID pool, PoolMap map) {
    byte[] body = PoolTgtMapUpdateReq.newBuilder().setPoolUuid(Uuids.toByteString(pool)).setMap(map).build()
        .toByteArray();
    for (PoolMapRank r : map.getRanksList()) {
      Optional<String> uri = rankUri.apply(r.getRank());
      if (uri.isEmpty() && !r.getUri().isEmpty()) {
        uri = Optional.of(r.getUri());
      }
      if (uri.isEmpty()) {
        LOG.warn("{}: pool {} map version {}: no URI for rank {}", name, pool, map.getVersion(), r.getRank());
        continue;
      }
      client.callWrapped(uri.get(), PoolRpc.TGT_MAP_UPDATE, 0, map.getVersion(), body, null, timeout)
          .whenComplete((reply, err) -> {
            if (reply != null) {
              reply.close();
            }
            if (err != null) {
              LOG.info("{}: pool {} map version {} not delivered to rank {}: {}", name, pool, map.getVersion(),
                  r.getRank(), err.getMessage());
            }
          });
    }
  }
}
