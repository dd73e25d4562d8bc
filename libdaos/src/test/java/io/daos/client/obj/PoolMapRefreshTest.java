package io.daos.client.obj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.CartClient;
import io.daos.cart.CartReplier;
import io.daos.cart.CartServer;
import io.daos.cart.transport.CartTransports;
import io.daos.client.pool.PoolMapCache;
import io.daos.client.pool.RetryPolicy;
import io.daos.client.pool.ServiceClient;
import io.daos.client.rpc.EngineRpc;
import io.daos.client.rpc.RankUris;
import io.daos.placement.JumpMap;
import io.daos.placement.PoolMap;
import io.daos.placement.Shard;
import io.daos.placement.TargetState;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectId;
import io.daos.placement.object.ObjectType;
import io.daos.proto.obj.ObjRwReply;
import io.daos.proto.obj.ObjRwReq;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolMapReply;
import io.daos.proto.pool.PoolMapReq;
import io.daos.proto.pool.PoolMapTarget;
import io.daos.proto.pool.PoolOp;
import io.daos.proto.pool.PoolOpReply;
import io.daos.rpc.ObjRpc;
import io.daos.rpc.PoolRpc;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's side of a pool map change, at the CART-J edge: scripted handlers stand where the engines' object and
 * pool service handlers are, so an object reply can carry a newer pool map version than the client's. The real
 * engines never change a pool map yet (exclusion is issue 11), so their side is checked in itest.
 */
class PoolMapRefreshTest {
  private static final int RANKS = 4;
  private static final int TARGETS = 2;
  private static final int DOWN_RANK = 3;
  private static final ShardIo.Call<ObjRwReply> UPDATE = new ShardIo.Call<>(ObjRpc.UPDATE, ObjRwReply.parser(),
      ObjRwReply::getStatus, ObjRwReply::getEpoch);

  private final AtomicInteger serverVersion = new AtomicInteger(1);
  private final AtomicInteger mapQueries = new AtomicInteger();
  private final CompletableFuture<PoolMapReq> queried = new CompletableFuture<>();
  private final CompletableFuture<CartReplier> heldReply = new CompletableFuture<>();
  private CartServer server;
  private CartClient cart;
  private PoolMapCache cache;
  private EngineRpc rpc;

  @BeforeEach
  void setUp() {
    var net = CartTransports.inMemory();
    server = CartServer.builder().transport(net).uri("ofi+tcp://127.0.0.1:0").name("engines").build()
        .register(ObjRpc.UPDATE, (req, r) -> r.ok(serverVersion.get(),
            ObjRwReply.newBuilder().setEpoch(7).build().toByteArray()))
        .register(PoolRpc.TGT_QUERY_MAP, (req, r) -> {
          mapQueries.incrementAndGet();
          queried.complete(PoolMapReq.parseFrom(req.bodyBytes()));
          heldReply.complete(r);
        }).start();
    cart = CartClient.builder().transport(net).name("client").build();
    RankUris uris = new RankUris();
    for (int rank = 0; rank < RANKS; rank++) {
      uris.put(rank, server.uri());
    }
    rpc = new EngineRpc(cart, uris, Duration.ofSeconds(10));
    ServiceClient svc = new ServiceClient(rpc, "pool1", List.of(0), RetryPolicy.DEFAULT);
    cache = new PoolMapCache(svc, PoolOp.getDefaultInstance(), uris);
    cache.offer(mapProto(1, -1));
  }

  @AfterEach
  void tearDown() {
    rpc.close();
    server.close();
  }

  /**
   * DAOS's client marks its pool map stale when a reply's map version is above the request's ({@code obj_comp_cb}:
   * {@code map_ver_reply > map_ver_req}, as after {@code DAOS_FORCE_REFRESH_POOL_MAP} in IO36) and queries the pool
   * ({@code obj_pool_query_task}). Here: one map query with the version the client knew, which a refresh asked for
   * meanwhile shares; then objects are placed on the new map.
   */
  @Test
  void io_pool_map_refresh_trigger() throws Exception {
    ObjectId oid = ObjectId.byClass(1, 0, ObjectType.MULTI_HASHED, ObjectClass.SX);
    List<Shard> group = JumpMap.create().place(oid, cache.get()).group(0);
    ShardIo io = new ShardIo(rpc, new Random(1), cache, ShardIo.objTarget(UUID.randomUUID(), UUID.randomUUID(),
        UUID.randomUUID(), oid));
    serverVersion.set(2);

    io.writeAll(cache.version(), group, 0, UPDATE, (t, epoch) -> ObjRwReq.newBuilder().setTarget(t).setEpoch(epoch).build(), null)
        .get(10, TimeUnit.SECONDS);

    assertEquals(1, queried.get(10, TimeUnit.SECONDS).getKnownVersion(), "the reply's version 2 triggered a query");
    assertEquals(1, cache.version(), "the map changes when the service answers");
    CompletableFuture<PoolMap> refresh = cache.refresh();
    heldReply.get().ok(2, PoolMapReply.newBuilder().setOp(PoolOpReply.newBuilder().setMapVersion(2))
        .setMap(mapProto(2, DOWN_RANK)).build().toByteArray());
    PoolMap refreshed = refresh.get(10, TimeUnit.SECONDS);
    assertEquals(2, refreshed.version());
    assertSame(refreshed, cache.get());
    assertEquals(1, mapQueries.get(), "a refresh asked for while one is in flight shares it");
    assertTrue(refreshed.targets().stream().filter(t -> t.rank() == DOWN_RANK)
        .allMatch(t -> t.state() == TargetState.DOWN));
    assertTrue(JumpMap.create().place(oid, refreshed).shards().stream().noneMatch(s -> s.rank() == DOWN_RANK),
        "no shard on the rank the new map has down");
  }

  /** 4 ranks x 2 targets at {@code version}, the targets of {@code downRank} (if any) DOWN. */
  private io.daos.proto.pool.PoolMap mapProto(int version, int downRank) {
    io.daos.proto.pool.PoolMap.Builder m = io.daos.proto.pool.PoolMap.newBuilder().setVersion(version);
    for (int rank = 0; rank < RANKS; rank++) {
      PoolMapRank.Builder r = PoolMapRank.newBuilder().setRank(rank).setFaultDomain("/node" + rank)
          .setUri(server.uri());
      for (int t = 0; t < TARGETS; t++) {
        r.addTargets(rank == downRank ? PoolMapTarget.newBuilder().setState(TargetState.DOWN.bit()).setFseq(1)
            : PoolMapTarget.newBuilder().setState(TargetState.UPIN.bit()));
      }
      m.addRanks(r);
    }
    return m.build();
  }
}
