package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.daos.placement.Shard;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import io.daos.proto.mgmt.PoolQueryTargetInfo.TargetState;
import io.daos.proto.pool.RebuildStatus;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import io.daos.rpc.RebuildRpc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
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
 * DAOS's rebuild fault matrix (daos_test rebuild, {@code src/tests/suite/daos_rebuild.c}) on 4 servers × 1 engine ×
 * 2 targets with 3 MS replicas, each test on its own pool: faults armed at DAOS's fault points
 * ({@link FaultInjection}, DAOS_FAIL_LOC) on the engines' rebuild RPCs, then {@code dmg pool exclude} of a rank
 * holding the test's objects. Each test checks what the operator and the application see: {@code dmg pool query}'s
 * rebuild state and status, the excluded targets' states, how often each engine was asked to scan (a failed rebuild
 * is retried by the pool service leader, a clean one is not), and every acknowledged write reading back byte-exact
 * from every replica.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(TestLocks.BIG_POOLS)
class RebuildFaultsTest {
  private static final Duration WAIT = Duration.ofSeconds(90);
  /** Keys written to each object before the fault. */
  private static final int KEYS = 40;
  /** Shorter than the engines' RPC timeout (crtTimeout 3 s): a held pull is slow, never timed out. */
  private static final Duration HOLD = Duration.ofSeconds(2);

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

  /** A writer going on in the background over {@code data}'s KVs (DAOS's rebuild_io_cb during the rebuild). */
  private static final class Writer implements AutoCloseable {
    final AtomicBoolean stop = new AtomicBoolean();
    final Thread thread;

    Writer(AckedKeys data, String prefix) {
      thread = new Thread(() -> {
        Random rnd = new Random(prefix.hashCode());
        for (int i = 0; !stop.get(); i++) {
          data.tryPut(i % data.kvs.size(), prefix + "-" + i, AckedKeys.value(rnd));
        }
      }, "rebuild-faults-writer");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      stop.set(true);
      thread.join(60_000);
      assertFalse(thread.isAlive(), "the writer stopped");
    }
  }

  /** A test's pool and client; closing it closes the client and destroys the pool. */
  private record Setup(String label, MiniDaosCluster.CreatedPool created, DaosClient client, DaosPool pool,
      InProcessCluster cluster) implements AutoCloseable {
    UUID uuid() {
      return created.uuid();
    }

    /** A container of redundancy factor {@code rdFac}, opened read-write. */
    DaosContainer container(String contLabel, int rdFac) {
      pool.createContainer(ContainerProps.empty().withLabel(contLabel).withRedundancyFactor(rdFac));
      return pool.openContainer(contLabel, ContRpc.COO_RW);
    }

    @Override
    public void close() {
      cluster.clearFaults();
      client.close();
      try {
        cluster.destroyPool(label);
      } catch (RuntimeException e) {
        System.out.println("pool " + label + " not destroyed: " + e);
      }
    }
  }

  private Setup setup(String label) throws java.io.IOException {
    MiniDaosCluster.CreatedPool p = cluster.createPool(label, 16L << 30, 3);
    DaosClient client = cluster.clientBuilder().rpcTimeout(Duration.ofSeconds(6)).build();
    return new Setup(label, p, client, client.connectPool(label, PoolRpc.PC_RW), cluster);
  }

