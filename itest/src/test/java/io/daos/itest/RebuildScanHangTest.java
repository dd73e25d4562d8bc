package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.daos.cart.FaultInjection;
import io.daos.cart.Opcode;
import io.daos.client.DaosClient;
import io.daos.client.DaosContainer;
import io.daos.client.DaosKv;
import io.daos.client.DaosPool;
import io.daos.client.cont.ContainerProps;
import io.daos.common.status.DaosStatus;
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
 * DAOS's rebuild matrix cases about the scan phase and the pool service leader (daos_test rebuild,
 * {@code src/tests/suite/daos_rebuild.c} REBUILD19, REBUILD20, REBUILD37) on 4 servers × 1 engine × 2 targets, 3
 * service replicas, each test on its own pool: engines' scans held at DAOS_REBUILD_TGT_SCAN_HANG (the engine takes
 * the scan, reports it not done, and scans once the point is disarmed) or their pulls held at
 * DAOS_REBUILD_TGT_REBUILD_HANG, the pool service leadership handed to another replica meanwhile, or one engine held
 * for longer than the leader's limit for a silent engine. Each test checks pool query's rebuild state and status,
 * the excluded targets' states, the scans each engine took, and every written key reading back byte-exact from
 * every replica.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(TestLocks.BIG_POOLS)
class RebuildScanHangTest {
  private static final Duration WAIT = Duration.ofSeconds(90);
  /** Keys written to each object before the fault. */
  private static final int KEYS = 30;
  /**
   * The leader fails a rebuild when a working engine has not reported for 5 report intervals (2 s each,
   * {@code Rebuilds.REPORT_INTERVAL}); REBUILD37 holds a scan well beyond that.
   */
  private static final Duration SILENT_LIMIT = Duration.ofSeconds(10);

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

  /** A test's pool, client and container; closing it clears the faults, closes the client, destroys the pool. */
  private record Setup(String label, MiniDaosCluster.CreatedPool created, DaosClient client, DaosContainer cont,
      InProcessCluster cluster) implements AutoCloseable {
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
    MiniDaosCluster.CreatedPool p = cluster.createPool(label, 16L << 30, 3);
    DaosClient client = cluster.clientBuilder().rpcTimeout(Duration.ofSeconds(6)).build();
    DaosPool pool = client.connectPool(label, PoolRpc.PC_RW);
    pool.createContainer(ContainerProps.empty().withLabel("c").withRedundancyFactor(1));
    return new Setup(label, p, client, pool.openContainer("c", ContRpc.COO_RW), cluster);
  }

