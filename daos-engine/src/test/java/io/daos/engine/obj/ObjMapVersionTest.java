package io.daos.engine.obj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.CartServer;
import io.daos.cart.transport.CartTransports;
import io.daos.common.Hlc;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.pool.PoolTiers;
import io.daos.engine.pool.TargetXstreams;
import io.daos.engine.vos.store.VosOptions;
import io.daos.proto.obj.ObjRwReply;
import io.daos.proto.obj.ObjRwReq;
import io.daos.proto.pool.PoolMap;
import io.daos.rpc.ContRpc;
import io.daos.rpc.ObjRpc;
import io.netty.buffer.Unpooled;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Object replies carry the pool's own map version (DAOS: the target's pool map version in every object reply), and a
 * request showing a newer version than the engine's starts a map refresh while it is served
 * (ds_pool_child_map_refresh_async).
 */
class ObjMapVersionTest {
  @TempDir
  Path scm;
  private TargetXstreams xs;
  private PoolTargets pools;
  private CartServer server;
  private CartClient client;
  private final List<String> refreshes = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    xs = new TargetXstreams("mapver", 1);
    pools = new PoolTargets(scm, xs, VosOptions.defaults().withMapSize(256L << 20).withDurable(false));
    pools.create(ObjRpcFixture.POOL, new PoolTiers(64L << 20, 0));
    ContHandleCache handles = ContHandleCache.of((pool, h) -> h.equals(ObjRpcFixture.HDL)
        ? CompletableFuture.completedFuture(new ContHandle(ObjRpcFixture.HDL, ObjRpcFixture.CONT,
            ContRpc.CAPA_READ_DATA | ContRpc.CAPA_WRITE_DATA, ContRpc.COO_RW))
        : CompletableFuture.failedFuture(new DaosException(DaosStatus.NO_HDL, "unknown handle " + h)));
    server = CartServer.builder().transport(CartTransports.tcp()).uri("ofi+tcp://127.0.0.1:0").name("mapver")
        .targets(1).targetExecutor(xs::executor).build();
    new ObjHandlers("mapver", pools, pools::mapVersion, (pool, seen) -> refreshes.add(pool + "@" + seen),
        Hlc.system(), handles, xs::executor).registerOn(server);
    server.start();
    client = CartClient.builder().transport(CartTransports.tcp()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    pools.close();
    xs.close();
  }

  private ObjRwReply update(int clientMapVersion) throws Exception {
    ObjRwReq req = ObjRwReq.newBuilder().setTarget(ObjRpcFixture.target(1)).setDkey(ObjRpcFixture.key("d"))
        .addIods(ObjRpcFixture.single("a", 1)).build();
    try (CartReply r = client.callSync(server.uri(), ObjRpc.UPDATE, 0, clientMapVersion,
        Unpooled.wrappedBuffer(req.toByteArray()), Unpooled.wrappedBuffer(new byte[] {7}), Duration.ofSeconds(20))) {
      ObjRwReply b = ObjRwReply.parseFrom(r.bodyBytes());
      if (b.getStatus() == 0) {
        assertEquals(r.mapVersion(), b.getMapVersion(), "header and body agree");
        return b;
      }
      return b.toBuilder().setMapVersion(r.mapVersion()).build();
    }
  }

  @Test
  void repliesCarryThePoolsInstalledMapVersion() throws Exception {
    assertEquals(PoolTargets.POOL_MAP_VERSION, update(1).getMapVersion(), "the create version before any map");
    assertTrue(pools.get(ObjRpcFixture.POOL).installMap(PoolMap.newBuilder().setVersion(4).build()));
    assertEquals(4, update(4).getMapVersion());
    assertTrue(refreshes.isEmpty(), "no refresh when the client is not ahead: " + refreshes);
    assertTrue(!pools.get(ObjRpcFixture.POOL).installMap(PoolMap.newBuilder().setVersion(3).build()),
        "an older map is not installed");
    assertEquals(4, pools.mapVersion(ObjRpcFixture.POOL));
  }

  @Test
  void newerClientVersionRefreshesAndTheRequestStillWorks() throws Exception {
    ObjRwReply r = update(9);
    assertEquals(0, r.getStatus());
    assertEquals(PoolTargets.POOL_MAP_VERSION, r.getMapVersion());
    assertEquals(List.of(ObjRpcFixture.POOL + "@9"), refreshes);
  }

  /**
   * DAOS {@code obj_ioc_begin}: a client request placed on an older map than the engine's fails with DER_STALE (the
   * client refreshes its map and places the object again); the engine's reply still carries its version.
   */
  @Test
  void olderClientVersionIsStale() throws Exception {
    assertTrue(pools.get(ObjRpcFixture.POOL).installMap(PoolMap.newBuilder().setVersion(4).build()));
    ObjRwReply r = update(3);
    assertEquals(DaosStatus.STALE.code(), r.getStatus());
    assertEquals(4, r.getMapVersion());
    assertEquals(0, update(4).getStatus(), "the same request on the engine's map version");
    assertTrue(refreshes.isEmpty(), refreshes.toString());
  }
}
