package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.daos.client.DaosArray;
import io.daos.client.DaosClient;
import io.daos.client.DaosContainer;
import io.daos.client.DaosKv;
import io.daos.client.DaosPool;
import io.daos.client.cont.ContainerProps;
import io.daos.engine.rebuild.RebuildMaps;
import io.daos.itest.inproc.InProcessEngine;
import io.daos.placement.JumpMap;
import io.daos.placement.Layout;
import io.daos.placement.PoolMap;
import io.daos.placement.Shard;
import io.daos.placement.TargetState;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectId;
import io.daos.placement.object.ObjectType;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolMapTarget;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pool extension (DAOS {@code daos_extend_simple.c}, EXTEND1 {@code extend_dkeys} with the objects of EXTEND5): 3
 * servers with a pool holding RP_2G1 and RP_3G1 KV and array objects written in two versions around a snapshot; a
 * 4th, freshly formatted server joins; {@code dmg pool extend --ranks=<new>} adds its rank: the map version bumps,
 * the new targets are UP and go UPIN after the rebuild, every key reads back byte-exact through a fresh client at
 * the latest epoch and at the snapshot, the pool grows, and the shards that moved are reclaimed from their old
 * targets. Then the bad input (a rank already in the pool) and {@code dmg system self-heal eval}.
 */
class ExtendSimpleTest {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int KEYS = 12;

  @TempDir
  Path dir;

