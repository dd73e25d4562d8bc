package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.daos.cart.FaultInjection;
import io.daos.client.DaosClient;
import io.daos.client.DaosContainer;
import io.daos.client.DaosKv;
import io.daos.client.DaosPool;
import io.daos.client.cont.ContainerProps;
import io.daos.common.status.DaosStatus;
import io.daos.engine.DaosEngine;
import io.daos.engine.pool.EnginePool;
import io.daos.itest.inproc.InProcessEngine;
import io.daos.placement.Shard;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import io.daos.proto.mgmt.PoolQueryTargetInfo.TargetState;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import io.daos.rpc.RebuildRpc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
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
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * RB_OP_FAIL_RECLAIM end to end on 4 servers × 1 engine × 2 targets (DAOS {@code rebuild_task_complete_schedule}'s
 * failure way): a reintegration or drain whose rebuild fails with -DER_IO is reverted (UP → DOWN_OUT, DRAIN →
 * UP_IN), the fail-reclaim deletes what it pulled onto targets in service, pool query keeps the failure (done,
 * status -DER_IO: "failed"), and the retried operation ends with every key identical on every replica; a
 * reintegration stopped by {@code dmg pool rebuild stop} keeps its targets UP, the fail-reclaim empties them, pool
 * query shows it stopped, and {@code dmg pool rebuild start} finishes it. Pulls are slowed down
 * (DAOS_REBUILD_DELAY on DAOS_OBJ_RPC_ENUMERATE) so that each rebuild has pulled part of its objects when it fails or
 * is stopped; object shards are counted in the engines' VOS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(TestLocks.BIG_POOLS)
class ReintFailureTest {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int OBJECTS = 24;
  private static final int KEYS = 12;

  @TempDir
  static Path dir;
  private InProcessCluster cluster;
  private RebuildChecks rc;

  @BeforeAll
  void start() throws Exception {
    cluster = RebuildChecks.start(dir);
    rc = new RebuildChecks(cluster);
  }

  @AfterAll
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** A test's pool, container and RP_3G1 KVs with what was written to them. */
  private record Setup(MiniDaosCluster.CreatedPool pool, DaosClient client, DaosContainer cont, List<DaosKv> kvs,
      Map<String, byte[]> data, String label, Runnable drop) implements AutoCloseable {
    UUID poolUuid() {
      return pool.uuid();
    }

    @Override
    public void close() {
      client.close();
      drop.run();
    }
  }

