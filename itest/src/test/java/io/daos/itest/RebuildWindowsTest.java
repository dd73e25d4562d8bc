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
import io.daos.placement.JumpMap;
import io.daos.placement.Layout;
import io.daos.placement.LayoutMode;
import io.daos.placement.MapOp;
import io.daos.placement.PoolMap;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
 * The windows of a rebuild that DAOS's rebuild design (§20) asks tests for, each hit by holding the rebuild at a
 * fault point ({@link FaultInjection}) until the test has acted, never by timing: an engine failing after its part
 * of the rebuild is done but before the rebuild is; a second failure after the rebuild's finish step but before its
 * reclaim; a same-version retry while the failed attempt's pulls are still in flight; an engine killed while the
 * rebuild runs (daos_rebuild.c REBUILD28); and REBUILD1's retry. 4 servers × 1 engine × 2 targets, each test on
 * its own pool, SWIM tuned so that a killed engine is excluded within seconds. Each ends with what the operator
 * and the application see: pool query's rebuild state done with status 0, the failed ranks' targets DOWN_OUT,
 * every acknowledged write byte-exact and identical on every remaining replica, and, where the design says reclaim
 * removes copies, none left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(TestLocks.BIG_POOLS)
class RebuildWindowsTest {
  private static final String[] ENV = {"SWIM_PROTOCOL_PERIOD_LEN=200", "SWIM_PING_TIMEOUT=150",
      "SWIM_SUSPECT_TIMEOUT=2000"};
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int KEYS = 30;

  @TempDir
  static Path dir;
  private InProcessCluster cluster;
  private RebuildChecks rc;

  @BeforeAll
  void start() throws Exception {
    cluster = RebuildChecks.start(dir, ENV);
    rc = new RebuildChecks(cluster);
  }

  @AfterAll
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Every test starts with every engine up and nothing armed. */
  @AfterEach
  void heal() throws Exception {
    cluster.clearFaults();
    if (cluster.engines().size() < 4) {
      cluster.heal();
    }
  }