  /** {@code n} KVs of class {@code oc} in {@code cont}, each placed on ranks that {@code where} accepts. */
  private static List<DaosKv> kvs(DaosContainer cont, ObjectClass oc, int n, Predicate<Set<Integer>> where) {
    List<DaosKv> out = new ArrayList<>();
    for (int i = 0; i < 500 && out.size() < n; i++) {
      DaosKv kv = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, oc, 0));
      Set<Integer> ranks = new TreeSet<>();
      kv.object().layout().shards().stream().map(Shard::rank).forEach(ranks::add);
      if (where.test(ranks)) {
        out.add(kv);
      } else {
        kv.close();
      }
    }
    assertEquals(n, out.size(), oc + " objects placed as the test needs");
    return out;
  }

  /** RP_2G1 and RP_3G1 KVs (two of each) with a shard on {@code victim} (DAOS_OC_R3S_SPEC_RANK), filled. */
  private static AckedKeys dataOn(DaosContainer cont, int victim) {
    List<DaosKv> kvs = new ArrayList<>(kvs(cont, ObjectClass.RP_2G1, 2, r -> r.contains(victim)));
    kvs.addAll(kvs(cont, ObjectClass.RP_3G1, 2, r -> r.contains(victim)));
    AckedKeys d = new AckedKeys(kvs);
    d.fill("k", KEYS);
    return d;
  }

  /** Pool query for a poll: null while the pool service answers an error (e.g. while it elects a leader). */
  private JsonObject pollQuery(String label) {
    JsonObject env = cluster.dmgJson("pool", "query", label);
    return env.get("status").getAsInt() != 0 ? null : env.getAsJsonObject("response");
  }

  private static JsonObject rebuild(JsonObject q) {
    return q.getAsJsonObject("rebuild");
  }

  /** {@code each} for every rank but {@code excluded} (0). */
  private Map<Integer, Long> expect(long each, int excluded) {
    Map<Integer, Long> out = new TreeMap<>();
    rc.ranks().forEach(r -> out.put(r, r == excluded ? 0L : each));
    return out;
  }

  private void exclude(String label, int rank) {
    JsonObject ex = cluster.dmgJson("pool", "exclude", label, "--ranks=" + rank);
    assertEquals(0, ex.get("status").getAsInt(), ex.toString());
  }

  private void arm(FaultInjection.Point point, Opcode op) {
    cluster.engines().forEach(e -> e.engine().faults().arm(point, List.of(op)));
  }

  private boolean isLeader(UUID pool, int rank) {
    return rc.engine(rank).poolServices().service(pool).map(svc -> svc.rdb().isLeader()).orElse(false);
  }

  /** The rank whose replica leads the pool service now, or -1 (an election under way). */
  private int leaderNow(UUID pool) {
    return rc.ranks().stream().filter(r -> isLeader(pool, r)).findFirst().orElse(-1);
  }

  /**
   * The pool service term as the replicas see it (the highest). Each election starts a term; on this loaded
   * 2-core machine Ratis may also elect on its own (a leader missing its followers' heartbeats steps down), and a
   * new leader regenerates the rebuild, so the tests count scans exactly only when the term moved as they expect.
   */
  private long term(UUID pool) {
    return rc.ranks().stream().mapToLong(r -> rc.engine(r).poolServices().service(pool).map(svc -> svc.rdb().term())
        .orElse(0L)).max().orElse(0);
  }

  /**
   * Waits for pool query to show the rebuild after map version {@code version0} done (after its finish step)
   * with {@code disabled} disabled targets; returns the query.
   */
  private JsonObject done(String label, int version0, int disabled) {
    JsonObject[] last = {null};
    Poll.until("pool query shows the rebuild done", WAIT, () -> {
      last[0] = pollQuery(label);
      return last[0] != null && last[0].get("version").getAsInt() > version0 + 1
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
   * REBUILD19 and REBUILD20: {@code hang} armed on every engine ({@code op}), the rank without a service replica
   * (holding shards of every object) excluded; once {@code held} shows the leader's rebuild stuck where the fault
   * holds it, the leader hands the pool service to another replica (DAOS rebuild_change_leader_cb: the leader stops
   * sending appendentries and another replica is elected), whose regenerated rebuild is held too; then the fault is
   * cleared and the new leader's rebuild ends done (status 0, the excluded targets DOWN_OUT, no retry) and every key
   * reads back from every replica.
   */
  private void masterChange(String label, FaultInjection.Point hang, Opcode op,
      java.util.function.BiPredicate<Map<Integer, Long>, RebuildStatus> held, String heldWhat) throws Exception {
    try (Setup s = setup(label)) {
      UUID uuid = s.uuid();
      List<Integer> replicas = s.created().resp().getSvcRepsList();
      int victim = rc.rankNot(Set.copyOf(replicas));
      AckedKeys d = dataOn(s.cont(), victim);
      int version0 = rc.query(label).get("version").getAsInt();
      Map<Integer, Long> scans0 = rc.served(RebuildRpc.OBJECTS_SCAN);
      arm(hang, op);
      exclude(label, victim);
      // Whichever replica leads now (the machine's load may have moved it) runs the rebuild, held by the fault.
      int[] leader = {-1};
      RebuildStatus[] st = {null};
      Poll.until(heldWhat, WAIT, () -> {
        leader[0] = leaderNow(uuid);
        if (leader[0] < 0) {
          return false;
        }
        st[0] = rc.engine(leader[0]).rebuilds().status(uuid);
        return st[0].getVersion() > version0 && st[0].getState() == 0
            && held.test(rc.servedSince(RebuildRpc.OBJECTS_SCAN, scans0), st[0]);
      }, () -> "leader " + leader[0] + ", its status " + st[0] + "\n" + cluster.logs());
      System.out.println("held at rank " + leader[0] + ": " + st[0]);
      assertEquals(0, st[0].getErrno(), st[0].toString());
      assertEquals(0, st[0].getObjNr(), "nothing rebuilt while held: " + st[0]);

      int from = leader[0];
      int next = replicas.stream().filter(r -> r != from).findFirst().orElseThrow();
      long term1 = term(uuid);
      Map<Integer, Long> scans1 = rc.served(RebuildRpc.OBJECTS_SCAN);
      Poll.until("the pool service leadership moves from rank " + from + " to another replica", WAIT, () -> {
        int now = leaderNow(uuid);
        if (now == from) {
          try {
            rc.engine(from).poolServices().service(uuid).orElseThrow().rdb().transferLeadership(next);
          } catch (io.daos.common.status.DaosException e) {
            System.out.println("leadership transfer to rank " + next + ": " + e.getMessage());
          }
          now = leaderNow(uuid);
        }
        return now >= 0 && now != from;
      }, cluster::logs);
      // The new leader regenerates the rebuild; every live engine takes its scan, held as well.
      int[] now = {-1};
      RebuildStatus[] regen = {null};
      Poll.until("the new leader rebuilds", WAIT, () -> {
        now[0] = leaderNow(uuid);
        if (now[0] < 0 || now[0] == from) {
          return false;
        }
        regen[0] = rc.engine(now[0]).rebuilds().status(uuid);
        return regen[0].getVersion() > version0 && regen[0].getState() == 0;
      }, () -> "leader " + now[0] + ", its status " + regen[0] + "\n" + cluster.logs());
      System.out.println("rank " + now[0] + " leads now; its rebuild while held: " + regen[0]);
      // ds_rebuild_leader_stop: the former leader's rebuild ends as soon as it sees the leadership gone (canceled),
      // not when its engines have been silent for the leader's limit (DER_TIMEDOUT).
      RebuildStatus[] old = {null};
      Poll.until("the former leader's rebuild ends", WAIT, () -> {
        old[0] = rc.engine(from).rebuilds().status(uuid);
        return old[0].getState() != 0;
      }, () -> "its status " + old[0]);
      assertEquals(DaosStatus.CANCELED.code(), old[0].getErrno(), old[0].toString());
      Poll.until("every live engine took the new leader's scan", WAIT, () -> rc.servedSince(RebuildRpc.OBJECTS_SCAN,
          scans1).entrySet().stream().allMatch(e -> e.getKey() == victim || e.getValue() >= 1), cluster::logs);
      cluster.clearFaults();

      JsonObject q = done(label, version0, 2);
      assertEquals(0, rebuild(q).get("status").getAsInt(), q.toString());
      assertTrue(rebuild(q).get("objects").getAsLong() > 0, q.toString());
      assertEquals(List.of(TargetState.DOWN_OUT, TargetState.DOWN_OUT), targetStates(s, now[0], victim));
      // Since the change of leader: the new leader's scan and its reclaim, no failed attempt retried.
      scansAfter(uuid, term1 + 1, scans1, expect(2, victim));
      d.verify("after the new leader's rebuild");
    }
  }

  /**
   * Waits for the scans to be {@code expected} when the service term is {@code term} (no other election than the
   * test's: an election under load regenerates the rebuild, and each engine scans once more).
   */
  private void scansAfter(UUID pool, long term, Map<Integer, Long> scans0, Map<Integer, Long> expected) {
    String[] why = {""};
    Poll.until("the reclaim's scans", WAIT, () -> {
      long t = term(pool);
      Map<Integer, Long> got = rc.servedSince(RebuildRpc.OBJECTS_SCAN, scans0);
      why[0] = "term " + t + " (expected " + term + "), scans " + got + " (expected " + expected + ")";
      return t != term || got.equals(expected);
    }, () -> why[0]);
    if (term(pool) != term) {
      System.out.println("the pool service elected on its own (machine load); scans not counted: " + why[0]);
    } else {
      assertEquals(expected, rc.servedSince(RebuildRpc.OBJECTS_SCAN, scans0), "no rebuild attempt was retried");
    }
  }

  /**
   * DAOS REBUILD19 rebuild_master_change_during_scan: every engine's scan held (DAOS_REBUILD_TGT_SCAN_HANG) when
   * the leadership moves.
   */
  @Test
  @Order(1)
  @Timeout(300)
  void rebuild_master_change_during_scan() throws Exception {
    masterChange("scanmaster", FaultInjection.Point.DAOS_REBUILD_TGT_SCAN_HANG, RebuildRpc.OBJECTS_SCAN,
        (scans, st) -> scans.values().stream().filter(n -> n > 0).count() == 3 && st.getToberbObjNr() == 0,
        "every live engine took the scan and holds it before sending any object");
  }

  /**
   * DAOS REBUILD20 rebuild_master_change_during_rebuild: the pulls held at their destinations
   * (DAOS_REBUILD_TGT_REBUILD_HANG) when the leadership moves.
   */
  @Test
  @Order(2)
  @Timeout(300)
  void rebuild_master_change_during_rebuild() throws Exception {
    masterChange("pullmaster", FaultInjection.Point.DAOS_REBUILD_TGT_REBUILD_HANG, RebuildRpc.OBJ_MIGRATE,
        (scans, st) -> st.getToberbObjNr() > 0,
        "the rebuild's objects are sent and their pulls held");
  }

  /**
   * DAOS REBUILD37 rebuild_long_scan_hang: one engine's scan held (DAOS_REBUILD_TGT_SCAN_HANG) for longer than the
   * leader waits for a silent engine. It keeps reporting its scan not done, so the leader does not fail the
   * rebuild: pool query shows it busy with status 0 all along; once the fault is cleared it ends done (status 0,
   * targets DOWN_OUT) without a retry (each live engine scanned once, plus the reclaim), the data reads back.
   */
  @Test
  @Order(3)
  @Timeout(300)
  void rebuild_long_scan_hang() throws Exception {
    try (Setup s = setup("longscan")) {
      UUID uuid = s.uuid();
      int victim = rc.rankNot(Set.copyOf(s.created().resp().getSvcRepsList()));
      int leader0 = rc.query("longscan").get("svc_ldr").getAsInt();
      int hung = rc.rankNot(Set.of(leader0, victim));
      AckedKeys d = dataOn(s.cont(), victim);
      int version0 = rc.query("longscan").get("version").getAsInt();
      Map<Integer, Long> scans0 = rc.served(RebuildRpc.OBJECTS_SCAN);
      long term0 = term(uuid);
      rc.engine(hung).faults().arm(FaultInjection.Point.DAOS_REBUILD_TGT_SCAN_HANG, List.of(RebuildRpc.OBJECTS_SCAN));
      exclude("longscan", victim);
      // The leader's rebuild runs past the limit without failing while the held engine reports its scan not done.
      // Should the machine's load make Ratis elect meanwhile, the new leader regenerates the rebuild (the former
      // leader's one ends canceled) and the observation starts again with it.
      long[] phase = {-1};
      boolean[] running = {false};
      RebuildStatus[] st = {null};
      Poll.until("the rebuild held past the leader's limit for a silent engine", WAIT, () -> {
        long t = term(uuid);
        if (t != phase[0]) {
          phase[0] = t;
          running[0] = false;
        }
        int l = leaderNow(uuid);
        if (l < 0) {
          return false;
        }
        RebuildStatus r = rc.engine(l).rebuilds().status(uuid);
        if (term(uuid) != t || r.getVersion() <= version0) {
          return false;
        }
        int errno = Math.abs(r.getErrno());
        if (errno == Math.abs(DaosStatus.CANCELED.code()) || errno == Math.abs(DaosStatus.OP_CANCELED.code())) {
          running[0] = false;
          return false;
        }
        if (!running[0] && r.getState() != 0) {
          return false;
        }
        running[0] = true;
        st[0] = r;
        assertEquals(0, r.getErrno(), "the leader did not fail the held engine: " + r);
        assertEquals(0, r.getState(), "the rebuild waits for the held engine: " + r);
        return r.getSeconds() > SILENT_LIMIT.toSeconds() + 2;
      }, cluster::logs);
      System.out.println("held past the limit: " + st[0]);
      JsonObject during = rc.query("longscan");
      assertEquals("busy", rebuild(during).get("state").getAsString(), during.toString());
      assertEquals(0, rebuild(during).get("status").getAsInt(), during.toString());
      if (term(uuid) == term0) {
        assertEquals(expect(1, victim), rc.servedSince(RebuildRpc.OBJECTS_SCAN, scans0), "one scan each, no retry");
      }

      rc.engine(hung).faults().clear();
      JsonObject q = done("longscan", version0, 2);
      assertEquals(0, rebuild(q).get("status").getAsInt(), q.toString());
      assertTrue(rebuild(q).get("objects").getAsLong() > 0, q.toString());
      assertEquals(List.of(TargetState.DOWN_OUT, TargetState.DOWN_OUT), targetStates(s, leader0, victim));
      scansAfter(uuid, term0, scans0, expect(2, victim));
      d.verify("after the long scan hang");
    }
  }
}
