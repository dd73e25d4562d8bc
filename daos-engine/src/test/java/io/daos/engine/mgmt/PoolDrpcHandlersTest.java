package io.daos.engine.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.CartTransport;
import io.daos.cart.transport.CartTransports;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.engine.vos.store.VosOptions;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolCreateResp;
import io.daos.proto.mgmt.PoolDestroyReq;
import io.daos.proto.mgmt.PoolDestroyResp;
import io.daos.proto.mgmt.PoolQueryReq;
import io.daos.proto.mgmt.PoolQueryResp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool dRPCs (207 create, 208 destroy, 223 query) on one engine, rank 4, that runs them as every engine does:
 * create and destroy go out over its in-memory CART-J network as MGMT_TGT_CREATE / MGMT_TGT_DESTROY, here to itself.
 */
class PoolDrpcHandlersTest {
  private static final int TARGETS = 3;
  private static final String UUID_A = "11111111-2222-3333-4444-555555555555";
  private static final VosOptions OPTS = VosOptions.defaults().withMapSize(64L << 20).withDurable(false);

  @TempDir
  Path scm;
  private final CartTransport net = CartTransports.inMemory();
  private final Map<Integer, String> uris = new ConcurrentHashMap<>();
  private PoolEngineFixture engine;
  private PoolTargets pools;
  private DrpcClient client;

  @BeforeEach
  void start() {
    open();
  }

  /** Rank 4, alone on the network, as a fresh engine process would open its SCM mount. */
  private void open() {
    engine = new PoolEngineFixture(net, uris, 4, scm, TARGETS, OPTS, new PoolServices("engine 4", () -> null));
    pools = engine.pools;
    client = engine.drpc;
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private PoolCreateResp create(String uuid, long... tierBytes) throws Exception {
    PoolCreateReq.Builder b = PoolCreateReq.newBuilder().setUuid(uuid).setSys("daos_server").addRanks(4);
    for (long t : tierBytes) {
      b.addTierBytes(t);
    }
    return PoolCreateResp.parseFrom(client.call(DrpcMethod.MGMT_POOL_CREATE, b.build().toByteArray()));
  }

  private int destroy(String uuid) throws Exception {
    return PoolDestroyResp.parseFrom(client.call(DrpcMethod.MGMT_POOL_DESTROY, PoolDestroyReq.newBuilder()
        .setId(uuid).addSvcRanks(4).build().toByteArray())).getStatus();
  }

  private PoolQueryResp query(String uuid) throws Exception {
    return PoolQueryResp.parseFrom(client.call(DrpcMethod.MGMT_POOL_QUERY, PoolQueryReq.newBuilder().setId(uuid)
        .build().toByteArray()));
  }

  @Test
  void createMakesOneVosPoolPerTargetAndRepliesLikeDaos() throws Exception {
    PoolCreateResp r = create(UUID_A, 3L << 30, 0);
    assertEquals(0, r.getStatus());
    assertEquals(List.of(4), r.getSvcRepsList());
    assertEquals(List.of(4), r.getTgtRanksList());
    assertEquals(4, r.getSvcLdr());
    assertEquals(List.of(3L << 30, 0L), r.getTierBytesList());
    for (int t = 0; t < TARGETS; t++) {
      assertTrue(Files.exists(scm.resolve(UUID_A).resolve("vos-" + t).resolve("data.mdb")), "target " + t);
    }
    assertEquals(List.of(UUID.fromString(UUID_A)), pools.list());
  }

  @Test
  void createIsIdempotent() throws Exception {
    assertEquals(0, create(UUID_A, 1L << 30, 0).getStatus());
    PoolCreateResp again = create(UUID_A, 1L << 30, 0);
    assertEquals(0, again.getStatus());
    assertEquals(List.of(1L << 30, 0L), again.getTierBytesList());
  }

  @Test
  void createRejectsBadInput() throws Exception {
    assertEquals(DaosStatus.INVAL.code(), create("not-a-uuid", 1, 0).getStatus());
    assertEquals(DaosStatus.INVAL.code(), create(UUID_A, 1).getStatus());
    assertFalse(Files.exists(scm.resolve(UUID_A)));
  }

  @Test
  void createReservesEachTargetsNvmeShare() throws Exception {
    assertEquals(0, create(UUID_A, 64L << 20, 3L << 20).getStatus());
    for (int t = 0; t < TARGETS; t++) {
      assertEquals(1L << 20, Files.size(scm.resolve(UUID_A).resolve("vos-" + t).resolve("blob.dat")), "target " + t);
    }
  }

  @Test
  void createBeyondTheFileSystemIsNoSpaceAndLeavesNothing() throws Exception {
    assertEquals(DaosStatus.NOSPACE.code(), create(UUID_A, 64L << 20, 3L << 61).getStatus());
    assertFalse(Files.exists(scm.resolve(UUID_A)));
    assertTrue(pools.list().isEmpty());
    assertEquals(0, create(UUID_A, 64L << 20, 3L << 20).getStatus(), "the same pool fits once it is smaller");
  }

  @Test
  void destroyRemovesThePoolAndIsIdempotent() throws Exception {
    create(UUID_A, 1L << 30, 0);
    assertEquals(0, destroy(UUID_A));
    assertFalse(Files.exists(scm.resolve(UUID_A)));
    assertTrue(pools.list().isEmpty());
    assertEquals(0, destroy(UUID_A), "DAOS reports an absent target as destroyed");
    assertEquals(DaosStatus.INVAL.code(), destroy("bogus"));
  }

  @Test
  void restartReopensPools() throws Exception {
    create(UUID_A, 2L << 30, 1L << 30);
    stop();
    open();
    assertEquals(List.of(UUID.fromString(UUID_A)), pools.list());
    assertEquals(2L << 30, pools.get(UUID.fromString(UUID_A)).tiers().scmBytes());
    assertEquals(1L << 30, pools.get(UUID.fromString(UUID_A)).tiers().nvmeBytes());
  }

  @Test
  void halfCreatedPoolIsNotReopened() throws Exception {
    Files.createDirectories(scm.resolve(UUID_A).resolve("vos-0"));
    stop();
    open();
    assertTrue(pools.list().isEmpty());
    DaosException e = assertThrows(DaosException.class, () -> pools.get(UUID.fromString(UUID_A)));
    assertEquals(DaosStatus.NONEXIST, e.status());
  }

  @Test
  void queryReportsSpacePerTier() throws Exception {
    create(UUID_A, 3L << 30, 6L << 30);
    PoolQueryResp q = query(UUID_A);
    assertEquals(0, q.getStatus());
    assertEquals(TARGETS, q.getTotalTargets());
    assertEquals(List.of(4), q.getSvcRepsList());
    assertEquals(3L << 30, q.getTierStats(0).getTotal());
    assertTrue(q.getTierStats(0).getFree() < q.getTierStats(0).getTotal(), "the LMDB index uses some SCM");
    assertEquals(6L << 30, q.getTierStats(1).getTotal());
    assertEquals(6L << 30, q.getTierStats(1).getFree());
    assertEquals(DaosStatus.NONEXIST.code(), query(UUID.randomUUID().toString()).getStatus());
  }
}