  /** A test's pool, client and rd_fac 1 container; closing it closes the client and destroys the pool. */
  private record Setup(String label, MiniDaosCluster.CreatedPool created, DaosClient client, DaosPool pool,
      DaosContainer cont, InProcessCluster cluster) implements AutoCloseable {
    UUID uuid() {
      return created.uuid();
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
    return setup(label, 1);
  }

  /**
   * A pool and a container of redundancy factor {@code rdFac} (2 where a second rank fails before the first one's
   * rebuild is over: with 1, the container would rightly be UNCLEAN, DER_RF).
   */
  private Setup setup(String label, int rdFac) throws java.io.IOException {
    MiniDaosCluster.CreatedPool p = cluster.createPool(label, 16L << 30, 3);
    DaosClient client = cluster.clientBuilder().rpcTimeout(Duration.ofSeconds(6)).build();
    DaosPool pool = client.connectPool(label, PoolRpc.PC_RW);
    pool.createContainer(ContainerProps.empty().withLabel("c").withRedundancyFactor(rdFac));
    return new Setup(label, p, client, pool, pool.openContainer("c", ContRpc.COO_RW), cluster);
  }

  /** {@code n} RP_2G1 KVs whose layout {@code where} accepts (given the KV's layout now). */
  private static List<DaosKv> kvs(DaosContainer cont, int n, Predicate<Layout> where) {
    return kvs(cont, ObjectClass.RP_2G1, n, where);
  }

  private static List<DaosKv> kvs(DaosContainer cont, ObjectClass oc, int n, Predicate<Layout> where) {
    List<DaosKv> out = new ArrayList<>();
    for (int i = 0; i < 2000 && out.size() < n; i++) {
      DaosKv kv = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, oc, 0));
      if (where.test(kv.object().layout())) {
        out.add(kv);
      } else {
        kv.close();
      }
    }
    assertEquals(n, out.size(), oc + " objects placed as the test needs");
    return out;
  }

  private static Set<Integer> ranks(Layout l) {
    Set<Integer> out = new TreeSet<>();
    l.shards().stream().map(Shard::rank).forEach(out::add);
    return out;
  }

  /** The rank of the replica a rebuild after excluding {@code victim} pulls from: the first one on another rank. */
  private static int senderOf(Layout l, int victim) {
    return l.shards().stream().filter(x -> x.rank() != victim).findFirst().orElseThrow().rank();
  }

  /** The rank that the rebuild after excluding {@code victim} gives the victim's shard of {@code l}'s object. */
  private static int spareOf(Layout l, PoolMap map, int victim) {
    Layout post = JumpMap.create().place(l.oid(), map.updateRank(MapOp.EXCLUDE, victim), LayoutMode.POST_REBUILD);
    for (Shard s : l.shards()) {
      if (s.rank() == victim) {
        return post.shard(s.shard()).rank();
      }
    }
    return -1;
  }

  /**
   * The pool service leader's rank, once that engine's replica says it leads (right after the pool's creation the
   * leadership can still move, and the tests arm faults at and read the rebuild status from the leader).
   */
  private int leader(Setup s) {
    int[] ldr = {-1};
    Poll.until("pool " + s.label() + " has a settled service leader", WAIT, () -> {
      ldr[0] = rc.query(s.label()).get("svc_ldr").getAsInt();
      return cluster.engine(ldr[0]).map(e -> e.engine().poolServices().service(s.uuid())
          .map(v -> v.rdb().isLeader()).orElse(false)).orElse(false);
    }, cluster::logs);
    return ldr[0];
  }

  private static JsonObject rebuild(JsonObject q) {
    return q.getAsJsonObject("rebuild");
  }

  private long scansServed(int rank) {
    return rc.engine(rank).rpcCounters().served(RebuildRpc.OBJECTS_SCAN);
  }

  private Map<Integer, Long> scans() {
    return rc.served(RebuildRpc.OBJECTS_SCAN);
  }

  private Map<Integer, Long> scansSince(Map<Integer, Long> before) {
    return rc.servedSince(RebuildRpc.OBJECTS_SCAN, before);
  }

  /** DAOS_OBJ_RPC_MIGRATE requests taken by the engines' handlers so far. */
  private long migrates() {
    return cluster.engines().stream().mapToLong(e -> e.engine().rpcCounters().served(RebuildRpc.OBJ_MIGRATE)).sum();
  }

  /**
   * The engine leading the pool's rebuild of a map version above {@code version0} (the newest such rebuild over
   * the running engines), or null. Looked up each time: the pool service leadership can move.
   */
  private DaosEngine rebuildLeader(UUID pool, int version0) {
    DaosEngine best = null;
    int bestVersion = version0;
    for (InProcessEngine e : cluster.engines()) {
      DaosEngine en = e.engine();
      if (en.rebuilds() == null || !en.rebuilds().leads(pool)) {
        continue;
      }
      int v = en.rebuilds().status(pool).getVersion();
      if (v > bestVersion) {
        best = en;
        bestVersion = v;
      }
    }
    return best;
  }

  /** The status of the rebuild leader's rebuild of a map version above {@code version0}, or null. */
  private RebuildStatus rebuildStatus(UUID pool, int version0) {
    DaosEngine led = rebuildLeader(pool, version0);
    return led == null ? null : led.rebuilds().status(pool);
  }

  /** Waits for the leader's rebuild of a map version above {@code version0} to fail; returns its status. */
  private RebuildStatus attemptFails(UUID pool, int leader, int version0, String what) {
    RebuildStatus[] st = {null};
    Poll.until(what, WAIT, () -> {
      st[0] = rebuildStatus(pool, version0);
      if (st[0] == null) {
        // The failed attempt's fail-reclaim runs (at the old map's version): the failure is the one it follows.
        st[0] = cluster.engines().stream().map(e -> e.engine().rebuilds())
            .filter(r -> r != null && r.failReclaiming(pool)).map(r -> r.failedBeforeFailReclaim(pool))
            .filter(java.util.Objects::nonNull).findFirst().orElse(null);
      }
      return st[0] != null && st[0].getErrno() != 0;
    }, () -> "last status " + st[0] + "\n" + cluster.logs());
    System.out.println(what + ": " + st[0]);
    return st[0];
  }

  /** Waits until pool query shows {@code disabled} disabled targets and the rebuild done; returns the query. */
  private JsonObject done(String label, int version0, int disabled) {
    JsonObject[] last = {null};
    Poll.until("pool query shows the rebuild done with " + disabled + " disabled targets", WAIT, () -> {
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
    assertEquals(0, rebuild(last[0]).get("status").getAsInt(), last[0].toString());
    return last[0];
  }

  /** Waits until the pool map has {@code rank}'s targets down (SWIM's exclusion of a killed engine). */
  private void excluded(String label, int rank) {
    JsonObject[] last = {null};
    Poll.until("rank " + rank + " is excluded from pool " + label, WAIT, () -> {
      JsonObject env = cluster.dmgJson("pool", "query", "-t", label);
      if (env.get("status").getAsInt() != 0) {
        return false;
      }
      last[0] = env.getAsJsonObject("response");
      return last[0].has("disabled_ranks") && last[0].getAsJsonArray("disabled_ranks").toString()
          .matches(".*\\b" + rank + "\\b.*");
    }, () -> "last query " + last[0] + "\n" + cluster.logs());
  }

  private List<TargetState> targetStates(Setup s, int via, int rank) {
    return rc.targetStates(s.created(), via, rank);
  }

  private void assertDownOut(Setup s, int via, int... failed) {
    for (int r : failed) {
      assertEquals(List.of(TargetState.DOWN_OUT, TargetState.DOWN_OUT), targetStates(s, via, r), "rank " + r);
    }
  }

  /** Object shards of container {@code cont} that engine {@code rank} still holds in VOS, over its targets. */
  private long shardsHeld(int rank, UUID pool, UUID cont) {
    DaosEngine e = rc.engine(rank);
    EnginePool ep = e.pools().find(pool).orElse(null);
    if (ep == null) {
      return 0;
    }
    long n = 0;
    for (int t = 0; t < ep.targetCount(); t++) {
      int tgt = t;
      n += CompletableFuture.supplyAsync(() -> ep.target(tgt).listContainers().contains(cont)
          ? ep.container(tgt, cont).listObjectShards().size() : 0, e.xstreams().executor(tgt)).join();
    }
    return n;
  }

  /**
   * Design §20 "target failure in the window after scan done" (DAOS reports every 2,000 ms, so a rank can fail
   * after reporting its part done and before the leader ends the rebuild). An rd_fac 2 container's RP_3G1 objects
   * on the victim V: some are rebuilt into rank F (its pulls run at once), others from the leader into rank D,
   * whose pulls are held (DAOS_REBUILD_TGT_REBUILD_HANG at D only). Once the leader has F's report that its scan
   * and pulls are done, and still waits for its own sends to D, F is killed: SWIM excludes it, the pool service
   * merges the exclusion into the running rebuild (whose pulls into D, released now, are stale), and the rebuild
   * ends done with status 0, V and F DOWN_OUT, every write identical on every replica.
   */
  @Test
  @Order(1)
  @Timeout(240)
  void rebuild_tgt_fail_after_scan_done() throws Exception {
    try (Setup s = setup("afterscan", 2)) {
      int leader = leader(s);
      Set<Integer> svc = new TreeSet<>(s.created().resp().getSvcRepsList());
      int victim = rc.rankNot(Set.of(leader));
      // F is not a pool service replica when it can be avoided, so the service keeps its quorum without it.
      Set<Integer> avoid = new TreeSet<>(Set.of(leader, victim));
      avoid.addAll(svc);
      int failing = rc.ranks().stream().filter(r -> !avoid.contains(r)).findFirst()
          .orElse(rc.rankNot(Set.of(leader, victim)));
      int held = rc.rankNot(Set.of(leader, victim, failing));
      PoolMap map = s.pool().poolMap();
      // Rebuilt into F (not held); rebuilt from the leader into D (held).
      List<DaosKv> kvs = new ArrayList<>(kvs(s.cont(), ObjectClass.RP_3G1, 2,
          l -> ranks(l).contains(victim) && spareOf(l, map, victim) == failing));
      kvs.addAll(kvs(s.cont(), ObjectClass.RP_3G1, 2, l -> ranks(l).contains(victim)
          && spareOf(l, map, victim) == held && senderOf(l, victim) == leader));
      AckedKeys d = new AckedKeys(kvs).fill("k", KEYS);
      int version0 = rc.query("afterscan").get("version").getAsInt();
      rc.arm(FaultInjection.Point.DAOS_REBUILD_TGT_REBUILD_HANG, RebuildRpc.OBJ_MIGRATE, List.of(held));
      rc.dmg("pool", "exclude", "afterscan", "--ranks=" + victim);
      DaosEngine[] led = {null};
      Poll.until("rank " + failing + " reports its pulls and scan done", WAIT, () -> {
        led[0] = rebuildLeader(s.uuid(), version0);
        return led[0] != null && led[0].rebuilds().status(s.uuid()).getObjNr() >= 2
            && led[0].rebuilds().ranksDone(s.uuid()).contains(failing);
      }, cluster::logs);
      RebuildStatus st = led[0].rebuilds().status(s.uuid());
      assertEquals(0, st.getState(), "the rebuild still runs (pulls into rank " + held + " held): " + st);
      assertTrue(!led[0].rebuilds().ranksDone(s.uuid()).contains(leader), "rank " + leader + " still sends to rank "
          + held);
      cluster.killEngine(failing);
      excluded("afterscan", failing);
      cluster.clearFaults();
      done("afterscan", version0, 4);
      assertDownOut(s, leader, victim, failing);
      d.verify("after the rebuild of ranks " + victim + " and " + failing);
    }
  }

  /**
   * Design §20 "rebuild followed by second failure before reclaim": rank D is drained; once its shards are
   * rebuilt and the finish step made its targets DOWN_OUT, the reclaim that deletes D's copies is held at D
   * (its REBUILD_OBJECTS_SCAN waits, so the leader's first reclaim attempt times out), and rank F is killed. The
   * pool service retries the reclaim (as DAOS reschedules a failed RB_OP_RECLAIM) without waiting for the dead F,
   * then rebuilds F's shards: done with status 0, D and F DOWN_OUT, every write identical on both replicas, and D
   * keeps no copy of the container's objects.
   */
  @Test
  @Order(2)
  @Timeout(240)
  void rebuild_second_failure_before_reclaim() throws Exception {
    try (Setup s = setup("beforereclaim")) {
      int leader = leader(s);
      Set<Integer> svc = new TreeSet<>(s.created().resp().getSvcRepsList());
      int drained = rc.rankNot(Set.of(leader));
      Set<Integer> avoid = new TreeSet<>(Set.of(leader, drained));
      avoid.addAll(svc);
      int failing = rc.ranks().stream().filter(r -> !avoid.contains(r)).findFirst()
          .orElse(rc.rankNot(Set.of(leader, drained)));
      List<DaosKv> kvs = new ArrayList<>(kvs(s.cont(), 2, l -> ranks(l).contains(drained)
          && !ranks(l).contains(failing)));
      kvs.addAll(kvs(s.cont(), 2, l -> ranks(l).contains(drained) && ranks(l).contains(failing)));
      kvs.addAll(kvs(s.cont(), 1, l -> !ranks(l).contains(drained) && ranks(l).contains(failing)));
      AckedKeys d = new AckedKeys(kvs).fill("k", KEYS);
      int version0 = rc.query("beforereclaim").get("version").getAsInt();
      long before = scansServed(drained);
      rc.arm(FaultInjection.Point.DAOS_REBUILD_TGT_REBUILD_HANG, RebuildRpc.OBJ_MIGRATE, rc.ranks());
      rc.dmg("pool", "drain", "beforereclaim", "--ranks=" + drained);
      Poll.until("rank " + drained + " takes the drain's scan", WAIT, () -> scansServed(drained) > before,
          cluster::logs);
      // The next scan rank D takes is the reclaim's: held until the test releases it.
      rc.arm(FaultInjection.Point.DAOS_REBUILD_TGT_REBUILD_HANG, RebuildRpc.OBJECTS_SCAN, List.of(drained));
      rc.disarm(RebuildRpc.OBJ_MIGRATE);
      RebuildStatus failed = attemptFails(s.uuid(), leader, version0, "the first reclaim attempt fails");
      assertEquals(DaosStatus.TIMEDOUT.code(), failed.getErrno(), failed.toString());
      assertDownOut(s, leader, drained);
      assertTrue(shardsHeld(drained, s.uuid(), s.cont().uuid()) > 0, "rank " + drained + " keeps its copies "
          + "until the reclaim");
      JsonObject during = rc.query("beforereclaim");
      assertEquals("busy", rebuild(during).get("state").getAsString(), "a reclaim waiting for its retry: " + during);
      cluster.killEngine(failing);
      excluded("beforereclaim", failing);
      cluster.clearFaults();
      done("beforereclaim", version0 + 2, 4);
      assertDownOut(s, leader, drained, failing);
      d.verify("after the drain of rank " + drained + " and the rebuild of rank " + failing);
      Poll.until("rank " + drained + " keeps no copy (reclaimed)", WAIT,
          () -> shardsHeld(drained, s.uuid(), s.cont().uuid()) == 0, cluster::logs);
    }
  }

  /**
   * Design §20 "same-version rebuild retry (network error)": the leader hears no report (DAOS_REBUILD_HANG drops
   * every REBUILD_REPORT reaching it) while every pull is held (DAOS_REBUILD_TGT_REBUILD_HANG), so the first
   * attempt fails with DER_TIMEDOUT; the pool service retries at the same map version with the next generation.
   * Once every engine has taken the retry's scan, the pulls are released: the first attempt's pulls, now stale,
   * must neither abort nor confuse the retry (engines refuse them from the fail-reclaim on). Done with status 0
   * after exactly one fail-reclaim and one retry (four scans on each live engine with the reclaim), the victim
   * DOWN_OUT, every write on both replicas.
   */
  @Test
  @Order(3)
  @Timeout(240)
  void rebuild_retry_with_stale_pulls() throws Exception {
    try (Setup s = setup("stalepulls")) {
      int leader = leader(s);
      int victim = rc.rankNot(Set.of(leader));
      List<DaosKv> kvs = kvs(s.cont(), 4, l -> ranks(l).contains(victim));
      AckedKeys d = new AckedKeys(kvs).fill("k", KEYS);
      int version0 = rc.query("stalepulls").get("version").getAsInt();
      Map<Integer, Long> scans0 = scans();
      long migrates0 = migrates();
      rc.arm(FaultInjection.Point.DAOS_REBUILD_TGT_REBUILD_HANG, RebuildRpc.OBJ_MIGRATE, rc.ranks());
      // Reports go to the rebuild leader only; armed everywhere in case the service leadership moves.
      rc.arm(FaultInjection.Point.DAOS_REBUILD_HANG, RebuildRpc.REPORT, rc.ranks());
      rc.dmg("pool", "exclude", "stalepulls", "--ranks=" + victim);
      RebuildStatus failed = attemptFails(s.uuid(), leader, version0, "the first attempt fails");
      assertEquals(DaosStatus.TIMEDOUT.code(), failed.getErrno(), failed.toString());
      rc.disarm(RebuildRpc.REPORT);
      List<Integer> live = rc.ranks().stream().filter(r -> r != victim).toList();
      // The failed attempt's scan, its fail-reclaim's (RB_OP_FAIL_RECLAIM), then the retry's.
      Poll.until("every live engine takes the retry's scan", WAIT,
          () -> live.stream().allMatch(r -> scansServed(r) - scans0.get(r) >= 3), cluster::logs);
      assertEquals(migrates0, migrates(), "every pull is still held");
      cluster.clearFaults();
      done("stalepulls", version0, 2);
      assertDownOut(s, leader, victim);
      Map<Integer, Long> expect = new TreeMap<>();
      rc.ranks().forEach(r -> expect.put(r, r == victim ? 0L : 4L));
      assertEquals(expect, scansSince(scans0), "the failed attempt, its fail-reclaim, one retry and the reclaim");
      d.verify("after the retried rebuild");
    }
  }

  /**
   * DAOS REBUILD1 rebuild_retry_rebuild: the rebuild's enumeration is refused once on every engine
   * (DAOS_REBUILD_NO_HDL | DAOS_FAIL_ONCE): the first attempt fails with DER_NO_HDL, the retry at the same map
   * version ends done with status 0; the victim DOWN_OUT, every write on both replicas.
   */
  @Test
  @Order(4)
  @Timeout(240)
  void rebuild_retry_rebuild() throws Exception {
    try (Setup s = setup("retry")) {
      int leader = leader(s);
      int victim = rc.rankNot(Set.of(leader));
      AckedKeys d = new AckedKeys(kvs(s.cont(), 4, l -> ranks(l).contains(victim))).fill("k", KEYS);
      int version0 = rc.query("retry").get("version").getAsInt();
      for (int r : rc.ranks()) {
        rc.engine(r).faults().armOnce(new FaultInjection.Fault(FaultInjection.Point.DAOS_REBUILD_NO_HDL,
            DaosStatus.NO_HDL, Duration.ZERO), List.of(RebuildRpc.OBJ_ENUMERATE));
      }
      rc.dmg("pool", "exclude", "retry", "--ranks=" + victim);
      RebuildStatus failed = attemptFails(s.uuid(), leader, version0, "the first attempt fails");
      assertEquals(DaosStatus.NO_HDL.code(), failed.getErrno(), failed.toString());
      // DAOS_FAIL_ONCE per engine: an engine that enumerated nothing in the first attempt must not fail the retry.
      cluster.clearFaults();
      done("retry", version0, 2);
      assertDownOut(s, leader, victim);
      d.verify("after the retried rebuild");
    }
  }

  /**
   * A lost final report: the leader hears no REBUILD_REPORT (DAOS_REBUILD_HANG drops them) until every engine's part
   * of the rebuild is over. Engines keep sending their final report until the leader answers one (DAOS's targets
   * report until the global rebuild is done), so the leader does not take them for silent, failed engines: done
   * with status 0 in one attempt (the rebuild's scan and the reclaim's on each live engine, no fail-reclaim, no
   * retry).
   */
  @Test
  @Order(6)
  @Timeout(240)
  void rebuild_final_report_lost() throws Exception {
    try (Setup s = setup("lostreport")) {
      int leader = leader(s);
      int victim = rc.rankNot(Set.of(leader));
      AckedKeys d = new AckedKeys(kvs(s.cont(), 4, l -> ranks(l).contains(victim))).fill("k", KEYS);
      int version0 = rc.query("lostreport").get("version").getAsInt();
      Map<Integer, Long> scans0 = scans();
      rc.arm(FaultInjection.Point.DAOS_REBUILD_HANG, RebuildRpc.REPORT, rc.ranks());
      rc.dmg("pool", "exclude", "lostreport", "--ranks=" + victim);
      List<Integer> live = rc.ranks().stream().filter(r -> r != victim).toList();
      Poll.until("every live engine's part of the rebuild is over, unheard", WAIT, () -> {
        RebuildStatus st = rebuildStatus(s.uuid(), version0);
        return st != null && live.stream().allMatch(r -> rc.engine(r).rebuilds().partOver(s.uuid(), st.getVersion()));
      }, cluster::logs);
      rc.disarm(RebuildRpc.REPORT);
      JsonObject q = done("lostreport", version0, 2);
      assertEquals(0, rebuild(q).get("status").getAsInt(), q.toString());
      assertDownOut(s, leader, victim);
      Map<Integer, Long> expect = new TreeMap<>();
      rc.ranks().forEach(r -> expect.put(r, r == victim ? 0L : 2L));
      assertEquals(expect, scansSince(scans0), "the rebuild and its reclaim, nothing retried");
      d.verify("after the rebuild");
    }
  }

  /**
   * DAOS REBUILD28 rebuild_kill_rank_during_rebuild: while the rebuild of an excluded rank runs (its pulls held by
   * DAOS_REBUILD_TGT_REBUILD_HANG), another engine taking part in it is killed. (DAOS kills the excluded rank
   * itself, which takes no part in our rebuild; killing a participant is the harder case.) SWIM excludes it, the
   * pool service merges the exclusion into the running rebuild, the pulls are released: done with status 0, both
   * ranks DOWN_OUT, every write of the rd_fac 2 container's RP_3G1 objects identical on every replica.
   */
  @Test
  @Order(5)
  @Timeout(240)
  void rebuild_kill_rank_during_rebuild() throws Exception {
    try (Setup s = setup("killduring", 2)) {
      int leader = leader(s);
      Set<Integer> svc = new TreeSet<>(s.created().resp().getSvcRepsList());
      int victim = rc.rankNot(Set.of(leader));
      Set<Integer> avoid = new TreeSet<>(Set.of(leader, victim));
      avoid.addAll(svc);
      int killed = rc.ranks().stream().filter(r -> !avoid.contains(r)).findFirst()
          .orElse(rc.rankNot(Set.of(leader, victim)));
      List<DaosKv> kvs = new ArrayList<>(kvs(s.cont(), ObjectClass.RP_3G1, 2, l -> ranks(l).contains(victim)
          && ranks(l).contains(killed)));
      kvs.addAll(kvs(s.cont(), ObjectClass.RP_3G1, 2, l -> ranks(l).contains(victim)
          && !ranks(l).contains(killed)));
      AckedKeys d = new AckedKeys(kvs).fill("k", KEYS);
      int version0 = rc.query("killduring").get("version").getAsInt();
      long migrates0 = migrates();
      rc.arm(FaultInjection.Point.DAOS_REBUILD_TGT_REBUILD_HANG, RebuildRpc.OBJ_MIGRATE, rc.ranks());
      rc.dmg("pool", "exclude", "killduring", "--ranks=" + victim);
      Poll.until("the rebuild's scans have found objects to send (their pulls held)", WAIT, () -> {
        RebuildStatus now = rebuildStatus(s.uuid(), version0);
        return now != null && now.getToberbObjNr() > 0;
      }, cluster::logs);
      assertEquals(migrates0, migrates(), "every pull is held");
      RebuildStatus st = rebuildStatus(s.uuid(), version0);
      assertEquals(0, st.getState(), "the rebuild runs: " + st);
      cluster.killEngine(killed);
      excluded("killduring", killed);
      cluster.clearFaults();
      done("killduring", version0, 4);
      assertDownOut(s, leader, victim, killed);
      d.verify("after the rebuild of ranks " + victim + " and " + killed);
    }
  }
}
