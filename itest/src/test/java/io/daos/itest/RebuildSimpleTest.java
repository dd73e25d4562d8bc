package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import io.daos.engine.rebuild.RebuildListener;
import io.daos.engine.rebuild.RebuildMaps;
import io.daos.engine.vos.Anchor;
import io.daos.engine.vos.EnumPage;
import io.daos.engine.vos.FetchedValue;
import io.daos.engine.vos.Iod;
import io.daos.engine.vos.RecxEntry;
import io.daos.engine.vos.VosContainer;
import io.daos.engine.vos.tree.VosObjectId;
import io.daos.itest.inproc.InProcessEngine;
import io.daos.placement.JumpMap;
import io.daos.placement.Layout;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuild after an engine is lost (DAOS {@code daos_rebuild_simple.c}): 3 servers × 2 engines in this JVM, RP_2G1
 * KV and array objects written in several versions with a snapshot between them, the engine holding shard 0 killed.
 * <p>Until the pool service's exclude drives rebuild, this test starts it directly on a surviving engine with the
 * pool service's map and that map with the rank excluded ({@code Rebuilds.start(pool, oldMap, newMap)}); once the
 * pool service calls it after an exclude, switch the test to {@code dmg pool exclude} and wait for pool query's
 * rebuild status instead.
 */
class RebuildSimpleTest {
  @TempDir
  Path dir;

  @Test
  @Timeout(300)
  void rebuild_dkeys_akeys_indexes_snap_update_recs() throws Exception {
    try (InProcessCluster cluster = MiniDaosCluster.builder(dir).inProcess().servers(3).engines(2).replicas(3)
        .engineEnv("DAOS_REBUILD=no").start()) {
      cluster.waitForReady();
      cluster.createPool("tank", 12L << 30, 3);
      UUID poolUuid;
      UUID contUuid;
      ObjectId kvOid;
      ObjectId arrOid;
      PoolMap clientMap;
      byte[] arrV1 = new byte[20_000];
      byte[] arrV2 = new byte[5_000];
      new Random(7).nextBytes(arrV1);
      new Random(8).nextBytes(arrV2);
      try (DaosClient client = cluster.newDaosClient()) {
        DaosPool pool = client.connectPool("tank", PoolRpc.PC_RW);
        pool.createContainer(ContainerProps.empty().withLabel("c1"));
        DaosContainer cont = pool.openContainer("c1", ContRpc.COO_RW);
        poolUuid = pool.uuid();
        contUuid = cont.uuid();
        clientMap = pool.poolMap();
        kvOid = cont.generateOid(ObjectType.KV_HASHED, ObjectClass.RP_2G1, 0);
        DaosKv kv = cont.openKv(kvOid);
        for (int i = 0; i < 20; i++) {
          kv.put("key" + i, ("v1-" + i).getBytes(StandardCharsets.UTF_8));
        }
        arrOid = cont.generateOid(ObjectType.ARRAY, ObjectClass.RP_2G1, 0);
        DaosArray arr = cont.createArray(arrOid, 1, 4096);
        arr.write(0, arrV1);
        cont.createSnapshot("before");
        for (int i = 0; i < 20; i += 2) {
          kv.put("key" + i, ("v2-" + i).getBytes(StandardCharsets.UTF_8));
        }
        arr.write(1000, arrV2);
      }
      JumpMap jump = JumpMap.create();
      int victim = jump.place(kvOid, clientMap).shard(0).rank();
      DaosEngine leader = cluster.engines().stream().map(InProcessEngine::engine)
          .filter(e -> e.state().rank().getAsInt() != victim).findFirst().orElseThrow();
      io.daos.proto.pool.PoolMap oldMap = serviceMap(cluster, poolUuid);
      cluster.killEngine(victim);
      PoolMap newPlacement = RebuildMaps.toPlacement(oldMap).updateRank(MapOp.EXCLUDE, victim);
      io.daos.proto.pool.PoolMap newMap = RebuildMaps.withStates(oldMap, newPlacement);

      CompletableFuture<RebuildStatus> heard = new CompletableFuture<>();
      leader.rebuilds().listener(new RebuildListener() {
        @Override
        public void done(UUID pool, int version, RebuildStatus status) {
          heard.complete(status);
        }

        @Override
        public void failed(UUID pool, int version, RebuildStatus status) {
          heard.completeExceptionally(new AssertionError("rebuild failed: " + status));
        }
      });
      assertEquals(1, leader.rebuilds().status(poolUuid).getState(), "DRS_NOT_STARTED before any rebuild");
      RebuildStatus st = leader.rebuilds().start(poolUuid, oldMap, newMap).get(120, TimeUnit.SECONDS);
      assertEquals(st, heard.get(5, TimeUnit.SECONDS));
      assertEquals(2, st.getState(), "DRS_COMPLETED: " + st);
      assertEquals(0, st.getErrno(), st.toString());
      assertEquals(newMap.getVersion(), st.getVersion());
      assertTrue(st.getObjNr() >= 2 && st.getRecNr() > 0 && st.getSize() > 0, st.toString());
      assertEquals(st.getObjNr(), st.getToberbObjNr(), st.toString());
      assertEquals(st, leader.rebuilds().status(poolUuid));

      long snap = snapshotEpoch(cluster, poolUuid, contUuid);
      for (ObjectId oid : List.of(kvOid, arrOid)) {
        Layout before = jump.place(oid, clientMap);
        Layout after = jump.place(oid, newPlacement);
        int rebuilt = 0;
        for (Shard s : after.shards()) {
          if (!s.rebuilding()) {
            continue;
          }
          rebuilt++;
          assertNotEquals(victim, s.rank());
          Shard survivor = after.group(s.shard() / after.groupSize()).stream()
              .filter(x -> !x.rebuilding()).findFirst().orElseThrow();
          assertEquals(before.shard(survivor.shard()).target(), survivor.target());
          for (long epoch : new long[] {-1, snap}) {
            List<String> want = dump(cluster, poolUuid, contUuid, oid, survivor, epoch);
            List<String> got = dump(cluster, poolUuid, contUuid, oid, s, epoch);
            assertFalse(want.isEmpty(), "survivor holds " + oid);
            assertEquals(want, got, "spare of " + oid + " shard " + s.shard() + " at epoch " + epoch);
          }
        }
        assertTrue(rebuilt > 0, "the victim held a shard of " + oid);
      }
      // The values themselves, at the latest epoch and at the snapshot, through the spare's copy.
      Shard kvSpare = jump.place(kvOid, newPlacement).shards().stream().filter(Shard::rebuilding).findFirst()
          .orElseThrow();
      String latest = String.join("\n", dump(cluster, poolUuid, contUuid, kvOid, kvSpare, -1));
      String atSnap = String.join("\n", dump(cluster, poolUuid, contUuid, kvOid, kvSpare, snap));
      assertTrue(latest.contains("v2-0") && latest.contains("v1-1") && !latest.contains("v1-0"), latest);
      assertTrue(atSnap.contains("v1-0") && !atSnap.contains("v2-"), atSnap);

      // rebuild_tgt_start_fail: an engine refuses the scan; the leader reports the error and calls failed().
      DaosEngine other = cluster.engines().stream().map(InProcessEngine::engine)
          .filter(e -> e != leader).findFirst().orElseThrow();
      other.faults().arm(FaultInjection.Point.DAOS_REBUILD_TGT_START_FAIL, List.of(RebuildRpc.OBJECTS_SCAN));
      CompletableFuture<RebuildStatus> failed = new CompletableFuture<>();
      leader.rebuilds().listener(new RebuildListener() {
        @Override
        public void done(UUID pool, int version, RebuildStatus status) {
          failed.completeExceptionally(new AssertionError("rebuild should fail: " + status));
        }

        @Override
        public void failed(UUID pool, int version, RebuildStatus status) {
          failed.complete(status);
        }
      });
      io.daos.proto.pool.PoolMap next = newMap.toBuilder().setVersion(newMap.getVersion() + 1).build();
      RebuildStatus bad = leader.rebuilds().start(poolUuid, newMap, next).get(60, TimeUnit.SECONDS);
      assertEquals(bad, failed.get(5, TimeUnit.SECONDS));
      assertEquals(DaosStatus.IO.code(), bad.getErrno(), bad.toString());
      assertEquals(2, bad.getState());
      other.faults().clear();
    }
  }