  private Setup setup(String label) throws Exception {
    MiniDaosCluster.CreatedPool p = cluster.createPool(label, 16L << 30, 3);
    DaosClient client = cluster.clientBuilder().rpcTimeout(Duration.ofSeconds(6)).build();
    DaosPool pool = client.connectPool(label, PoolRpc.PC_RW);
    pool.createContainer(ContainerProps.empty().withLabel("c").withRedundancyFactor(1));
    DaosContainer cont = pool.openContainer("c", ContRpc.COO_RW);
    List<DaosKv> kvs = new ArrayList<>();
    Map<String, byte[]> data = new LinkedHashMap<>();
    Random rnd = new Random(label.hashCode());
    for (int o = 0; o < OBJECTS; o++) {
      DaosKv kv = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, ObjectClass.RP_3G1, 0));
      for (int k = 0; k < KEYS; k++) {
        byte[] v = new byte[64 + rnd.nextInt(3000)];
        rnd.nextBytes(v);
        kv.put("k" + k, v);
        data.put(o + "/k" + k, v);
      }
      kvs.add(kv);
    }
    return new Setup(p, client, cont, kvs, data, label, () -> {
      // Each test's pool goes, so that the next one has room (the tests share one cluster).
      try {
        cluster.destroyPool(label);
      } catch (RuntimeException e) {
        System.out.println("pool " + label + " not destroyed: " + e);
      }
    });
  }

  private static JsonObject rebuild(JsonObject q) {
    return q.getAsJsonObject("rebuild");
  }

  private JsonObject waitQuery(String label, String what, java.util.function.Predicate<JsonObject> ok) {
    JsonObject[] last = {null};
    Poll.until(what, WAIT, () -> ok.test(last[0] = rc.pollQuery(label)), () -> "last query " + last[0]);
    System.out.println(what + ": " + last[0]);
    return last[0];
  }

  private List<TargetState> targetStates(Setup s, int via, int rank) {
    return rc.targetStates(s.pool(), via, rank);
  }

  /** The object shards of the test's container in the VOS of every target of {@code rank}. */
  private int shardsOn(Setup s, int rank) {
    DaosEngine e = cluster.engine(rank).orElseThrow().engine();
    EnginePool ep = e.pools().get(s.poolUuid());
    if (ep == null) {
      return 0;
    }
    UUID cont = s.cont().uuid();
    int n = 0;
    for (int t = 0; t < ep.targetCount(); t++) {
      int tgt = t;
      n += e.xstreams().call(tgt, () -> ep.target(tgt).listContainers().contains(cont)
          ? ep.container(tgt, cont).listObjectShards().size() : 0);
    }
    return n;
  }

  /** A rank holding a shard of most objects, not the pool service leader. */
  private int victim(Setup s, int leader) {
    Map<Integer, Integer> count = new java.util.TreeMap<>();
    for (DaosKv kv : s.kvs()) {
      kv.object().layout().shards().stream().map(Shard::rank).distinct().forEach(r -> count.merge(r, 1, Integer::sum));
    }
    return count.entrySet().stream().filter(e -> e.getKey() != leader)
        .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  /** Pulls crawl: each enumeration of a replica for a rebuild waits 1 s. */
  private void slowPulls() {
    cluster.engines().forEach(e -> e.engine().faults().arm(new FaultInjection.Fault(
        FaultInjection.Point.DAOS_REBUILD_DELAY, DaosStatus.IO, Duration.ofSeconds(1)),
        List.of(RebuildRpc.OBJ_ENUMERATE)));
  }

  /** DAOS_REBUILD_OBJ_FAIL: every further object pull fails with -DER_IO. */
  private void failPulls() {
    cluster.engines().forEach(e -> e.engine().faults().arm(new FaultInjection.Fault(
        FaultInjection.Point.DAOS_REBUILD_OBJ_FAIL, DaosStatus.IO, Duration.ZERO), List.of(RebuildRpc.OBJ_ENUMERATE)));
  }

  /** Every written key reads back identical from every replica; {@code gone} keys from none. */
  private static void verifyReplicas(Setup s, Set<String> gone, String when) {
    List<String> bad = new ArrayList<>();
    for (int o = 0; o < s.kvs().size(); o++) {
      DaosKv kv = s.kvs().get(o);
      for (int k = 0; k < KEYS; k++) {
        String key = o + "/k" + k;
        byte[] want = gone.contains(key) ? null : s.data().get(key);
        for (int r = 0; r < kv.replicas(); r++) {
          byte[] got = kv.getReplicaAsync(("k" + k).getBytes(StandardCharsets.UTF_8), r).join();
          if (!Arrays.equals(want, got)) {
            bad.add(key + " replica " + r + (got == null ? " missing" : " differs"));
          }
        }
      }
    }
    assertEquals(List.of(), bad, when);
    System.out.printf("%s: %d keys identical on every replica%n", when, s.data().size());
  }

  /**
   * {@code dmg pool <cmd> --ranks=<rank>} again, with no fault armed: done with status 0 and {@code disabled}
   * disabled targets, the rank's targets {@code end}, every key identical on every replica.
   */
  private void retried(Setup s, String cmd, int leader, int rank, int disabled, TargetState end) {
    int v = rc.query(s.label()).get("version").getAsInt();
    rc.dmg("pool", cmd, s.label(), "--ranks=" + rank);
    waitQuery(s.label(), "the retried " + cmd + " is done", x -> x.get("version").getAsInt() > v
        && rebuild(x).get("state").getAsString().equals("done") && rebuild(x).get("status").getAsInt() == 0
        && x.get("disabled_targets").getAsInt() == disabled);
    assertEquals(List.of(end, end), targetStates(s, leader, rank));
    verifyReplicas(s, Set.of(), "after the retried " + cmd + " of rank " + rank);
  }

  /** Waits until the rebuild has pulled something onto {@code rank} while pool query shows it busy. */
  private void awaitPartialPull(Setup s, int version0, int rank) {
    waitQuery(s.label(), "pool query shows the rebuild busy with objects pulled", q -> q.get("version").getAsInt()
        > version0 && rebuild(q).get("state").getAsString().equals("busy") && rebuild(q).get("objects").getAsLong() > 0);
    Poll.until("rank " + rank + " holds pulled shards", WAIT, () -> shardsOn(s, rank) > 0, () -> "none");
  }

  /**
   * DAOS daos_rebuild.c REBUILD31 reintegrate_failure_and_retry: a rank is excluded and rebuilt; its reintegration
   * fails with -DER_IO (DAOS_REBUILD_OBJ_FAIL) after pulling part of its objects. The pool service reverts its
   * targets (UP → DOWN_OUT) and runs RB_OP_FAIL_RECLAIM; nothing is retried (the targets are no longer UP); pool query
   * shows the failure. As in DAOS, the fail-reclaim scans only targets in service: what the failed pulls left on the
   * DOWN_OUT rank stays until the next reintegration's discard (data_sync). Reintegrated again without the fault, the
   * rank ends UP_IN and every key reads back identical from every replica.
   */
  @Test
  @Order(1)
  @Timeout(240)
  void reintegrate_failure_and_retry() throws Exception {
    try (Setup s = setup("reintfail")) {
      int leader = rc.query(s.label()).get("svc_ldr").getAsInt();
      int victim = victim(s, leader);
      int v0 = rc.query(s.label()).get("version").getAsInt();
      rc.dmg("pool", "exclude", s.label(), "--ranks=" + victim);
      JsonObject q = waitQuery(s.label(), "the exclusion's rebuild is done", x -> x.get("version").getAsInt() > v0
          && rebuild(x).get("state").getAsString().equals("done") && x.get("disabled_targets").getAsInt() == 2);
      int v1 = q.get("version").getAsInt();
      try {
        slowPulls();
        rc.dmg("pool", "reintegrate", s.label(), "--ranks=" + victim);
        awaitPartialPull(s, v1, victim);
        failPulls();
        q = waitQuery(s.label(), "pool query shows the reintegration failed", x -> rebuild(x).get("state")
            .getAsString().equals("done") && rebuild(x).get("status").getAsInt() != 0);
        assertEquals(DaosStatus.IO.code(), rebuild(q).get("status").getAsInt(), q.toString());
        assertEquals("failed", rebuild(q).get("derived_state").getAsString(), q.toString());
        assertEquals(List.of(TargetState.DOWN_OUT, TargetState.DOWN_OUT), targetStates(s, leader, victim),
            "the failed reintegration's targets are reverted");
        assertEquals(2, q.get("disabled_targets").getAsInt(), q.toString());
        assertEquals(v1 + 4, q.get("version").getAsInt(), "reintegration (+2) and revert (+2): " + q);
        assertTrue(shardsOn(s, victim) > 0, "a DOWN_OUT target is not scanned by the fail-reclaim (DAOS "
            + "is_rebuild_scanning_tgt); the next reintegration discards it");
      } finally {
        cluster.clearFaults();
      }
      retried(s, "reintegrate", leader, victim, 0, TargetState.UP_IN);
    }
  }

  /**
   * DAOS daos_rebuild_interactive.c IREBUILD2 int_rebuild_snap_punch_recs (records and punches around a snapshot,
   * rebuild stop|start inserted into the reintegration): {@code dmg pool rebuild stop} while the reintegration has
   * pulled part of its objects. The targets stay UP (no revert after a stop), RB_OP_FAIL_RECLAIM includes them and
   * deletes what they pulled, pool query shows the rebuild stopped (idle, -DER_OP_CANCELED); {@code dmg pool rebuild
   * start} reintegrates them (UP_IN) and every key, punched ones absent, reads the same from every replica.
   */
  @Test
  @Order(2)
  @Timeout(240)
  void int_rebuild_snap_punch_recs() throws Exception {
    try (Setup s = setup("reintstop")) {
      s.cont().createSnapshot("before-punch");
      Set<String> punched = new TreeSet<>();
      for (int o = 0; o < s.kvs().size(); o++) {
        s.kvs().get(o).remove("k0");
        punched.add(o + "/k0");
      }
      int leader = rc.query(s.label()).get("svc_ldr").getAsInt();
      int victim = victim(s, leader);
      int v0 = rc.query(s.label()).get("version").getAsInt();
      rc.dmg("pool", "exclude", s.label(), "--ranks=" + victim);
      JsonObject q = waitQuery(s.label(), "the exclusion's rebuild is done", x -> x.get("version").getAsInt() > v0
          && rebuild(x).get("state").getAsString().equals("done") && x.get("disabled_targets").getAsInt() == 2);
      int v1 = q.get("version").getAsInt();
      try {
        slowPulls();
        rc.dmg("pool", "reintegrate", s.label(), "--ranks=" + victim);
        awaitPartialPull(s, v1, victim);
        rc.dmg("pool", "rebuild", "stop", s.label());
        q = waitQuery(s.label(), "pool query shows the rebuild stopped", x -> rebuild(x).get("derived_state")
            .getAsString().equals("stopped"));
        assertEquals("idle", rebuild(q).get("state").getAsString(), q.toString());
        assertEquals(DaosStatus.OP_CANCELED.code(), rebuild(q).get("status").getAsInt(), q.toString());
        assertEquals(List.of(TargetState.UP, TargetState.UP), targetStates(s, leader, victim),
            "a stopped reintegration is not reverted");
        assertEquals(0, shardsOn(s, victim), "the fail-reclaim emptied the UP targets");
        JsonObject again = cluster.dmgJson("pool", "rebuild", "stop", s.label());
        assertEquals(DaosStatus.NONEXIST.code(), again.get("status").getAsInt(), "nothing to stop: " + again);
      } finally {
        cluster.clearFaults();
      }
      rc.dmg("pool", "rebuild", "start", s.label());
      q = waitQuery(s.label(), "the restarted reintegration is done", x -> rebuild(x).get("state").getAsString()
          .equals("done") && rebuild(x).get("status").getAsInt() == 0 && x.get("disabled_targets").getAsInt() == 0);
      assertEquals(List.of(TargetState.UP_IN, TargetState.UP_IN), targetStates(s, leader, victim));
      assertTrue(shardsOn(s, victim) > 0, "rank " + victim + " holds its shards again");
      verifyReplicas(s, punched, "after the restarted reintegration of rank " + victim);
    }
  }

  /**
   * DAOS daos_rebuild_interactive.c IREBUILD5 int_drain_fail_and_retry_objects: a drain fails with -DER_IO
   * (DAOS_REBUILD_OBJ_FAIL) after copying part of the drained rank's shards to their new homes. The drained targets
   * go back UP_IN (revert), RB_OP_FAIL_RECLAIM deletes the partial copies (the other ranks hold exactly what they
   * held before the drain), pool query shows the failure; drained again without the fault, the rank ends DOWN_OUT and
   * every key reads back identical from every replica.
   */
  @Test
  @Order(3)
  @Timeout(240)
  void int_drain_fail_and_retry_objects() throws Exception {
    try (Setup s = setup("drainfail")) {
      int leader = rc.query(s.label()).get("svc_ldr").getAsInt();
      int drained = victim(s, leader);
      List<Integer> others = rc.ranks().stream().filter(r -> r != drained).toList();
      int before = others.stream().mapToInt(r -> shardsOn(s, r)).sum();
      int v0 = rc.query(s.label()).get("version").getAsInt();
      try {
        slowPulls();
        rc.dmg("pool", "drain", s.label(), "--ranks=" + drained);
        waitQuery(s.label(), "pool query shows the drain busy with objects pulled", x -> x.get("version").getAsInt()
            > v0 && rebuild(x).get("state").getAsString().equals("busy") && rebuild(x).get("objects").getAsLong() > 0);
        Poll.until("partial copies on the other ranks", WAIT,
            () -> others.stream().mapToInt(r -> shardsOn(s, r)).sum() > before, () -> "none");
        failPulls();
        JsonObject q = waitQuery(s.label(), "pool query shows the drain failed", x -> rebuild(x).get("state")
            .getAsString().equals("done") && rebuild(x).get("status").getAsInt() != 0);
        assertEquals(DaosStatus.IO.code(), rebuild(q).get("status").getAsInt(), q.toString());
        assertEquals(List.of(TargetState.UP_IN, TargetState.UP_IN), targetStates(s, leader, drained),
            "the failed drain's targets are back in service");
        assertEquals(0, q.get("disabled_targets").getAsInt(), q.toString());
        assertEquals(before, others.stream().mapToInt(r -> shardsOn(s, r)).sum(),
            "the fail-reclaim deleted the partial copies");
      } finally {
        cluster.clearFaults();
      }
      retried(s, "drain", leader, drained, 2, TargetState.DOWN_OUT);
    }
  }

  /**
   * DAOS daos_rebuild_interactive.c IREBUILD8 int_rebuild_dkeys_stop_failing: with nothing rebuilding, {@code dmg
   * pool rebuild stop} answers -DER_NONEXIST. An exclusion's rebuild fails with -DER_IO (one engine fails to start
   * its scan, DAOS_REBUILD_TGT_START_FAIL); its RB_OP_FAIL_RECLAIM runs (at the map version before the exclusion;
   * its progress reports are held at the leader so that it is seen running) and {@code dmg pool rebuild stop --force}
   * arrives: with no failed fail-reclaim before, the stop is deferred, not forced ({@code rebuild_is_stoppable}). Once
   * the fail-reclaim is over, pool query shows the rebuild stopped (idle, -DER_OP_CANCELED), the excluded targets stay
   * DOWN (a stop reverts nothing) and no retry is scheduled. Reintegrating the rank then brings it back UP_IN with
   * every key identical on every replica.
   */
  @Test
  @Order(4)
  @Timeout(240)
  void int_rebuild_dkeys_stop_failing() throws Exception {
    try (Setup s = setup("stopfailing")) {
      JsonObject none = cluster.dmgJson("pool", "rebuild", "stop", s.label());
      assertEquals(DaosStatus.NONEXIST.code(), none.get("status").getAsInt(), "nothing to stop: " + none);
      int leader = rc.query(s.label()).get("svc_ldr").getAsInt();
      int victim = victim(s, leader);
      int failing = rc.ranks().stream().filter(r -> r != victim).findFirst().orElseThrow();
      int v0 = rc.query(s.label()).get("version").getAsInt();
      DaosEngine[] led = {null};
      try {
        cluster.engine(failing).orElseThrow().engine().faults().armOnce(
            FaultInjection.Point.DAOS_REBUILD_TGT_START_FAIL, List.of(RebuildRpc.OBJECTS_SCAN));
        // Reports reach only the rebuild leader (the pool service leader, wherever it is by then).
        cluster.engines().forEach(e -> e.engine().faults().arm(FaultInjection.Point.DAOS_REBUILD_TGT_REBUILD_HANG,
            List.of(RebuildRpc.REPORT)));
        rc.dmg("pool", "exclude", s.label(), "--ranks=" + victim);
        Poll.until("the fail-reclaim after the failed rebuild runs", WAIT, () -> {
          led[0] = cluster.engines().stream().map(InProcessEngine::engine)
              .filter(e -> e.rebuilds() != null && e.rebuilds().failReclaiming(s.poolUuid())).findFirst().orElse(null);
          return led[0] != null;
        }, () -> "no engine runs it");
        assertTrue(led[0].rebuilds().status(s.poolUuid()).getVersion() <= v0,
            "the fail-reclaim runs at the map version before the exclusion: " + led[0].rebuilds().status(s.poolUuid()));
        assertEquals("busy", rebuild(rc.query(s.label())).get("state").getAsString());
        rc.dmg("pool", "rebuild", "stop", s.label(), "--force");
        assertTrue(led[0].rebuilds().failReclaiming(s.poolUuid()), "a first fail-reclaim is not force-stopped");
      } finally {
        cluster.clearFaults();
      }
      JsonObject q = waitQuery(s.label(), "pool query shows the rebuild stopped", x -> rebuild(x).get("derived_state")
          .getAsString().equals("stopped"));
      assertEquals("idle", rebuild(q).get("state").getAsString(), q.toString());
      assertEquals(DaosStatus.OP_CANCELED.code(), rebuild(q).get("status").getAsInt(), q.toString());
      assertEquals(List.of(TargetState.DOWN, TargetState.DOWN), targetStates(s, leader, victim),
          "a stopped exclusion's targets stay DOWN");
      assertTrue(!led[0].rebuildScheduler().busy(s.poolUuid()), "no retry after a stop");
      int v1 = q.get("version").getAsInt();
      rc.dmg("pool", "reintegrate", s.label(), "--ranks=" + victim);
      q = waitQuery(s.label(), "the reintegration is done", x -> x.get("version").getAsInt() > v1
          && rebuild(x).get("state").getAsString().equals("done") && rebuild(x).get("status").getAsInt() == 0
          && x.get("disabled_targets").getAsInt() == 0);
      assertEquals(List.of(TargetState.UP_IN, TargetState.UP_IN), targetStates(s, leader, victim));
      verifyReplicas(s, Set.of(), "after the reintegration of rank " + victim);
    }
  }
}
