package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
 * Self-healing end to end on 4 servers × 1 engine × 2 targets (each host its own fault domain), 3 MS replicas,
 * short SWIM timings: a writer keeps writing RP_2G1 and RP_3G1 KV objects of an rd_fac 1 container and remembers
 * every acknowledged (key, value). The pool service leader rebuilds after SWIM's exclusion of a killed engine, after
 * {@code dmg pool drain}, and across a change of the pool service leader; {@code dmg pool query} shows the rebuild
 * busy and then done with its counts; every acknowledged write reads back byte-exact. DAOS: daos_test rebuild
 * (daos_rebuild.c rebuild_* and rebuild_simple.c), ftest rebuild/with_io, pool/drain_simple.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(TestLocks.BIG_POOLS)
class SelfHealingTest {
  private static final String[] ENV = {"SWIM_PROTOCOL_PERIOD_LEN=200", "SWIM_PING_TIMEOUT=150",
      "SWIM_SUSPECT_TIMEOUT=2000"};
  private static final Duration WAIT = Duration.ofSeconds(120);

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

  /** A writer over an RP_2G1 and an RP_3G1 KV: unique keys, random values, every acknowledged one kept. */
  private static final class Writer implements AutoCloseable {
    final AckedKeys keys;
    final Map<String, byte[]> acked;
    final AtomicLong lastAck = new AtomicLong(System.nanoTime());
    final AtomicLong longestStall = new AtomicLong();
    final AtomicBoolean stop = new AtomicBoolean();
    final Thread thread;

    Writer(List<DaosKv> kvs, String prefix) {
      this.keys = new AckedKeys(kvs);
      this.acked = keys.acked;
      this.thread = new Thread(() -> {
        Random rnd = new Random(prefix.hashCode());
        for (int i = 0; !stop.get(); i++) {
          int which = i % kvs.size();
          if (keys.tryPut(which, prefix + which + "-" + i, AckedKeys.value(rnd))) {
            long now = System.nanoTime();
            long prev = lastAck.getAndSet(now);
            longestStall.accumulateAndGet(now - prev, Math::max);
          }
        }
      }, "self-heal-writer");
      thread.setDaemon(true);
      thread.start();
    }

    String lastError() {
      return keys.lastError;
    }

    /** Resets the longest stall (measured from now on). */
    void resetStall() {
      lastAck.set(System.nanoTime());
      longestStall.set(0);
    }

    /** The longest time without an acknowledgement since {@link #resetStall}, including the current one. */
    long stallMillis() {
      long current = System.nanoTime() - lastAck.get();
      return Duration.ofNanos(Math.max(longestStall.get(), current)).toMillis();
    }

    @Override
    public void close() throws InterruptedException {
      stop.set(true);
      thread.join(60_000);
    }

    /** Every acknowledged write reads back byte-exact. */
    void verify(String when) {
      keys.verifyReads(when);
    }

    /** Every acknowledged write reads back byte-exact from every replica of its group (DIOF_TO_SPEC_SHARD). */
    void verifyReplicas(String when) {
      keys.verifyReplicas(when);
    }
  }

  /** A test's pool, client, container and KVs; closing it closes the client and destroys the pool ({@code drop}). */
  private record Setup(MiniDaosCluster.CreatedPool pool, DaosClient client, DaosContainer cont, List<DaosKv> kvs,
      Runnable drop) implements AutoCloseable {
    @Override
    public void close() {
      client.close();
      drop.run();
    }
  }

  private Setup setup(String label) throws Exception {
    return setup(label, 1);
  }