  static io.daos.proto.pool.PoolMap serviceMap(InProcessCluster cluster, UUID pool) {
    for (InProcessEngine e : cluster.engines()) {
      var svc = e.engine().poolServices().service(pool);
      if (svc.isPresent()) {
        try {
          return svc.get().map();
        } catch (RuntimeException ex) {
          // not readable on this replica; try the next
        }
      }
    }
    throw new AssertionError("no pool service replica gave the pool map");
  }

  /** The snapshot's epoch as the container service recorded it (read through a fresh client). */
  static long snapshotEpoch(InProcessCluster cluster, UUID pool, UUID cont) throws Exception {
    try (DaosClient client = cluster.newDaosClient()) {
      DaosContainer c = client.connectPool("tank", PoolRpc.PC_RO).openContainer(cont.toString(), ContRpc.COO_RO);
      return c.listSnapshots().get(0).epoch();
    }
  }

  /** Everything shard {@code s} of {@code oid} holds at {@code epoch}, read from its target's VOS, as text lines. */
  static List<String> dump(InProcessCluster cluster, UUID pool, UUID cont, ObjectId oid, Shard s,
      long epoch) {
    DaosEngine e = cluster.engine(s.rank()).orElseThrow().engine();
    VosObjectId v = new VosObjectId(oid.hi(), oid.lo(), s.shard());
    return e.xstreams().call(s.index(), () -> {
      VosContainer c = e.pools().get(pool).container(s.index(), cont);
      List<String> out = new ArrayList<>();
      for (byte[] dkey : all(a -> c.listDkeys(epoch, v, a, 64))) {
        for (byte[] akey : all(a -> c.listAkeys(epoch, v, dkey, a, 64))) {
          List<RecxEntry> recxs = all(a -> c.listRecx(epoch, v, dkey, akey, a, 64));
          String head = hex(dkey) + "/" + hex(akey);
          if (recxs.isEmpty()) {
            FetchedValue f = c.fetch(epoch, v, dkey, List.of(Iod.fetchSingle(akey)), 0).get(0);
            out.add(head + " = " + new String(f.data(), StandardCharsets.ISO_8859_1));
          } else {
            for (RecxEntry r : recxs) {
              FetchedValue f = c.fetch(epoch, v, dkey, List.of(Iod.fetchArray(akey, r.recordSize(),
                  List.of(r.recx()))), 0).get(0);
              out.add(head + " " + r.recx() + "@" + r.epoch() + " = " + java.util.Arrays.hashCode(f.data()));
            }
          }
        }
      }
      return out;
    });
  }

  private static <T> List<T> all(java.util.function.Function<Anchor, EnumPage<T>> page) {
    List<T> out = new ArrayList<>();
    for (Anchor a = Anchor.ZERO; !a.eof(); ) {
      EnumPage<T> p = page.apply(a);
      out.addAll(p.items());
      a = p.anchor();
    }
    return out;
  }

  private static String hex(byte[] b) {
    return java.util.HexFormat.of().formatHex(b);
  }
}