  /** {@code n} KVs of class {@code oc} in {@code cont}, each placed on ranks that {@code where} accepts. */
  private static List<DaosKv> kvs(DaosContainer cont, ObjectClass oc, int n, Predicate<Set<Integer>> where) {
    List<DaosKv> out = new ArrayList<>();
    for (int i = 0; i < 500 && out.size() < n; i++) {
      DaosKv kv = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, oc, 0));
      if (where.test(ranks(kv))) {
        out.add(kv);
      } else {
        kv.close();
      }
    }
    assertEquals(n, out.size(), oc + " objects placed as the test needs");
    return out;
  }

  /** The ranks holding a shard of {@code kv}. */
  private static Set<Integer> ranks(DaosKv kv) {
    Set<Integer> out = new TreeSet<>();
    kv.object().layout().shards().stream().map(Shard::rank).forEach(out::add);
    return out;
  }

  /** RP_2G1 and RP_3G1 KVs (two of each) with a shard on {@code victim}, filled with {@link #KEYS} keys each. */
  private static AckedKeys dataOn(DaosContainer cont, int victim, String prefix) {
    List<DaosKv> kvs = new ArrayList<>(kvs(cont, ObjectClass.RP_2G1, 2, r -> r.contains(victim)));
    kvs.addAll(kvs(cont, ObjectClass.RP_3G1, 2, r -> r.contains(victim)));
    AckedKeys d = new AckedKeys(kvs);
    d.fill(prefix, KEYS);
    return d;
  }

  private static JsonObject rebuild(JsonObject q) {
    return q.getAsJsonObject("rebuild");
  }

  /** How many rebuild scans (REBUILD_OBJECTS_SCAN: rebuild and reclaim) each engine's handler took so far. */
  private Map<Integer, Long> scans() {
    return rc.served(RebuildRpc.OBJECTS_SCAN);
  }

  private Map<Integer, Long> scansSince(Map<Integer, Long> before) {
    return rc.servedSince(RebuildRpc.OBJECTS_SCAN, before);
  }

  /** The expected scan counts: {@code each} for every rank, with {@code special}'s overrides. */
  private Map<Integer, Long> expectScans(long each, Map<Integer, Long> special) {
    Map<Integer, Long> out = new TreeMap<>();
    rc.ranks().forEach(r -> out.put(r, special.getOrDefault(r, each)));
    return out;
  }

  private void exclude(String label, int rank) {
    JsonObject ex = cluster.dmgJson("pool", "exclude", label, "--ranks=" + rank);
    assertEquals(0, ex.get("status").getAsInt(), ex.toString());
  }

  /** Holds every engine's rebuild pulls (DAOS_REBUILD_DELAY on DAOS_OBJ_RPC_ENUMERATE) for {@link #HOLD} each. */
  private void holdPulls() {
    cluster.engines().forEach(e -> e.engine().faults().arm(new FaultInjection.Fault(
        FaultInjection.Point.DAOS_REBUILD_DELAY, DaosStatus.IO, HOLD), List.of(RebuildRpc.OBJ_ENUMERATE)));
  }

  /** Objects sent for rebuild (DAOS_OBJ_RPC_MIGRATE taken by a destination) over every engine so far. */
  private long migrates() {
    return cluster.engines().stream().mapToLong(e -> e.engine().rpcCounters().served(RebuildRpc.OBJ_MIGRATE)).sum();
  }

  /** Waits for the leader's rebuild of a map version above {@code version0} to fail; returns its status. */
  private RebuildStatus firstAttemptFails(UUID pool, int leader, int version0) {
    DaosEngine led = rc.engine(leader);
    RebuildStatus[] st = {null};
    Poll.until("the leader's first rebuild attempt fails", WAIT, () -> {
      st[0] = led.rebuilds().status(pool);
      return st[0].getVersion() > version0 && st[0].getErrno() != 0;
    }, () -> "last status " + st[0] + "\n" + cluster.logs());
    System.out.println("first attempt failed: " + st[0]);
    return st[0];
  }

  /**
   * Waits for {@code dmg pool query} to show the rebuild after map version {@code version0} done (after its finish
   * step and reclaim) with {@code disabled} disabled targets; returns the query.
   */
  private JsonObject done(String label, int version0, int disabled) {
    JsonObject[] last = {null};
    Poll.until("pool query shows the rebuild done", WAIT, () -> {
      JsonObject env = cluster.dmgJson("pool", "query", label);
      if (env.get("status").getAsInt() != 0) {
        return false;
      }
      last[0] = env.getAsJsonObject("response");
      return last[0].get("version").getAsInt() > version0 + 1
          && rebuild(last[0]).get("state").getAsString().equals("done")
          && last[0].get("disabled_targets").getAsInt() == disabled;
    }, () -> "last query " + last[0] + "\n" + cluster.logs());
    System.out.println("rebuild done: " + last[0]);
    return last[0];
  }

  private List<TargetState> targetStates(Setup s, int via, int rank) {
    return rc.targetStates(s.created(), via, rank);
  }

  /**
   * DAOS REBUILD0 rebuild_drop_scan: a non-leader engine drops the rebuild's scan request once
   * (DAOS_REBUILD_DROP_SCAN | DAOS_FAIL_ONCE). The leader's scan RPC to it times out, the rebuild fails with
   * DER_TIMEDOUT naming that rank while pool query still shows it busy, the pool service retries it and it ends done
   * (status 0, the excluded targets DOWN_OUT); the dropping engine took one scan fewer than the others. Every write
   * reads back from every replica; then, as DAOS does, the rank is reintegrated and everything reads back again.
   */
  @Test
  @Order(1)
  @Timeout(300)
  void rebuild_drop_scan() throws Exception {
    try (Setup s = setup("dropscan")) {
      DaosContainer cont = s.container("c", 1);
      int leader = rc.query("dropscan").get("svc_ldr").getAsInt();
      int victim = rc.rankNot(Set.of(leader));
      int dropper = rc.rankNot(Set.of(leader, victim));
      AckedKeys d = dataOn(cont, victim, "k");
      int version0 = rc.query("dropscan").get("version").getAsInt();
      Map<Integer, Long> scans0 = scans();
      rc.engine(dropper).faults().armOnce(FaultInjection.Point.DAOS_REBUILD_DROP_SCAN, List.of(RebuildRpc.OBJECTS_SCAN));
      exclude("dropscan", victim);
      RebuildStatus failed = firstAttemptFails(s.uuid(), leader, version0);
      assertEquals(DaosStatus.TIMEDOUT.code(), failed.getErrno(), failed.toString());
      assertEquals(dropper, failed.getFailRank(), failed.toString());
      JsonObject during = rc.query("dropscan");
      assertEquals("busy", rebuild(during).get("state").getAsString(), "a rebuild waiting for its retry: " + during);
      JsonObject q = done("dropscan", version0, 2);
      assertEquals(0, rebuild(q).get("status").getAsInt(), q.toString());
      assertTrue(rebuild(q).get("objects").getAsLong() > 0, q.toString());
      assertEquals(List.of(TargetState.DOWN_OUT, TargetState.DOWN_OUT), targetStates(s, leader, victim));
      // Rebuild, its retry and the reclaim on every live engine; the dropped scan never reached its handler.
      // Each failed attempt is followed by its fail-reclaim's scan (RB_OP_FAIL_RECLAIM).
      assertEquals(expectScans(4, Map.of(victim, 0L, dropper, 3L)), scansSince(scans0));
      d.verify("after the retried rebuild");

      int version1 = q.get("version").getAsInt();
      JsonObject ri = cluster.dmgJson("pool", "reintegrate", "dropscan", "--ranks=" + victim);
      assertEquals(0, ri.get("status").getAsInt(), ri.toString());
      JsonObject back = done("dropscan", version1, 0);
      assertEquals(0, rebuild(back).get("status").getAsInt(), back.toString());
      assertEquals(List.of(TargetState.UP_IN, TargetState.UP_IN), targetStates(s, leader, victim));
      d.verify("after the reintegration");
    }
  }

  /**
   * DAOS REBUILD11 rebuild_tgt_start_fail: one engine fails to start its part of the rebuild once
   * (DAOS_REBUILD_TGT_START_FAIL | DAOS_FAIL_ONCE): the rebuild fails with DER_IO naming that engine, is retried
   * and ends done; the data reads back from every replica.
   */
  @Test
  @Order(2)
  @Timeout(300)
  void rebuild_tgt_start_fail() throws Exception {
    try (Setup s = setup("startfail")) {
      DaosContainer cont = s.container("c", 1);
      int leader = rc.query("startfail").get("svc_ldr").getAsInt();
      int victim = rc.rankNot(Set.of(leader));
      // DAOS arms rank 0; here the first rank that takes part in the rebuild.
      int failing = rc.ranks().stream().filter(r -> r != victim).findFirst().orElseThrow();
      AckedKeys d = dataOn(cont, victim, "k");
      int version0 = rc.query("startfail").get("version").getAsInt();
      Map<Integer, Long> scans0 = scans();
      rc.engine(failing).faults().armOnce(FaultInjection.Point.DAOS_REBUILD_TGT_START_FAIL,
          List.of(RebuildRpc.OBJECTS_SCAN));
      exclude("startfail", victim);
      RebuildStatus failed = firstAttemptFails(s.uuid(), leader, version0);
      assertEquals(DaosStatus.IO.code(), failed.getErrno(), failed.toString());
      assertEquals(failing, failed.getFailRank(), failed.toString());
      JsonObject q = done("startfail", version0, 2);
      assertEquals(0, rebuild(q).get("status").getAsInt(), q.toString());
      assertEquals(List.of(TargetState.DOWN_OUT, TargetState.DOWN_OUT), targetStates(s, leader, victim));
      assertEquals(expectScans(4, Map.of(victim, 0L, failing, 3L)), scansSince(scans0));
      d.verify("after the retried rebuild");
    }
  }

  /**
   * DAOS REBUILD12 rebuild_send_objects_fail: sending the rebuild's objects fails on every engine
   * (DAOS_REBUILD_TGT_SEND_OBJS_FAIL, DAOS_OBJ_RPC_MIGRATE answered DER_IO): the rebuild fails with DER_IO; once the
   * fault is cleared the pool service's retry rebuilds everything (status 0, targets DOWN_OUT, every live engine
   * scanned twice plus the failed attempt's fail-reclaim and the reclaim), and the data reads back from every replica.
   */
  @Test
  @Order(3)
  @Timeout(300)
  void rebuild_send_objects_fail() throws Exception {
    try (Setup s = setup("sendfail")) {
      DaosContainer cont = s.container("c", 1);
      int leader = rc.query("sendfail").get("svc_ldr").getAsInt();
      int victim = rc.rankNot(Set.of(leader));
      AckedKeys d = dataOn(cont, victim, "k");
      int version0 = rc.query("sendfail").get("version").getAsInt();
      Map<Integer, Long> scans0 = scans();
      cluster.engines().forEach(e -> e.engine().faults().arm(new FaultInjection.Fault(
          FaultInjection.Point.DAOS_REBUILD_TGT_SEND_OBJS_FAIL, DaosStatus.IO, Duration.ZERO),
          List.of(RebuildRpc.OBJ_MIGRATE)));
      exclude("sendfail", victim);
      RebuildStatus failed = firstAttemptFails(s.uuid(), leader, version0);
      assertEquals(DaosStatus.IO.code(), failed.getErrno(), failed.toString());
      cluster.clearFaults();
      JsonObject q = done("sendfail", version0, 2);
      assertEquals(0, rebuild(q).get("status").getAsInt(), q.toString());
      assertTrue(rebuild(q).get("objects").getAsLong() > 0, q.toString());
      assertEquals(List.of(TargetState.DOWN_OUT, TargetState.DOWN_OUT), targetStates(s, leader, victim));
      assertEquals(expectScans(4, Map.of(victim, 0L)), scansSince(scans0));
      d.verify("after the retried rebuild");
    }
  }

  /**
   * DAOS REBUILD6 rebuild_destroy_container: a container is destroyed while the rebuild's pulls of its objects are
   * held (DAOS_REBUILD_DELAY). As in DAOS (the puller ignores a container gone under it), the rebuild is not failed:
   * it ends done with status 0 and no retry (each live engine scanned once, plus the reclaim); the other container's
   * data reads back from every replica; and no engine keeps the destroyed container, neither in VOS nor open.
   */
  @Test
  @Order(4)
  @Timeout(300)
  void rebuild_destroy_container() throws Exception {
    try (Setup s = setup("contdestroy")) {
      DaosContainer gone = s.container("gone", 1);
      UUID goneUuid = gone.uuid();
      DaosContainer kept = s.container("kept", 1);
      int leader = rc.query("contdestroy").get("svc_ldr").getAsInt();
      int victim = rc.rankNot(Set.of(leader));
      dataOn(gone, victim, "g");
      AckedKeys d = dataOn(kept, victim, "k");
      gone.close();
      int version0 = rc.query("contdestroy").get("version").getAsInt();
      Map<Integer, Long> scans0 = scans();
      long migrates0 = migrates();
      holdPulls();
      exclude("contdestroy", victim);
      Poll.until("the rebuild's pulls are under way", WAIT, () -> migrates() > migrates0, cluster::logs);
      s.pool().destroyContainer("gone", true);
      RebuildStatus during = rc.engine(leader).rebuilds().status(s.uuid());
      assertEquals(0, during.getState(), "the rebuild still runs after the destroy: " + during);
      cluster.clearFaults();
      JsonObject q = done("contdestroy", version0, 2);
      assertEquals(0, rebuild(q).get("status").getAsInt(), q.toString());
      assertEquals(List.of(TargetState.DOWN_OUT, TargetState.DOWN_OUT), targetStates(s, leader, victim));
      assertEquals(expectScans(2, Map.of(victim, 0L)), scansSince(scans0), "one rebuild, no retry");
      assertEquals(List.of("kept"), s.pool().listContainers().stream().map(c -> c.label()).toList());
      d.verify("the other container after the rebuild");
      Map<Integer, List<String>> holding = new TreeMap<>();
      for (int r : rc.ranks()) {
        List<String> h = holders(r, s.uuid(), goneUuid);
        if (!h.isEmpty()) {
          holding.put(r, h);
        }
      }
      assertEquals(Map.of(), holding, "engines (by rank) holding the destroyed container " + goneUuid);
    }
  }

  /** The local targets of engine {@code rank} that still have {@code cont} of {@code pool} in VOS or open. */
  private List<String> holders(int rank, UUID pool, UUID cont) {
    DaosEngine e = rc.engine(rank);
    EnginePool ep = e.pools().find(pool).orElse(null);
    if (ep == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int t = 0; t < ep.targetCount(); t++) {
      int tgt = t;
      String held = CompletableFuture.supplyAsync(() -> ep.target(tgt).listContainers().contains(cont) ? " in VOS"
          : ep.existingContainer(tgt, cont) != null ? " open" : "", e.xstreams().executor(tgt)).join();
      if (!held.isEmpty()) {
        out.add("target " + tgt + held);
      }
    }
    return out;
  }

  /**
   * DAOS REBUILD25 rebuild_multiple_failures: an rd_fac 2 container's RP_3G1 objects, a writer going on, one rank
   * excluded and, while that rebuild's pulls are held (before its reclaim), a second one: both rebuilds finish
   * (status 0, 4 targets disabled, both ranks' targets DOWN_OUT), every acknowledged write (before and during the
   * rebuilds) reads back byte-exact, and the same from each of the 3 replicas.
   */
  @Test
  @Order(5)
  @Timeout(300)
  void rebuild_multiple_failures() throws Exception {
    try (Setup s = setup("twofail")) {
      DaosContainer cont = s.container("c", 2);
      int leader = rc.query("twofail").get("svc_ldr").getAsInt();
      int first = rc.rankNot(Set.of(leader));
      int second = rc.rankNot(Set.of(leader, first));
      // Objects losing two of their three replicas, and objects losing one.
      List<DaosKv> kvs = new ArrayList<>(kvs(cont, ObjectClass.RP_3G1, 2,
          r -> r.contains(first) && r.contains(second)));
      kvs.addAll(kvs(cont, ObjectClass.RP_3G1, 2, r -> r.contains(first) && !r.contains(second)));
      AckedKeys d = new AckedKeys(kvs);
      d.fill("k", KEYS);
      int version0 = rc.query("twofail").get("version").getAsInt();
      long migrates0 = migrates();
      try (Writer w = new Writer(d, "w")) {
        holdPulls();
        exclude("twofail", first);
        Poll.until("the first rebuild's pulls are under way", WAIT, () -> migrates() > migrates0, cluster::logs);
        RebuildStatus st = rc.engine(leader).rebuilds().status(s.uuid());
        assertEquals(0, st.getState(), "the first rebuild is running: " + st);
        exclude("twofail", second);
        cluster.clearFaults();
        JsonObject q = done("twofail", version0 + 1, 4);
        assertEquals(0, rebuild(q).get("status").getAsInt(), q.toString());
        for (int r : List.of(first, second)) {
          assertEquals(List.of(TargetState.DOWN_OUT, TargetState.DOWN_OUT), targetStates(s, leader, r));
        }
        int acked = d.acked.size();
        Poll.until("writes after both rebuilds", WAIT, () -> d.acked.size() > acked + 50,
            () -> "last write error " + d.lastError);
      }
      d.verify("after both rebuilds");
    }
  }
}