  /** A pool {@code label} with a container of redundancy factor {@code rdFac} holding an RP_2G1 and an RP_3G1 KV. */
  private Setup setup(String label, int rdFac) throws Exception {
    MiniDaosCluster.CreatedPool p = cluster.createPool(label, 16L << 30, 3);
    DaosClient client = cluster.clientBuilder().rpcTimeout(Duration.ofSeconds(6)).build();
    DaosPool pool = client.connectPool(label, PoolRpc.PC_RW);
    pool.createContainer(ContainerProps.empty().withLabel("c").withRedundancyFactor(rdFac));
    DaosContainer cont = pool.openContainer("c", ContRpc.COO_RW);
    DaosKv kv2 = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, ObjectClass.RP_2G1, 0));
    DaosKv kv3 = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, ObjectClass.RP_3G1, 0));
    return new Setup(p, client, cont, List.of(kv2, kv3), () -> {
      // Each test's pool goes, so the next test's pool has room (the four share one cluster).
      try {
        cluster.destroyPool(label);
      } catch (RuntimeException e) {
        System.out.println("pool " + label + " not destroyed: " + e);
      }
    });
  }

  private static String rebuildState(JsonObject q) {
    return q.getAsJsonObject("rebuild").get("state").getAsString();
  }

  private int leaderRank(String label) {
    return rc.query(label).get("svc_ldr").getAsInt();
  }

  /** The ranks holding a shard of any of the objects. */
  private static Set<Integer> shardRanks(List<DaosKv> kvs) {
    Set<Integer> out = new TreeSet<>();
    for (DaosKv kv : kvs) {
      kv.object().layout().shards().stream().map(Shard::rank).forEach(out::add);
    }
    return out;
  }

  /** The object has a shard on {@code victim} and one outside {@code dead}. */
  private static boolean fits(DaosKv kv, int victim, Set<Integer> dead) {
    Set<Integer> ranks = shardRanks(List.of(kv));
    return ranks.contains(victim) && !dead.containsAll(ranks);
  }

  private int liveRankNot(Set<Integer> avoid) {
    return cluster.engines().stream().map(e -> e.engine().state().rank().orElse(-1))
        .filter(r -> r >= 0 && !avoid.contains(r)).findFirst().orElseThrow();
  }

  /**
   * Holds every rebuild pull at its destination until {@link InProcessCluster#clearFaults} (DAOS_REBUILD_TGT_REBUILD_HANG
   * on DAOS_OBJ_RPC_MIGRATE), so that pool query sees the rebuild busy however loaded the machine is.
   */
  private void holdPulls() {
    cluster.engines().forEach(e -> e.engine().faults().arm(FaultInjection.Point.DAOS_REBUILD_TGT_REBUILD_HANG,
        List.of(RebuildRpc.OBJ_MIGRATE)));
  }

  private static void waitAcked(Writer w, int n) {
    Poll.until(n + " acknowledged writes", WAIT, () -> w.acked.size() >= n, () -> "last error " + w.lastError());
  }

  /**
   * Waits for pool query to show the rebuild {@code busy} (the pulls are held by {@link #holdPulls}), runs
   * {@code whileBusy}, releases the pulls and waits for {@code done}; returns the last query.
   */
  private JsonObject busyThenDone(String label, int version0) {
    return busyThenDone(label, version0, () -> { });
  }

  private JsonObject busyThenDone(String label, int version0, Runnable whileBusy) {
    JsonObject[] last = {null};
    Poll.until("pool query shows the rebuild busy", WAIT, () -> {
      last[0] = rc.pollQuery(label);
      return last[0].get("version").getAsInt() > version0 && rebuildState(last[0]).equals("busy");
    }, () -> "last query " + last[0] + "\n" + cluster.logs());
    System.out.println("rebuild busy: " + last[0].getAsJsonObject("rebuild"));
    whileBusy.run();
    cluster.clearFaults();
    Poll.until("pool query shows the rebuild done", WAIT, () -> {
      last[0] = rc.pollQuery(label);
      return rebuildState(last[0]).equals("done");
    }, () -> "last query " + last[0] + "\n" + cluster.logs());
    System.out.println("rebuild done: " + last[0]);
    return last[0];
  }

  /**
   * DAOS daos_rebuild.c / ftest rebuild/with_io: an engine killed under I/O is excluded by SWIM self-heal, the
   * leader rebuilds its shards, its targets end DOWN_OUT, every acknowledged write reads back; then an engine on
   * another host: everything still reads back; then both engines restart and are reintegrated: every target UPIN and
   * every acknowledged write identical on every replica (issue 11's first "Done when" line, in one JVM).
   */
  @Test
  @Order(1)
  @Timeout(600)
  void rebuild_kill_engines_with_io() throws Exception {
    try (Setup s = setup("kill"); Writer w = new Writer(s.kvs(), "w")) {
      waitAcked(w, 200);
      int leader = leaderRank("kill");
      Set<Integer> holders = shardRanks(s.kvs());
      int victim = holders.stream().filter(r -> r != leader).findFirst().orElseThrow();
      int version0 = rc.query("kill").get("version").getAsInt();
      holdPulls();
      w.resetStall();
      cluster.killEngine(victim);
      int before = w.acked.size();
      waitAcked(w, before + 100);
      System.out.printf("after killing rank %d: writes continue, longest stall so far %d ms%n", victim,
          w.stallMillis());
      JsonObject done = busyThenDone("kill", version0);
      JsonObject health = cluster.dmgJson("pool", "query", "-t", "kill").getAsJsonObject("response");
      assertNotNull(health.getAsJsonArray("dead_ranks"), "dmg pool query -t shows dead ranks: " + health);
      assertEquals("[" + victim + "]", health.getAsJsonArray("dead_ranks").toString(), health.toString());
      assertEquals("[" + victim + "]", health.getAsJsonArray("disabled_ranks").toString(), health.toString());
      assertEquals(2, done.get("disabled_targets").getAsInt(), done.toString());
      assertEquals(6, done.get("active_targets").getAsInt(), done.toString());
      JsonObject rb = done.getAsJsonObject("rebuild");
      assertEquals(0, rb.get("status").getAsInt(), rb.toString());
      assertTrue(rb.get("objects").getAsLong() > 0 && rb.get("records").getAsLong() > 0, rb.toString());
      assertEquals(List.of(TargetState.DOWN_OUT, TargetState.DOWN_OUT), rc.targetStates(s.pool(), leader, victim));
      DaosEngine led = cluster.engine(leader).orElseThrow().engine();
      RebuildStatus st = led.rebuilds().status(s.pool().uuid());
      assertEquals(0, st.getErrno(), st.toString());
      System.out.printf("first kill: longest writer stall %d ms, rebuild %s%n", w.stallMillis(), st);
      w.close();
      w.verify("after the rebuild of rank " + victim);

      try (Writer w2 = new Writer(s.kvs(), "x")) {
        waitAcked(w2, 100);
        int version1 = rc.query("kill").get("version").getAsInt();
        // Two of the three pool service replicas must stay: a replica victim is followed by the non-replica.
        Set<Integer> replicas = new TreeSet<>(s.pool().resp().getSvcRepsList());
        Set<Integer> avoid = new TreeSet<>(Set.of(leader, victim));
        if (replicas.contains(victim)) {
          avoid.addAll(replicas);
        }
        int second = liveRankNot(avoid);
        w2.resetStall();
        cluster.killEngine(second);
        int before2 = w2.acked.size();
        Poll.until("the second rebuild is done", WAIT, () -> {
          JsonObject q = rc.pollQuery("kill");
          return q.get("version").getAsInt() > version1 && rebuildState(q).equals("done")
              && q.get("disabled_targets").getAsInt() == 4;
        }, cluster::logs);
        assertEquals(List.of(TargetState.DOWN_OUT, TargetState.DOWN_OUT), rc.targetStates(s.pool(), leader, second));
        // RP_3G1 has 3 shards and 2 fault domains are left: whether the writer goes on is the client's degraded
        // write path; what was acknowledged must survive.
        System.out.printf("second kill (rank %d): %d writes acknowledged since, longest writer stall %d ms (%s)%n",
            second, w2.acked.size() - before2, w2.stallMillis(), w2.lastError());
        w2.close();
        w.verify("after the second rebuild (first writer)");
        w2.verify("after the second rebuild (second writer)");

        // Restart both engines and reintegrate them: every target UPIN, and every key the same on every replica.
        cluster.heal();
        for (int r : List.of(victim, second)) {
          int v = rc.query("kill").get("version").getAsInt();
          JsonObject ri = cluster.dmgJson("pool", "reintegrate", "kill", "--ranks=" + r);
          assertEquals(0, ri.get("status").getAsInt(), ri.toString());
          JsonObject[] last = {null};
          Poll.until("the reintegration of rank " + r + " is done", WAIT, () -> {
            last[0] = rc.pollQuery("kill");
            return last[0].get("version").getAsInt() > v && rebuildState(last[0]).equals("done")
                && rc.targetStates(s.pool(), leader, r).equals(List.of(TargetState.UP_IN, TargetState.UP_IN));
          }, () -> "last query " + last[0] + "\n" + cluster.logs());
        }
        assertEquals(0, rc.query("kill").get("disabled_targets").getAsInt());
        w.verify("after restarting and reintegrating ranks " + victim + " and " + second + " (first writer)");
        w2.verify("after restarting and reintegrating ranks " + victim + " and " + second + " (second writer)");
        w.verifyReplicas("after the reintegrations (first writer)");
        w2.verifyReplicas("after the reintegrations (second writer)");
      }
    } finally {
      cluster.clearFaults();
      cluster.heal();
    }
  }

  /** DAOS ftest pool/drain_simple, daos_test drain: {@code dmg pool drain} of a rank under I/O. */
  @Test
  @Order(2)
  @Timeout(600)
  void rebuild_drain_with_io() throws Exception {
    try (Setup s = setup("drain"); Writer w = new Writer(s.kvs(), "d")) {
      waitAcked(w, 200);
      int leader = leaderRank("drain");
      int drained = shardRanks(s.kvs()).stream().filter(r -> r != leader).findFirst().orElseThrow();
      int version0 = rc.query("drain").get("version").getAsInt();
      holdPulls();
      w.resetStall();
      JsonObject env = cluster.dmgJson("pool", "drain", "drain", "--ranks=" + drained);
      assertEquals(0, env.get("status").getAsInt(), env.toString());
      JsonObject done = busyThenDone("drain", version0);
      JsonObject rb = done.getAsJsonObject("rebuild");
      assertEquals(0, rb.get("status").getAsInt(), rb.toString());
      assertTrue(rb.get("objects").getAsLong() > 0, rb.toString());
      assertEquals(List.of(TargetState.DOWN_OUT, TargetState.DOWN_OUT), rc.targetStates(s.pool(), leader, drained));
      waitAcked(w, w.acked.size() + 50);
      System.out.printf("drain of rank %d: longest writer stall %d ms%n", drained, w.stallMillis());
      w.close();
      w.verify("after the drain of rank " + drained);
    } finally {
      cluster.clearFaults();
    }
  }

  /**
   * DAOS daos_rebuild.c rebuild_master_failure: the pool service leader's engine stops while the rebuild's pulls
   * are held (DAOS_REBUILD_TGT_REBUILD_HANG); the new leader regenerates the rebuild and it completes.
   */
  @Test
  @Order(3)
  @Timeout(600)
  void rebuild_master_failure() throws Exception {
    // Two engines are down at once before the first rebuild is done: an rd_fac 1 container would be UNCLEAN (DER_RF,
    // DAOS pool_map_rf_verify counts 2 DOWN nodes), so this container has rd_fac 2.
    try (Setup s = setup("master", 2)) {
      int leader = leaderRank("master");
      // The victim is no service replica: with the leader gone too, two of the three replicas stay. Two engines
      // fail before the first rebuild is done, so the RP_2G1 object must keep a replica outside both.
      Set<Integer> replicas = new TreeSet<>(s.pool().resp().getSvcRepsList());
      replicas.add(leader);
      int victim = liveRankNot(replicas);
      Set<Integer> dead = Set.of(victim, leader);
      // Both objects have a shard on the victim (the rebuild has work to hold) and one outside {victim, leader}.
      List<DaosKv> kvs = new ArrayList<>(s.kvs());
      ObjectClass[] classes = {ObjectClass.RP_2G1, ObjectClass.RP_3G1};
      for (int k = 0; k < kvs.size(); k++) {
        for (int i = 0; i < 200 && !fits(kvs.get(k), victim, dead); i++) {
          kvs.set(k, s.cont().openKv(s.cont().generateOid(ObjectType.KV_HASHED, classes[k], 0)));
        }
        assertTrue(fits(kvs.get(k), victim, dead), classes[k] + " object on the victim, not only on " + dead);
      }
      Writer w = new Writer(kvs, "m");
      try (w) {
        waitAcked(w, 200);
        int version0 = rc.query("master").get("version").getAsInt();
        holdPulls();
        cluster.killEngine(victim);
        RebuildStatus[] st = {null};
        DaosEngine led = cluster.engine(leader).orElseThrow().engine();
        Poll.until("the leader rebuilds", WAIT, () -> {
          st[0] = led.rebuilds().status(s.pool().uuid());
          return st[0].getVersion() > version0 && st[0].getState() == 0;
        }, cluster::logs);
        cluster.killEngine(leader);
        int[] newLeader = {-1};
        Poll.until("a new pool service leader", WAIT, () -> {
          JsonObject env = cluster.dmgJson("pool", "query", "master");
          if (env.get("status").getAsInt() != 0) {
            return false;
          }
          newLeader[0] = env.getAsJsonObject("response").get("svc_ldr").getAsInt();
          return newLeader[0] != leader;
        }, cluster::logs);
        cluster.clearFaults();
        JsonObject[] last = {null};
        Poll.until("the new leader's rebuild is done", WAIT, () -> {
          last[0] = rc.pollQuery("master");
          return rebuildState(last[0]).equals("done") && last[0].get("disabled_targets").getAsInt() == 4;
        }, () -> "last query " + last[0] + "\n" + cluster.logs());
        assertNotEquals(leader, newLeader[0]);
        for (int r : List.of(victim, leader)) {
          assertEquals(List.of(TargetState.DOWN_OUT, TargetState.DOWN_OUT), rc.targetStates(s.pool(), newLeader[0], r));
        }
        // What the operator sees: the pool query's rebuild status (the service's current task, after any retries),
        // not an earlier attempt the new leader's engine may still hold.
        assertEquals(0, last[0].getAsJsonObject("rebuild").get("status").getAsInt(), last[0].toString());
        w.close();
        w.verify("after the new leader's rebuild");
        assertTrue(w.acked.size() > 200, "writes went on: " + w.acked.size());
      }
    } finally {
      cluster.clearFaults();
      cluster.heal();
    }
  }

  /**
   * DAOS daos_rebuild.c rebuild_stop_start (ftest rebuild/interactive): {@code dmg pool exclude} starts a rebuild,
   * {@code dmg pool rebuild stop} (sent to any engine, forwarded to the pool service leader) stops it: pool query
   * shows it stopped and the targets stay DOWN; {@code dmg pool rebuild start} rebuilds them to DOWN_OUT.
   */
  @Test
  @Order(4)
  @Timeout(600)
  void rebuild_stop_start() throws Exception {
    try (Setup s = setup("stopstart"); Writer w = new Writer(s.kvs(), "s")) {
      waitAcked(w, 200);
      w.close();
      int leader = leaderRank("stopstart");
      int excluded = shardRanks(s.kvs()).stream().filter(r -> r != leader).findFirst().orElseThrow();
      int version0 = rc.query("stopstart").get("version").getAsInt();
      holdPulls();
      JsonObject ex = cluster.dmgJson("pool", "exclude", "stopstart", "--ranks=" + excluded);
      assertEquals(0, ex.get("status").getAsInt(), ex.toString());
      JsonObject[] last = {null};
      Poll.until("pool query shows the rebuild busy", WAIT, () -> {
        last[0] = rc.pollQuery("stopstart");
        return last[0].get("version").getAsInt() > version0 && rebuildState(last[0]).equals("busy");
      }, () -> "last query " + last[0]);
      JsonObject stop = cluster.dmgJson("pool", "rebuild", "stop", "stopstart");
      assertEquals(0, stop.get("status").getAsInt(), stop.toString());
      Poll.until("pool query shows the rebuild stopped", WAIT, () -> {
        last[0] = rc.pollQuery("stopstart");
        return last[0].getAsJsonObject("rebuild").get("derived_state").getAsString().equals("stopped");
      }, () -> "last query " + last[0]);
      assertEquals(DaosStatus.OP_CANCELED.code(), last[0].getAsJsonObject("rebuild").get("status").getAsInt());
      assertEquals(List.of(TargetState.DOWN, TargetState.DOWN), rc.targetStates(s.pool(), leader, excluded),
          "a stopped rebuild leaves its targets DOWN");
      JsonObject again = cluster.dmgJson("pool", "rebuild", "stop", "stopstart");
      assertEquals(DaosStatus.NONEXIST.code(), again.get("status").getAsInt(), "nothing to stop: " + again);
      cluster.clearFaults();
      JsonObject start = cluster.dmgJson("pool", "rebuild", "start", "stopstart");
      assertEquals(0, start.get("status").getAsInt(), start.toString());
      Poll.until("the restarted rebuild is done", WAIT, () -> {
        last[0] = rc.pollQuery("stopstart");
        return rebuildState(last[0]).equals("done")
            && last[0].getAsJsonObject("rebuild").get("status").getAsInt() == 0;
      }, () -> "last query " + last[0] + "\n" + cluster.logs());
      assertEquals(List.of(TargetState.DOWN_OUT, TargetState.DOWN_OUT), rc.targetStates(s.pool(), leader, excluded));
      w.verify("after the restarted rebuild");
    } finally {
      cluster.clearFaults();
    }
  }

  /**
   * DAOS ftest osa/online_reintegration, daos_test REBUILD31's reintegration under I/O: {@code dmg pool exclude} of
   * a rank holding both objects, rebuild done, then {@code dmg pool reintegrate} while the writer goes on (pulls held
   * so that many writes land during the reintegration): every target ends UPIN, and every acknowledged write reads
   * the same from every replica (the writes during the reintegration reached the returning target through its peer
   * shard in the extended layout).
   */
  @Test
  @Order(5)
  @Timeout(600)
  void reintegrate_with_io() throws Exception {
    try (Setup s = setup("reint"); Writer w = new Writer(s.kvs(), "r")) {
      waitAcked(w, 200);
      int leader = leaderRank("reint");
      int excluded = shardRanks(s.kvs()).stream().filter(r -> r != leader).findFirst().orElseThrow();
      int version0 = rc.query("reint").get("version").getAsInt();
      JsonObject ex = cluster.dmgJson("pool", "exclude", "reint", "--ranks=" + excluded);
      assertEquals(0, ex.get("status").getAsInt(), ex.toString());
      JsonObject[] last = {null};
      Poll.until("the exclusion's rebuild is done", WAIT, () -> {
        last[0] = rc.pollQuery("reint");
        return last[0].get("version").getAsInt() > version0 && rebuildState(last[0]).equals("done")
            && last[0].get("disabled_targets").getAsInt() == 2;
      }, () -> "last query " + last[0] + "\n" + cluster.logs());
      waitAcked(w, w.acked.size() + 100);
      int version1 = last[0].get("version").getAsInt();
      holdPulls();
      JsonObject ri = cluster.dmgJson("pool", "reintegrate", "reint", "--ranks=" + excluded);
      assertEquals(0, ri.get("status").getAsInt(), ri.toString());
      // The writer goes on while the returning targets' pulls are held: these writes reach them through their peer
      // shards in the extended layout, not through the rebuild.
      busyThenDone("reint", version1, () -> waitAcked(w, w.acked.size() + 100));
      Poll.until("every target UPIN", WAIT, () -> rc.pollQuery("reint").get("disabled_targets").getAsInt() == 0,
          () -> "last query " + rc.pollQuery("reint"));
      assertEquals(List.of(TargetState.UP_IN, TargetState.UP_IN), rc.targetStates(s.pool(), leader, excluded));
      waitAcked(w, w.acked.size() + 100);
      w.close();
      w.verify("after the reintegration of rank " + excluded);
      w.verifyReplicas("after the reintegration of rank " + excluded);
    } finally {
      cluster.clearFaults();
    }
  }

  /**
   * Issue 11's third "Done when" line (DAOS daos_drain_simple.c DRAIN17 keep write during drain, then
   * daos_extend_simple.c under I/O): {@code dmg pool drain} of a rank holding both objects under the writer, then a
   * freshly formatted fifth server joins and {@code dmg pool extend} adds it, writes going on; pool query shows each
   * rebuild busy and then done, the drained rank ends DOWN_OUT and the new one UP_IN, and every acknowledged write
   * reads back and is identical on every replica. Last: it leaves the cluster with five servers.
   */
  @Test
  @Order(6)
  @Timeout(600)
  void drain_then_extend_with_io() throws Exception {
    try (Setup s = setup("grow"); Writer w = new Writer(s.kvs(), "g")) {
      waitAcked(w, 200);
      int leader = leaderRank("grow");
      int drained = shardRanks(s.kvs()).stream().filter(r -> r != leader).findFirst().orElseThrow();
      int version0 = rc.query("grow").get("version").getAsInt();
      holdPulls();
      JsonObject dr = cluster.dmgJson("pool", "drain", "grow", "--ranks=" + drained);
      assertEquals(0, dr.get("status").getAsInt(), dr.toString());
      JsonObject done = busyThenDone("grow", version0);
      assertEquals(0, done.getAsJsonObject("rebuild").get("status").getAsInt(), done.toString());
      assertEquals(List.of(TargetState.DOWN_OUT, TargetState.DOWN_OUT), rc.targetStates(s.pool(), leader, drained));
      waitAcked(w, w.acked.size() + 100);

      int host = cluster.addServer();
      int added = cluster.ranksOf(host).get(0);
      int version1 = rc.query("grow").get("version").getAsInt();
      JsonObject ex = cluster.dmgJson("pool", "extend", "grow", "--ranks=" + added);
      assertEquals(0, ex.get("status").getAsInt(), ex.toString());
      // Whether the extension moves any of the two objects' shards (and so has pulls to hold) is up to placement:
      // only its end is awaited; the drain above showed the progress (busy, then done).
      JsonObject[] grown = {null};
      Poll.until("the extension's rebuild is done", WAIT, () -> {
        grown[0] = rc.pollQuery("grow");
        return grown[0].get("version").getAsInt() > version1 && rebuildState(grown[0]).equals("done");
      }, () -> "last query " + grown[0]);
      assertEquals(0, grown[0].getAsJsonObject("rebuild").get("status").getAsInt(), grown[0].toString());
      Poll.until("the new rank's targets are UP_IN", WAIT,
          () -> rc.targetStates(s.pool(), leader, added).equals(List.of(TargetState.UP_IN, TargetState.UP_IN)),
          () -> "last query " + rc.pollQuery("grow"));
      waitAcked(w, w.acked.size() + 100);
      w.close();
      w.verify("after draining rank " + drained + " and extending with rank " + added);
      w.verifyReplicas("after draining rank " + drained + " and extending with rank " + added);
    } finally {
      cluster.clearFaults();
    }
  }
}
