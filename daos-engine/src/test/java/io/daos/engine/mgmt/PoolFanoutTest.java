package io.daos.engine.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.CartClient;
import io.daos.cart.CartServer;
import io.daos.cart.CartTransport;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.cart.transport.CartTransports;
import io.daos.common.FakeTicker;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.pool.TargetXstreams;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.engine.vos.store.VosOptions;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolCreateResp;
import io.daos.proto.tgt.TgtDestroyReply;
import io.daos.rpc.MgmtRpc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pool create and destroy fanned out over an in-memory CART-J network to three ranks (DAOS ds_mgmt_create_pool /
 * ds_mgmt_destroy_pool): every rank creates its targets; a rank that cannot be reached, is not in the group map or
 * fails its create fails the pool create with its status, and what the others created is destroyed again.
 */
class PoolFanoutTest {
  private static final int RANKS = 3;
  private static final int TARGETS = 2;
  private static final UUID POOL = UUID.fromString("11111111-2222-3333-4444-555555555555");
  private static final VosOptions OPTS = VosOptions.defaults().withMapSize(64L << 20).withDurable(false);

  @TempDir
  Path dir;
  private final CartTransport net = CartTransports.inMemory();
  private final Map<Integer, String> uris = new ConcurrentHashMap<>();
  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<Path> scm = new ArrayList<>();
  private ExecutorService exec;
  private CartClient client;
  private PoolFanout fanout;

  @BeforeEach
  void start() throws IOException {
    exec = Executors.newCachedThreadPool();
    for (int r = 0; r < RANKS; r++) {
      startRank(r);
    }
    client = CartClient.builder().transport(net).name("test").build();
    RankCalls calls = new RankCalls(client, r -> Optional.ofNullable(uris.get(r)), new FakeTicker());
    fanout = new PoolFanout("engine 0", calls, Duration.ofSeconds(2));
  }

  private void startRank(int rank) throws IOException {
    Path mount = Files.createDirectories(dir.resolve("rank" + rank));
    scm.add(mount);
    TargetXstreams xs = new TargetXstreams("r" + rank, TARGETS);
    PoolTargets pools = new PoolTargets(mount, xs, OPTS);
    EngineState state = new EngineState();
    state.setRank(rank, 1);
    LocalPoolOps local = new LocalPoolOps("engine " + rank, state, pools,
        new PoolServices("engine " + rank, () -> null), r -> Optional.empty());
    CartServer s = CartServer.builder().transport(net).uri("ofi+tcp://127.0.0.1:0").name("r" + rank).build();
    new PoolTgtHandlers(local, exec).registerOn(s).start();
    uris.put(rank, s.uri());
    open.add(s);
    open.add(pools);
    open.add(xs);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    for (AutoCloseable c : open) {
      c.close();
    }
    exec.shutdownNow();
  }

  private static PoolCreateReq req(int... ranks) {
    PoolCreateReq.Builder b = PoolCreateReq.newBuilder().setUuid(POOL.toString()).addTierBytes(1L << 30)
        .addTierBytes(0);
    for (int r : ranks) {
      b.addRanks(r);
    }
    return b.build();
  }

  private boolean onRank(int rank) {
    return Files.exists(scm.get(rank).resolve(POOL.toString()));
  }

  @Test
  void createTimeoutGrowsWithThePoolLikeDaos() {
    Duration one = Duration.ofSeconds(1);
    assertEquals(Duration.ofSeconds(15), PoolFanout.createTimeout(8L << 30, one));
    assertEquals(Duration.ofSeconds(30), PoolFanout.createTimeout(32L << 30, one));
    assertEquals(Duration.ofSeconds(60), PoolFanout.createTimeout(100L << 30, one));
    assertEquals(Duration.ofSeconds(90), PoolFanout.createTimeout(128L << 30, one));
    assertEquals(Duration.ofSeconds(60), PoolFanout.createTimeout(8L << 30, Duration.ofSeconds(60)),
        "never below CRT_TIMEOUT");
  }

  @Test
  void createMakesTheTargetsOfEveryRank() {
    PoolCreateResp r = fanout.create(req(0, 1, 2), 0);
    assertEquals(0, r.getStatus());
    assertEquals(List.of(0, 1, 2), r.getTgtRanksList());
    assertEquals(List.of(1L << 30, 0L), r.getTierBytesList());
    for (int rank = 0; rank < RANKS; rank++) {
      assertTrue(onRank(rank), "rank " + rank);
      assertTrue(Files.exists(scm.get(rank).resolve(POOL.toString()).resolve("vos-1")), "rank " + rank);
    }
  }

  @Test
  void unreachableRankFailsTheCreateAndTheOthersAreCleanedUp() throws Exception {
    open.get(2 * 3).close();
    PoolCreateResp r = fanout.create(req(0, 1, 2), 0);
    assertEquals(DaosStatus.UNREACH.code(), r.getStatus());
    assertFalse(onRank(0));
    assertFalse(onRank(1));
  }

  @Test
  void rankNotInTheGroupMapFailsTheCreateWithOog() {
    uris.remove(1);
    PoolCreateResp r = fanout.create(req(0, 1, 2), 0);
    assertEquals(DaosStatus.OOG.code(), r.getStatus());
    assertFalse(onRank(0));
    assertFalse(onRank(2));
  }

  @Test
  void rankFailingItsCreateFailsTheCreateWithItsStatus() throws IOException {
    Files.writeString(scm.get(2).resolve(POOL.toString()), "a file where the pool directory goes");
    PoolCreateResp r = fanout.create(req(0, 1, 2), 0);
    assertEquals(DaosStatus.IO.code(), r.getStatus());
    assertFalse(onRank(0));
    assertFalse(onRank(1));
  }

  @Test
  void destroyRemovesThePoolFromEveryRankAndIsIdempotent() {
    assertEquals(0, fanout.create(req(0, 1, 2), 0).getStatus());
    assertEquals(0, fanout.destroy(POOL, List.of(0, 1, 2)));
    for (int rank = 0; rank < RANKS; rank++) {
      assertFalse(onRank(rank), "rank " + rank);
    }
    assertEquals(0, fanout.destroy(POOL, List.of(0, 1, 2)), "ranks without the pool answer success");
  }

  @Test
  void destroyReportsAnUnreachableRank() throws Exception {
    assertEquals(0, fanout.create(req(0, 1, 2), 0).getStatus());
    open.get(3).close();
    assertEquals(DaosStatus.UNREACH.code(), fanout.destroy(POOL, List.of(0, 1, 2)));
    assertFalse(onRank(0));
    assertFalse(onRank(2));
  }

  @Test
  void rankThatNeverAnswersTimesOut() {
    CartServer silent = CartServer.builder().transport(net).uri("ofi+tcp://127.0.0.1:0").name("silent").build();
    silent.register(MgmtRpc.TGT_DESTROY, (req, reply) -> { }).start();
    open.add(0, silent);
    uris.put(7, silent.uri());
    RankCalls calls = new RankCalls(client, r -> Optional.ofNullable(uris.get(r)));
    Map<Integer, RankCalls.Outcome<TgtDestroyReply>> out = calls.call(List.of(0, 7), MgmtRpc.TGT_DESTROY,
        io.daos.proto.tgt.TgtDestroyReq.newBuilder().setPoolUuid(Uuids.toByteString(POOL)).build().toByteArray(),
        Duration.ofMillis(200), TgtDestroyReply::parseFrom, TgtDestroyReply::getStatus);
    assertEquals(0, out.get(0).status());
    assertEquals(DaosStatus.TIMEDOUT.code(), out.get(7).status());
  }
}
