package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.FaultInjection;
import io.daos.client.DaosArray;
import io.daos.client.DaosClient;
import io.daos.client.DaosContainer;
import io.daos.client.DaosKv;
import io.daos.client.DaosPool;
import io.daos.client.cont.ContainerProps;
import io.daos.common.status.DaosStatus;
import io.daos.engine.DaosEngine;
import io.daos.engine.rebuild.RebuildMaps;
import io.daos.engine.rebuild.RebuildOp;
import io.daos.engine.vos.Iod;
import io.daos.engine.vos.tree.VosObjectId;
import io.daos.itest.inproc.InProcessEngine;
import io.daos.placement.JumpMap;
import io.daos.placement.Layout;
import io.daos.placement.LayoutMode;
import io.daos.placement.MapOp;
import io.daos.placement.PoolMap;
import io.daos.placement.Shard;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectId;
import io.daos.placement.object.ObjectType;
import io.daos.proto.pool.RebuildStatus;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import io.daos.rpc.RebuildRpc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuild for drain, reintegration, an engine lost mid-rebuild and rebuild stop/start (DAOS {@code
 * daos_drain_simple.c}, {@code daos_rebuild_simple.c}, {@code daos_rebuild.c}): 3 servers × 2 engines in this JVM,
 * RP_2G1 objects written in two versions around a snapshot.
 * <p>The pool service does not yet drive these rebuilds: each test builds the maps with placement ({@link
 * RebuildMaps}, {@link PoolMap#updateRank}) and calls {@code Rebuilds.start(pool, op, oldMap, newMap)} and, after
 * the finish step it plays itself, {@code Rebuilds.reclaim(pool, finalMap)} on an engine. Once the pool service
 * calls them, switch to {@code dmg pool drain|reintegrate} and pool query.
 */
class RebuildOpsTest {
  /**
   * These tests play the pool service's part themselves (maps, finish step, reclaim): DAOS_REBUILD=no keeps the
   * service from scheduling its own rebuild when SWIM excludes a killed engine.
   */
  private static final String MANUAL = "DAOS_REBUILD=no";
  @TempDir
  Path dir;

  /** What each test writes. */
  private record Data(UUID pool, UUID cont, List<ObjectId> oids, PoolMap clientMap) {
  }

  private static Data write(InProcessCluster cluster, int objects) throws Exception {
    cluster.waitForReady();
    cluster.createPool("tank", 12L << 30, 3);
    try (DaosClient client = cluster.newDaosClient()) {
      DaosPool pool = client.connectPool("tank", PoolRpc.PC_RW);
      pool.createContainer(ContainerProps.empty().withLabel("c1"));
      DaosContainer cont = pool.openContainer("c1", ContRpc.COO_RW);
      List<ObjectId> oids = new ArrayList<>();
      List<DaosKv> kvs = new ArrayList<>();
      for (int o = 0; o < objects; o++) {
        ObjectId kvOid = cont.generateOid(ObjectType.KV_HASHED, ObjectClass.RP_2G1, 0);
        DaosKv kv = cont.openKv(kvOid);
        for (int i = 0; i < 20; i++) {
          kv.put("key" + i, ("v1-" + o + "-" + i).getBytes(StandardCharsets.UTF_8));
        }
        oids.add(kvOid);
        kvs.add(kv);
      }
      ObjectId arrOid = cont.generateOid(ObjectType.ARRAY, ObjectClass.RP_2G1, 0);
      DaosArray arr = cont.createArray(arrOid, 1, 4096);
      byte[] v1 = new byte[20_000];
      new Random(7).nextBytes(v1);
      arr.write(0, v1);
      oids.add(arrOid);
      cont.createSnapshot("before");
      for (DaosKv kv : kvs) {
        for (int i = 0; i < 20; i += 2) {
          kv.put("key" + i, ("v2-" + i).getBytes(StandardCharsets.UTF_8));
        }
      }
      byte[] v2 = new byte[5_000];
      new Random(8).nextBytes(v2);
      arr.write(1000, v2);
      return new Data(pool.uuid(), cont.uuid(), oids, pool.poolMap());
    }
  }

  private static DaosEngine engineNotIn(InProcessCluster cluster, Set<Integer> ranks) {
    return cluster.engines().stream().map(InProcessEngine::engine)
        .filter(e -> !ranks.contains(e.state().rank().getAsInt())).findFirst().orElseThrow();
  }

  private static io.daos.proto.pool.PoolMap proto(io.daos.proto.pool.PoolMap template, PoolMap m) {
    return RebuildMaps.withStates(template, m);
  }

  /** Every object shard of {@code oid} on any target of {@code rank}. */
  private static List<VosObjectId> shardsOn(InProcessCluster cluster, Data d, ObjectId oid, int rank) {
    DaosEngine e = cluster.engine(rank).orElseThrow().engine();
    List<VosObjectId> out = new ArrayList<>();
    for (int t = 0; t < e.pools().get(d.pool()).targetCount(); t++) {
      int tgt = t;
      out.addAll(e.xstreams().call(tgt, () -> e.pools().get(d.pool()).container(tgt, d.cont()).listObjectShards()
          .stream().filter(v -> v.hi() == oid.hi() && v.lo() == oid.lo()).toList()));
    }
    return out;
  }

  /** The DTX records of the test's container on every target of {@code e}. */
  private static int dtxRecords(DaosEngine e, Data d) {
    int n = 0;
    for (int t = 0; t < e.pools().get(d.pool()).targetCount(); t++) {
      int tgt = t;
      n += e.xstreams().call(tgt, () -> e.pools().get(d.pool()).target(tgt).listContainers().contains(d.cont())
          ? e.pools().get(d.pool()).container(tgt, d.cont()).dtxRecords().size() : 0);
    }
    return n;
  }

  /** Every moved shard of each object reads like a replica that stayed, at the latest epoch and the snapshot. */
  private static void assertMovedCopiesEqual(InProcessCluster cluster, Data d, PoolMap before, PoolMap after,
      long snap) {
    JumpMap jump = JumpMap.create();
    int moved = 0;
    for (ObjectId oid : d.oids()) {
      Layout lb = jump.place(oid, before);
      Layout la = jump.place(oid, after, LayoutMode.POST_REBUILD);
      for (Shard s : la.shards()) {
        if (s.target() == lb.shard(s.shard()).target()) {
          continue;
        }
        moved++;
        Shard other = la.group(s.shard() / la.groupSize()).stream().filter(x -> x.shard() != s.shard())
            .findFirst().orElseThrow();
        for (long epoch : new long[] {-1, snap}) {
          List<String> want = RebuildSimpleTest.dump(cluster, d.pool(), d.cont(), oid, other, epoch);
          List<String> got = RebuildSimpleTest.dump(cluster, d.pool(), d.cont(), oid, s, epoch);
          assertFalse(want.isEmpty(), "the other replica holds " + oid);
          assertEquals(want, got, "moved shard " + s.shard() + " of " + oid + " at epoch " + epoch);
        }
      }
    }
    assertTrue(moved > 0, "some shard moved");
  }

  @Test
  @Timeout(300)
  void drain_dkeys() throws Exception {
    try (InProcessCluster cluster = MiniDaosCluster.builder(dir).inProcess().servers(3).engines(2).replicas(3)
        .engineEnv(MANUAL).start()) {
      Data d = write(cluster, 2);
      JumpMap jump = JumpMap.create();
      int drained = jump.place(d.oids().get(0), d.clientMap()).shard(0).rank();
      DaosEngine leader = engineNotIn(cluster, Set.of(drained));
      io.daos.proto.pool.PoolMap v1 = RebuildSimpleTest.serviceMap(cluster, d.pool());
      PoolMap p1 = RebuildMaps.toPlacement(v1);
      PoolMap p2 = p1.updateRank(MapOp.DRAIN, drained);
      RebuildStatus st = leader.rebuilds().start(d.pool(), RebuildOp.DRAIN, v1, proto(v1, p2))
          .get(120, TimeUnit.SECONDS);
      assertEquals(0, st.getErrno(), st.toString());
      assertEquals(2, st.getState(), st.toString());
      assertTrue(st.getObjNr() > 0 && st.getRecNr() > 0, st.toString());
      long snap = RebuildSimpleTest.snapshotEpoch(cluster, d.pool(), d.cont());
      assertMovedCopiesEqual(cluster, d, p1, p2, snap);
      assertFalse(shardsOn(cluster, d, d.oids().get(0), drained).isEmpty(), "drained copy kept until reclaim");

      // The pool service's finish step (DRAIN -> DOWNOUT), then RB_OP_RECLAIM.
      PoolMap p3 = p2.updateRank(MapOp.EXCLUDE_OUT, drained);
      RebuildStatus rc = leader.rebuilds().reclaim(d.pool(), proto(v1, p3)).get(60, TimeUnit.SECONDS);
      assertEquals(0, rc.getErrno(), rc.toString());
      assertEquals(st.getObjNr(), rc.getObjNr(), "pool query keeps the rebuild's counts: " + rc);
      for (ObjectId oid : d.oids()) {
        assertEquals(List.of(), shardsOn(cluster, d, oid, drained), "nothing of " + oid + " left on the drained rank");
      }
      assertMovedCopiesEqual(cluster, d, p1, p2, snap);
    }
  }

  @Test
  @Timeout(300)
  void reintegrate_after_exclude_discards_and_resyncs() throws Exception {
    try (InProcessCluster cluster = MiniDaosCluster.builder(dir).inProcess().servers(3).engines(2).replicas(3)
        .engineEnv(MANUAL).start()) {
      Data d = write(cluster, 1);
      JumpMap jump = JumpMap.create();
      ObjectId kv = d.oids().get(0);
      Shard victimShard = jump.place(kv, d.clientMap()).shard(0);
      int victim = victimShard.rank();
      DaosEngine leader = engineNotIn(cluster, Set.of(victim));
      io.daos.proto.pool.PoolMap v1 = RebuildSimpleTest.serviceMap(cluster, d.pool());
      PoolMap p1 = RebuildMaps.toPlacement(v1);
      PoolMap p2 = p1.updateRank(MapOp.EXCLUDE, victim);
      RebuildStatus ex = leader.rebuilds().start(d.pool(), RebuildOp.EXCLUDE, v1, proto(v1, p2))
          .get(120, TimeUnit.SECONDS);
      assertEquals(0, ex.getErrno(), ex.toString());
      PoolMap p3 = p2.updateRank(MapOp.EXCLUDE_OUT, victim);
      Layout down = jump.place(kv, p3);
      Shard spare = down.shard(0);
      assertNotEquals(victim, spare.rank());

      // While the victim is out: new versions go to the replicas of the map without it (written at their VOS, as
      // the client does not see this map yet), and the victim keeps a stale copy with something of its own.
      long late = Long.MAX_VALUE / 4;
      for (Shard s : down.group(0)) {
        vosPut(cluster, d, kv, s, late, "late", "written while rank " + victim + " was out");
      }
      vosPut(cluster, d, kv, victimShard, late - 1, "stale", "only on the excluded rank");

      // The pool service's data_sync discard, before the map makes the victim's targets UP.
      // The stale copy's DTX records go too: resolved later, an old DTX's abort would discard what the rebuild
      // writes back at the same epoch.
      DaosEngine victimEngine = cluster.engine(victim).orElseThrow().engine();
      assertTrue(dtxRecords(victimEngine, d) > 0, "the victim took part in the client's DTXs");
      for (int t = 0; t < victimEngine.pools().get(d.pool()).targetCount(); t++) {
        victimEngine.rebuilds().discard(d.pool(), t).get(60, TimeUnit.SECONDS);
      }
      assertEquals(0, dtxRecords(victimEngine, d), "discard leaves no DTX record");
      PoolMap p4 = p3.updateRank(MapOp.REINT, victim);
      RebuildStatus ri = leader.rebuilds().start(d.pool(), RebuildOp.REINT, proto(v1, p3), proto(v1, p4))
          .get(120, TimeUnit.SECONDS);
      assertEquals(0, ri.getErrno(), ri.toString());
      long snap = RebuildSimpleTest.snapshotEpoch(cluster, d.pool(), d.cont());
      Layout back = jump.place(kv, p4, LayoutMode.POST_REBUILD);
      Shard returned = back.shard(0);
      assertEquals(victim, returned.rank());
      Shard survivor = back.shard(1);
      for (long epoch : new long[] {-1, snap}) {
        assertEquals(RebuildSimpleTest.dump(cluster, d.pool(), d.cont(), kv, survivor, epoch),
            RebuildSimpleTest.dump(cluster, d.pool(), d.cont(), kv, returned, epoch), "returned copy at " + epoch);
      }
      String now = String.join("\n", RebuildSimpleTest.dump(cluster, d.pool(), d.cont(), kv, returned, -1));
      assertTrue(now.contains("written while rank"), now);
      assertFalse(now.contains("only on the excluded rank"), "stale data discarded: " + now);

      // Finish (UP -> UPIN), then reclaim: the spare's temporary copy goes.
      assertFalse(shardsOn(cluster, d, kv, spare.rank()).isEmpty());
      PoolMap p5 = p4.updateRank(MapOp.ADD_IN, victim);
      RebuildStatus rc = leader.rebuilds().reclaim(d.pool(), proto(v1, p5)).get(60, TimeUnit.SECONDS);
      assertEquals(0, rc.getErrno(), rc.toString());
      assertTrue(shardsOn(cluster, d, kv, spare.rank()).stream().noneMatch(v -> v.shard() == 0),
          "spare's copy of shard 0 reclaimed");
      assertEquals(RebuildSimpleTest.dump(cluster, d.pool(), d.cont(), kv, survivor, -1),
          RebuildSimpleTest.dump(cluster, d.pool(), d.cont(), kv, returned, -1));
    }
  }

  @Test
  @Timeout(300)
  void rebuild_kill_rank_during_pull() throws Exception {
    try (InProcessCluster cluster = MiniDaosCluster.builder(dir).inProcess().servers(3).engines(2).replicas(3)
        .engineEnv(MANUAL).start()) {
      Data d = write(cluster, 4);
      JumpMap jump = JumpMap.create();
      ObjectId kv = d.oids().get(0);
      int victim = jump.place(kv, d.clientMap()).shard(0).rank();
      io.daos.proto.pool.PoolMap v1 = RebuildSimpleTest.serviceMap(cluster, d.pool());
      PoolMap p2 = RebuildMaps.toPlacement(v1).updateRank(MapOp.EXCLUDE, victim);
      int spare = jump.place(kv, p2).shard(0).rank();
      DaosEngine leader = engineNotIn(cluster, Set.of(victim, spare));
      cluster.killEngine(victim);
      // Pulls crawl: every enumeration waits 10 s.
      cluster.engines().forEach(e -> e.engine().faults().arm(new FaultInjection.Fault(
          FaultInjection.Point.DAOS_REBUILD_DELAY, DaosStatus.IO, Duration.ofSeconds(10)),
          List.of(RebuildRpc.OBJ_ENUMERATE)));
      CompletableFuture<RebuildStatus> f = leader.rebuilds().start(d.pool(), v1, proto(v1, p2));
      // The sender has reported what it sends (its periodic report): the pulls wait on their enumerations.
      RebuildStatus sending = waitFor(() -> leader.rebuilds().status(d.pool()),
          s -> s.getState() != 0 || s.getToberbObjNr() > 0, Duration.ofSeconds(60));
      assertEquals(0, sending.getState(), "still rebuilding: " + sending);
      cluster.killEngine(spare);
      RebuildStatus st = f.get(90, TimeUnit.SECONDS);
      assertNotEquals(0, st.getErrno(), "a rebuild that lost an engine fails: " + st);
      assertTrue(st.getErrno() == DaosStatus.UNREACH.code() || st.getErrno() == DaosStatus.TIMEDOUT.code(),
          "the lost engine is unreachable or silent: " + st);
      assertNotEquals(victim, st.getFailRank(), st.toString());
      assertEquals(2, st.getState(), st.toString());
      cluster.clearFaults();
    }
  }

  @Test
  @Timeout(300)
  void rebuild_stop_start() throws Exception {
    try (InProcessCluster cluster = MiniDaosCluster.builder(dir).inProcess().servers(3).engines(2).replicas(3)
        .engineEnv(MANUAL).start()) {
      Data d = write(cluster, 6);
      JumpMap jump = JumpMap.create();
      int victim = jump.place(d.oids().get(0), d.clientMap()).shard(0).rank();
      DaosEngine leader = engineNotIn(cluster, Set.of(victim));
      io.daos.proto.pool.PoolMap v1 = RebuildSimpleTest.serviceMap(cluster, d.pool());
      PoolMap p2 = RebuildMaps.toPlacement(v1).updateRank(MapOp.EXCLUDE, victim);
      cluster.killEngine(victim);
      cluster.engines().forEach(e -> e.engine().faults().arm(new FaultInjection.Fault(
          FaultInjection.Point.DAOS_REBUILD_DELAY, DaosStatus.IO, Duration.ofMillis(1500)),
          List.of(RebuildRpc.OBJ_ENUMERATE)));
      CompletableFuture<RebuildStatus> first = leader.rebuilds().start(d.pool(), v1, proto(v1, p2));
      // Progress reaches the leader while the rebuild runs (DRS_IN_PROGRESS with objects and records pulled).
      RebuildStatus mid = waitFor(() -> leader.rebuilds().status(d.pool()),
          s -> s.getState() == 0 && s.getObjNr() > 0 && s.getRecNr() > 0, Duration.ofSeconds(60));
      assertEquals(0, mid.getErrno(), mid.toString());
      RebuildStatus stopped = leader.rebuilds().stop(d.pool(), false);
      assertEquals(DaosStatus.OP_CANCELED.code(), stopped.getErrno(), stopped.toString());
      assertEquals(1, stopped.getState(), "DRS_NOT_STARTED: dmg shows stopped: " + stopped);
      assertEquals(stopped, first.get(5, TimeUnit.SECONDS));
      cluster.clearFaults();
      RebuildStatus done = leader.rebuilds().startAgain(d.pool()).get(120, TimeUnit.SECONDS);
      assertEquals(0, done.getErrno(), done.toString());
      assertEquals(2, done.getState(), done.toString());
      long snap = RebuildSimpleTest.snapshotEpoch(cluster, d.pool(), d.cont());
      assertMovedCopiesEqual(cluster, d, d.clientMap(), p2, snap);
    }
  }

  /** Polls {@code get} with {@link Poll#until} until {@code ok} holds; returns the status that matched. */
  private static RebuildStatus waitFor(java.util.function.Supplier<RebuildStatus> get,
      java.util.function.Predicate<RebuildStatus> ok, Duration max) {
    RebuildStatus[] s = {null};
    Poll.until("rebuild status to match", max, () -> ok.test(s[0] = get.get()),
        () -> "rebuild status never matched: " + s[0]);
    return s[0];
  }

  private static void vosPut(InProcessCluster cluster, Data d, ObjectId oid, Shard s, long epoch, String dkey,
      String value) {
    DaosEngine e = cluster.engine(s.rank()).orElseThrow().engine();
    e.xstreams().call(s.index(), () -> {
      e.pools().get(d.pool()).container(s.index(), d.cont()).update(epoch,
          new VosObjectId(oid.hi(), oid.lo(), s.shard()), dkey.getBytes(StandardCharsets.UTF_8),
          List.of(Iod.single("a".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.ISO_8859_1))), 0);
      return null;
    });
  }
}