  @Test
  @Timeout(400)
  void extend_dkeys() throws Exception {
    try (InProcessCluster cluster = MiniDaosCluster.builder(dir).inProcess().servers(3).engines(1).targets(2)
        .replicas(1).start()) {
      cluster.waitForReady();
      MiniDaosCluster.CreatedPool created = cluster.createPool("tank", 8L << 30, 3);
      UUID poolUuid = created.uuid();
      UUID contUuid;
      List<ObjectId> kvs = new ArrayList<>();
      List<ObjectId> arrays = new ArrayList<>();
      Map<ObjectId, byte[][]> arrData = new HashMap<>();
      long snap;
      try (DaosClient client = cluster.newDaosClient()) {
        DaosPool pool = client.connectPool("tank", PoolRpc.PC_RW);
        pool.createContainer(ContainerProps.empty().withLabel("c1"));
        DaosContainer cont = pool.openContainer("c1", ContRpc.COO_RW);
        contUuid = cont.uuid();
        for (int o = 0; o < 8; o++) {
          ObjectClass oc = o % 2 == 0 ? ObjectClass.RP_2G1 : ObjectClass.RP_3G1;
          ObjectId kvOid = cont.generateOid(ObjectType.KV_HASHED, oc, 0);
          kvs.add(kvOid);
          DaosKv kv = cont.openKv(kvOid);
          for (int i = 0; i < KEYS; i++) {
            kv.put("key" + i, value(kvOid, "v1", i));
          }
          ObjectId arrOid = cont.generateOid(ObjectType.ARRAY, oc, 0);
          arrays.add(arrOid);
          byte[] v1 = new byte[9_000 + o * 100];
          byte[] v2 = new byte[2_000];
          new Random(o).nextBytes(v1);
          new Random(100 + o).nextBytes(v2);
          arrData.put(arrOid, new byte[][] {v1, v2});
          cont.createArray(arrOid, 1, 4096).write(0, v1);
        }
        snap = cont.createSnapshot("before");
        for (ObjectId kvOid : kvs) {
          DaosKv kv = cont.openKv(kvOid);
          for (int i = 0; i < KEYS; i += 2) {
            kv.put("key" + i, value(kvOid, "v2", i));
          }
        }
        for (ObjectId a : arrays) {
          cont.openArray(a).write(500, arrData.get(a)[1]);
        }
      }
      io.daos.proto.pool.PoolMap oldMap = RebuildSimpleTest.serviceMap(cluster, poolUuid);
      assertEquals(3, oldMap.getRanksCount());
      long totalBefore = scmTotal(cluster);
      long listedBefore = listedScmTotal(cluster);
      assertEquals(6, poolQuery(cluster).get("total_targets").getAsInt());

      int host = cluster.addServer();
      assertEquals(4, cluster.size());
      int newRank = cluster.ranksOf(host).get(0);
      assertFalse(oldMap.getRanksList().stream().anyMatch(r -> r.getRank() == newRank));

      CommandResult ext = cluster.dmg("pool", "extend", "tank", "--ranks=" + newRank);
      assertEquals(0, ext.exitCode(), ext.toString());
      assertTrue(ext.stdout().contains("Extend command succeeded"), ext.toString());
      io.daos.proto.pool.PoolMap extended = RebuildSimpleTest.serviceMap(cluster, poolUuid);
      assertTrue(extended.getVersion() > oldMap.getVersion(), "map version bumps: " + extended.getVersion());
      PoolMapRank added = rank(extended, newRank);
      assertEquals(2, added.getTargetsCount());
      assertTrue(added.getTargetsList().stream().allMatch(t -> t.getState() == TargetState.UP.bit()
          || t.getState() == TargetState.UPIN.bit()), "the new targets are UP (or already UPIN): " + added);

      Poll.until("the new rank's targets are UPIN", WAIT, () -> rank(RebuildSimpleTest.serviceMap(cluster, poolUuid),
          newRank).getTargetsList().stream().allMatch(t -> t.getState() == TargetState.UPIN.bit()), cluster::logs);
      io.daos.proto.pool.PoolMap finalMap = RebuildSimpleTest.serviceMap(cluster, poolUuid);
      boolean wasUp = added.getTargetsList().stream().anyMatch(t -> t.getState() == TargetState.UP.bit());
      assertTrue(wasUp ? finalMap.getVersion() > extended.getVersion() : finalMap.getVersion() >= extended.getVersion(),
          "the finish step (UP -> UPIN) bumps the version: " + extended.getVersion() + " -> " + finalMap.getVersion());
      for (PoolMapRank r : finalMap.getRanksList()) {
        for (PoolMapTarget t : r.getTargetsList()) {
          assertEquals(TargetState.UPIN.bit(), t.getState(), "rank " + r.getRank() + ": " + finalMap);
        }
      }
      for (InProcessEngine e : cluster.engines()) {
        int rank = e.engine().state().rank().getAsInt();
        Poll.until("rank " + rank + " has the final map", WAIT,
            () -> e.engine().pools().mapVersion(poolUuid) >= finalMap.getVersion(), cluster::logs);
      }

      // Which shards moved, from the layouts before and after; their old copies go once the reclaim has run.
      JumpMap jump = JumpMap.create();
      PoolMap before = RebuildMaps.toPlacement(oldMap);
      PoolMap after = RebuildMaps.toPlacement(finalMap);
      List<ObjectId> all = new ArrayList<>(kvs);
      all.addAll(arrays);
      int moved = 0;
      int toNew = 0;
      for (ObjectId oid : all) {
        Layout lb = jump.place(oid, before);
        Layout la = jump.place(oid, after);
        for (Shard s : la.shards()) {
          Shard old = lb.shard(s.shard());
          if (old.rank() == s.rank() && old.index() == s.index()) {
            continue;
          }
          moved++;
          toNew += s.rank() == newRank ? 1 : 0;
          List<String> here = RebuildSimpleTest.dump(cluster, poolUuid, contUuid, oid, s, -1);
          assertFalse(here.isEmpty(), "shard " + s.shard() + " of " + oid + " was rebuilt on rank " + s.rank());
          Poll.until("the old copy of " + oid + " shard " + s.shard() + " on rank " + old.rank() + " is reclaimed",
              WAIT, () -> RebuildSimpleTest.dump(cluster, poolUuid, contUuid, oid, old, -1).isEmpty(),
              cluster::logs);
        }
      }
      assertTrue(toNew > 0, "some shards moved to the new rank (" + moved + " moved in all)");

      try (DaosClient client = cluster.newDaosClient()) {
        DaosPool pool = client.connectPool("tank", PoolRpc.PC_RO);
        assertEquals(finalMap.getVersion(), pool.poolMap().version());
        DaosContainer cont = pool.openContainer("c1", ContRpc.COO_RO);
        for (ObjectId kvOid : kvs) {
          DaosKv kv = cont.openKv(kvOid);
          DaosKv old = kv.atSnapshot(snap);
          for (int i = 0; i < KEYS; i++) {
            assertArrayEquals(value(kvOid, i % 2 == 0 ? "v2" : "v1", i), kv.get("key" + i), kvOid + " key" + i);
            assertArrayEquals(value(kvOid, "v1", i), old.get("key" + i), kvOid + " key" + i + " at the snapshot");
          }
        }
        for (ObjectId a : arrays) {
          byte[] v1 = arrData.get(a)[0];
          byte[] v2 = arrData.get(a)[1];
          byte[] want = v1.clone();
          System.arraycopy(v2, 0, want, 500, v2.length);
          DaosArray arr = cont.openArray(a);
          assertArrayEquals(want, arr.read(0, want.length), "array " + a);
          assertArrayEquals(v1, arr.atSnapshot(snap).read(0, v1.length), "array " + a + " at the snapshot");
        }
      }
      long totalAfter = scmTotal(cluster);
      assertTrue(totalAfter > totalBefore, "pool size grows: " + totalBefore + " -> " + totalAfter);
      long listedAfter = listedScmTotal(cluster);
      assertTrue(listedAfter > listedBefore, "dmg pool list size grows: " + listedBefore + " -> " + listedAfter);
      JsonObject q = poolQuery(cluster);
      assertEquals(8, q.get("total_targets").getAsInt(), q.toString());
      assertEquals(4, q.get("total_engines").getAsInt(), q.toString());
      assertEquals(finalMap.getVersion(), q.get("version").getAsInt(), q.toString());

      // Bad input: a rank already in the pool.
      int member = oldMap.getRanks(0).getRank();
      CommandResult again = cluster.dmg("pool", "extend", "tank", "--ranks=" + member);
      assertNotEquals(0, again.exitCode(), again.toString());
      assertTrue(again.toString().contains("DER_ALREADY") || again.toString().contains("already"),
          again.toString());
      assertEquals(finalMap.getVersion(), RebuildSimpleTest.serviceMap(cluster, poolUuid).getVersion());

      CommandResult eval = cluster.dmg("system", "self-heal", "eval");
      assertEquals(0, eval.exitCode(), eval.toString());
      assertTrue(eval.stdout().contains("System self-heal eval request succeeded"), eval.toString());
      assertFalse(eval.toString().contains("NOTSUPPORTED"), eval.toString());
    }
  }

