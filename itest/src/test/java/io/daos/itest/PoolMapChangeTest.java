package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.client.DaosClient;
import io.daos.client.DaosContainer;
import io.daos.client.DaosKv;
import io.daos.client.DaosPool;
import io.daos.client.cont.ContainerProps;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.itest.inproc.InProcessEngine;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import io.daos.proto.mgmt.PoolExcludeReq;
import io.daos.proto.mgmt.PoolExcludeResp;
import io.daos.proto.mgmt.PoolProperty;
import io.daos.proto.mgmt.PoolQueryReq;
import io.daos.proto.mgmt.PoolQueryResp;
import io.daos.proto.mgmt.PoolQueryTargetInfo.TargetState;
import io.daos.proto.mgmt.PoolQueryTargetReq;
import io.daos.proto.mgmt.PoolQueryTargetResp;
import io.daos.proto.mgmt.PoolReintReq;
import io.daos.proto.mgmt.PoolReintResp;
import io.daos.proto.mgmt.PoolSetPropReq;
import io.daos.proto.mgmt.PoolSetPropResp;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pool map changes on 3 servers × 1 engine × 2 targets in this JVM, with short SWIM timings: exclude and
 * reintegrate through the engine's dRPC methods (as dmg pool exclude/reintegrate reach them), a libdaos client that
 * keeps reading and writing an RP_2G1 KV across the change and picks up the new map, then an engine killed: SWIM
 * declares it dead and the pool whose self_heal has "exclude" excludes its targets, the one without does not.
 * DAOS: daos_test pool/rebuild suites (exclude, reintegrate), ftest pool/exclude, rebuild/basic (pi_ndisabled).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoolMapChangeTest {
  /** SCM per rank of this class's pools, with no NVMe: nothing it checks needs the NVMe blob reserved on the disk. */
  private static final long SCM_ONLY = 256L << 20;
  private static final String[] SWIM_ENV = {"SWIM_PROTOCOL_PERIOD_LEN=200", "SWIM_PING_TIMEOUT=150",
      "SWIM_SUSPECT_TIMEOUT=2000", "DAOS_REBUILD=no"};
  private static final int TARGETS = 2;
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  static Path dir;
  private InProcessCluster cluster;

  @BeforeAll
  void start() throws Exception {
    cluster = MiniDaosCluster.builder(dir).inProcess().servers(3).engines(1).targets(TARGETS).replicas(1)
        .engineEnv(SWIM_ENV).start();
    cluster.waitForReady();
  }

  @AfterAll
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private <T> T drpc(int rank, DrpcMethod m, byte[] body, Parser<T> parser) {
    InProcessEngine e = cluster.engine(rank).orElseThrow();
    try (DrpcClient c = DrpcClient.builder(e.engine().drpcSocket()).transport(cluster.drpcTransport())
        .timeout(Duration.ofSeconds(30)).connect()) {
      return parser.parse(c.call(m, body));
    } catch (Exception x) {
      throw new AssertionError("dRPC " + m + " to rank " + rank + ": " + x, x);
    }
  }

  @FunctionalInterface
  interface Parser<T> {
    T parse(byte[] b) throws Exception;
  }

  private PoolQueryResp query(int via, MiniDaosCluster.CreatedPool p) {
    return drpc(via, DrpcMethod.MGMT_POOL_QUERY, PoolQueryReq.newBuilder().setId(p.uuid().toString())
        .addAllSvcRanks(p.resp().getSvcRepsList()).build().toByteArray(), PoolQueryResp::parseFrom);
  }

  private List<TargetState> targetStates(int via, MiniDaosCluster.CreatedPool p, int rank) {
    PoolQueryTargetResp r = drpc(via, DrpcMethod.MGMT_POOL_QUERY_TARGETS, PoolQueryTargetReq.newBuilder()
        .setId(p.uuid().toString()).setRank(rank).addAllSvcRanks(p.resp().getSvcRepsList()).build().toByteArray(),
        PoolQueryTargetResp::parseFrom);
    assertEquals(0, r.getStatus(), "query targets of rank " + rank);
    return r.getInfosList().stream().map(i -> i.getState()).toList();
  }

  private int engineMapVersion(int rank, UUID pool) {
    return cluster.engine(rank).orElseThrow().engine().pools().mapVersion(pool);
  }

  /** DAOS daos_test pool "exclude" + "reintegrate" through dmg's dRPC path, with I/O across the change. */
  @Test
  @Order(1)
  @Timeout(180)
  void excludeThenReintegrateWhileClientDoesIo() throws Exception {
    MiniDaosCluster.CreatedPool p = cluster.createPool("mapchg", SCM_ONLY, 0, 3);
    int victim = p.resp().getTgtRanks(1);
    int via = p.resp().getTgtRanks(0);
    try (DaosClient client = cluster.newDaosClient()) {
      DaosPool pool = client.connectPool("mapchg", PoolRpc.PC_RW);
      pool.createContainer(ContainerProps.empty().withLabel("c"));
      DaosContainer cont = pool.openContainer("c", ContRpc.COO_RW);
      DaosKv kv = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, ObjectClass.RP_2G1, 0));
      for (int i = 0; i < 20; i++) {
        kv.put("before" + i, ("v" + i).getBytes(StandardCharsets.UTF_8));
      }
      assertEquals(1, pool.poolMap().version());

      PoolExcludeResp ex = drpc(via, DrpcMethod.MGMT_POOL_EXCLUDE, PoolExcludeReq.newBuilder()
          .setId(p.uuid().toString()).addAllSvcRanks(p.resp().getSvcRepsList()).setRank(victim).addTargetIdx(0)
          .build().toByteArray(), PoolExcludeResp::parseFrom);
      assertEquals(0, ex.getStatus());
      PoolQueryResp q = query(via, p);
      assertEquals(2, q.getVersion(), "one target excluded: one new version");
      assertEquals(1, q.getDisabledTargets());
      assertEquals(List.of(TargetState.DOWN, TargetState.UP_IN), targetStates(via, p, victim));
      for (int r : p.resp().getTgtRanksList()) {
        Poll.until("rank " + r + " has map version 2", WAIT, () -> engineMapVersion(r, p.uuid()) == 2,
            cluster::logs);
      }

      for (int i = 0; i < 20; i++) {
        kv.put("after" + i, ("w" + i).getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(("v" + i).getBytes(StandardCharsets.UTF_8), kv.get("before" + i));
      }
      Poll.until("the client's pool map reaches version 2", WAIT, () -> pool.poolMap().version() == 2,
          cluster::logs);
      for (int i = 0; i < 20; i++) {
        assertArrayEquals(("w" + i).getBytes(StandardCharsets.UTF_8), kv.get("after" + i));
      }

      PoolReintResp re = drpc(via, DrpcMethod.MGMT_POOL_REINT, PoolReintReq.newBuilder()
          .setId(p.uuid().toString()).addAllSvcRanks(p.resp().getSvcRepsList()).setRank(victim).build()
          .toByteArray(), PoolReintResp::parseFrom);
      assertEquals(0, re.getStatus());
      assertEquals(List.of(TargetState.UP, TargetState.UP_IN), targetStates(via, p, victim),
          "the DOWN target is UP (reintegrating), the UPIN one unchanged");
      assertEquals(3, query(via, p).getVersion());
    }
  }

  /**
   * An engine that missed the push (its POOL_TGT_MAP_UPDATE dropped, DAOS_FAIL_LOST_REQ) learns the new version from
   * a client request and refreshes its map from the service, as DAOS's engines do; the I/O goes on meanwhile.
   */
  @Test
  @Order(2)
  @Timeout(180)
  void engineThatMissedThePushRefreshesFromClientRequests() throws Exception {
    MiniDaosCluster.CreatedPool p = cluster.createPool("refresh", SCM_ONLY, 0, 3);
    int excluded = p.resp().getTgtRanks(0);
    int lagging = p.resp().getTgtRanks(1);
    int via = p.resp().getTgtRanks(2);
    io.daos.cart.FaultInjection faults = cluster.engine(lagging).orElseThrow().engine().faults();
    faults.arm(io.daos.cart.FaultInjection.Point.DAOS_FAIL_LOST_REQ, List.of(PoolRpc.TGT_MAP_UPDATE));
    try (DaosClient client = cluster.newDaosClient()) {
      DaosPool pool = client.connectPool("refresh", PoolRpc.PC_RW);
      pool.createContainer(ContainerProps.empty().withLabel("c"));
      DaosContainer cont = pool.openContainer("c", ContRpc.COO_RW);
      DaosKv kv = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, ObjectClass.RP_2G1, 0));
      PoolExcludeResp ex = drpc(via, DrpcMethod.MGMT_POOL_EXCLUDE, PoolExcludeReq.newBuilder()
          .setId(p.uuid().toString()).addAllSvcRanks(p.resp().getSvcRepsList()).setRank(excluded).addTargetIdx(1)
          .build().toByteArray(), PoolExcludeResp::parseFrom);
      assertEquals(0, ex.getStatus());
      Poll.until("rank " + via + " has map version 2", WAIT, () -> engineMapVersion(via, p.uuid()) == 2,
          cluster::logs);
      assertEquals(1, engineMapVersion(lagging, p.uuid()), "the push to the lagging rank was dropped");
      int[] n = {0};
      Poll.until("rank " + lagging + " refreshed to version 2", WAIT, () -> {
        String k = "k" + n[0]++;
        kv.put(k, k.getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(k.getBytes(StandardCharsets.UTF_8), kv.get(k));
        return engineMapVersion(lagging, p.uuid()) == 2;
      }, cluster::logs);
      assertEquals(2, pool.poolMap().version());
    } finally {
      faults.clear();
    }
  }

  @Test
  @Order(3)
  void excludeOfUnknownRankIsNonexist() throws Exception {
    MiniDaosCluster.CreatedPool p = cluster.createPool("badex", SCM_ONLY, 0, 1);
    int via = p.resp().getTgtRanks(0);
    PoolExcludeResp ex = drpc(via, DrpcMethod.MGMT_POOL_EXCLUDE, PoolExcludeReq.newBuilder()
        .setId(p.uuid().toString()).addAllSvcRanks(p.resp().getSvcRepsList()).setRank(77).build().toByteArray(),
        PoolExcludeResp::parseFrom);
    assertEquals(io.daos.common.status.DaosStatus.NONEXIST.code(), ex.getStatus());
    PoolExcludeResp badIdx = drpc(via, DrpcMethod.MGMT_POOL_EXCLUDE, PoolExcludeReq.newBuilder()
        .setId(p.uuid().toString()).addAllSvcRanks(p.resp().getSvcRepsList()).setRank(via).addTargetIdx(TARGETS)
        .build().toByteArray(), PoolExcludeResp::parseFrom);
    assertEquals(io.daos.common.status.DaosStatus.NONEXIST.code(), badIdx.getStatus());
    assertEquals(1, query(via, p).getVersion());
  }

  /** SWIM → CRT_EVT_DEAD → pool_svc_update_map(MAP_EXCLUDE, MUS_SWIM), gated by the pool's self_heal. */
  @Test
  @Order(4)
  @Timeout(180)
  void deadEngineTargetsExcludedOnlyWhereSelfHealAllows() throws Exception {
    MiniDaosCluster.CreatedPool heal = cluster.createPool("heal", SCM_ONLY, 0, 3);
    MiniDaosCluster.CreatedPool noHeal = cluster.createPool("noheal", SCM_ONLY, 0, 3);
    List<Integer> ranks = heal.resp().getTgtRanksList();
    int victim = ranks.get(ranks.size() - 1);
    int via = ranks.get(0);
    PoolSetPropResp set = drpc(via, DrpcMethod.MGMT_POOL_SET_PROP, PoolSetPropReq.newBuilder()
        .setId(noHeal.uuid().toString()).addAllSvcRanks(noHeal.resp().getSvcRepsList())
        .addProperties(PoolProperty.newBuilder().setNumber(4).setNumval(2)).build().toByteArray(),
        PoolSetPropResp::parseFrom);
    assertEquals(0, set.getStatus(), "self_heal = rebuild only");
    int before = query(via, heal).getVersion();

    cluster.killEngine(victim);
    Poll.until("rank " + victim + "'s targets DOWN in pool heal", WAIT,
        () -> query(via, heal).getDisabledTargets() == TARGETS, cluster::logs);
    assertEquals(List.of(TargetState.DOWN, TargetState.DOWN), targetStates(via, heal, victim));
    assertTrue(query(via, heal).getVersion() >= before + TARGETS);
    // Every surviving replica of noheal's service has run its queued work: its decision has been made.
    for (int r : ranks) {
      if (r != victim) {
        cluster.engine(r).orElseThrow().engine().poolServices().service(noHeal.uuid())
            .ifPresent(s -> assertTrue(futureDone(s.executor().submit(() -> { }))));
      }
    }
    // The victim may have led noheal's service: a query answers once the survivors have elected (status 0).
    PoolQueryResp[] nq = {null};
    Poll.until("pool noheal answers a query", WAIT, () -> (nq[0] = query(via, noHeal)).getStatus() == 0,
        () -> "last answer " + nq[0] + "\n" + cluster.logs());
    assertEquals(0, nq[0].getDisabledTargets(), "self_heal without exclude: nothing excluded");
    assertEquals(1, nq[0].getVersion());
  }

  private static boolean futureDone(java.util.concurrent.Future<?> f) {
    try {
      f.get(30, java.util.concurrent.TimeUnit.SECONDS);
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