  private static byte[] value(ObjectId oid, String version, int i) {
    return (version + "-" + oid.lo() + "-" + i + "-" + "x".repeat(i * 7)).getBytes(StandardCharsets.UTF_8);
  }

  private static PoolMapRank rank(io.daos.proto.pool.PoolMap map, int rank) {
    return map.getRanksList().stream().filter(r -> r.getRank() == rank).findFirst()
        .orElseThrow(() -> new AssertionError("rank " + rank + " not in pool map " + map));
  }

  /** dmg pool query's SCM total. */
  private static long scmTotal(InProcessCluster cluster) {
    JsonObject q = poolQuery(cluster);
    try {
      return q.getAsJsonArray("tier_stats").get(0).getAsJsonObject().get("total").getAsLong();
    } catch (RuntimeException e) {
      throw new AssertionError("dmg pool query: " + q, e);
    }
  }

  private static JsonObject poolQuery(InProcessCluster cluster) {
    JsonObject q = cluster.dmgJson("pool", "query", "tank");
    if (!q.has("response") || !q.get("response").isJsonObject()) {
      throw new AssertionError("dmg pool query: " + q);
    }
    return q.getAsJsonObject("response");
  }

  /** dmg pool list's SCM total of the one pool. */
  private static long listedScmTotal(InProcessCluster cluster) {
    JsonObject l = cluster.dmgJson("pool", "list");
    try {
      return l.getAsJsonObject("response").getAsJsonArray("pools").get(0).getAsJsonObject()
          .getAsJsonArray("tier_stats").get(0).getAsJsonObject().get("total").getAsLong();
    } catch (RuntimeException e) {
      throw new AssertionError("dmg pool list: " + l, e);
    }
  }
}
