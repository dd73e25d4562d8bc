package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.client.obj.Iod;
import io.daos.client.obj.Keys;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.itest.TestLocks;
import io.daos.placement.Shard;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectId;
import io.daos.placement.object.ObjectType;
import io.daos.rpc.ObjRpc;
import io.daos.rpc.PoolRpc;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Replicated objects: writes reach every replica, reads survive unreachable replicas (daos_obj.c IO31/IO42). */
@ResourceLock(TestLocks.IN_PROCESS)
class ReplicationTest extends ClientTestBase {
  static final byte[] AKEY = Keys.utf8("a");

  @Test
  void rp2g1UpdateReachesBothReplicas() {
    ObjectId id = oid(ObjectType.MULTI_HASHED, ObjectClass.RP_2G1);
    DaosObject o = cont.openObject(id);
    List<Shard> group = o.layout().group(0);
    assertEquals(2, group.size());
    assertNotEquals(group.get(0).rank(), group.get(1).rank(), "replicas in distinct fault domains");
    byte[] v = random(5000, 9);
    o.update(Keys.utf8("dkey"), List.of(Iod.single(AKEY, v)));
    for (Shard s : group) {
      assertArrayEquals(v, cluster.store(s.rank(), s.index()).single(id.hi(), id.lo(), Keys.utf8("dkey"), AKEY),
          "replica on rank " + s.rank());
    }
  }

  @Test
  void io_fetch_retry_another_replica() {
    ObjectId id = oid(ObjectType.MULTI_HASHED, ObjectClass.RP_2G1);
    DaosObject o = cont.openObject(id);
    byte[] v = random(100, 10);
    o.update(Keys.utf8("dkey"), List.of(Iod.single(AKEY, v)));
    Shard dead = o.layout().group(0).get(0);
    cluster.failObjects(dead.rank(), DaosStatus.UNREACH);
    for (int i = 0; i < 10; i++) {
      assertArrayEquals(v, o.fetch(Keys.utf8("dkey"), List.of(Iod.singleFetch(AKEY, 100))).get(0).data());
    }
    assertTrue(cluster.calls(dead.rank(), ObjRpc.FETCH) == 0, "failed RPCs are not served");
  }

  /**
   * daos_obj.c io_simple_update_timeout_single: the update to the leader replica is dropped once
   * (DAOS_SHARD_OBJ_UPDATE_TIMEOUT); the client times out and resends it with the same DTX id, the write succeeds
   * and every replica holds it, executed once.
   */
  @Test
  void io_simple_update_timeout_single() {
    ObjectId id = oid(ObjectType.MULTI_HASHED, ObjectClass.RP_2G1);
    DaosObject o = cont.openObject(id);
    byte[] dkey = Keys.utf8("test_update_to dkey");
    List<Shard> group = o.layout().group(0);
    Shard leader = group.get(io.daos.client.obj.ShardIo.leader(group,
        io.daos.placement.object.DkeyHash.hash(id, dkey), 0));
    cluster.engine(leader.rank()).engine().faults().armOnce(
        io.daos.cart.FaultInjection.Point.DAOS_SHARD_OBJ_UPDATE_TIMEOUT, List.of(ObjRpc.UPDATE));
    byte[] v = random(64, 11);
    o.update(dkey, List.of(Iod.single(AKEY, v)));
    for (Shard s : group) {
      assertArrayEquals(v, cluster.store(s.rank(), s.index()).single(id.hi(), id.lo(), dkey, AKEY),
          "replica on rank " + s.rank());
      if (s != leader) {
        assertEquals(1, cluster.calls(s.rank(), ObjRpc.TGT_UPDATE), "forwarded once: the resend was not executed twice");
      }
    }
    assertArrayEquals(v, o.fetch(dkey, List.of(Iod.singleFetch(AKEY, 64))).get(0).data());
  }

  @Test
  void fetch_replica_unavail() {
    DaosObject o = cont.openObject(oid(ObjectType.MULTI_HASHED, ObjectClass.RP_2G1));
    o.update(Keys.utf8("dkey"), List.of(Iod.single(AKEY, new byte[] {1})));
    o.layout().group(0).forEach(s -> cluster.failObjects(s.rank(), DaosStatus.UNREACH));
    DaosException e = assertThrows(DaosException.class,
        () -> o.fetch(Keys.utf8("dkey"), List.of(Iod.singleFetch(AKEY, 1))));
    assertEquals(DaosStatus.UNREACH, e.status());
  }

  @Test
  void updateFailsWhenOneReplicaFails() {
    DaosObject o = cont.openObject(oid(ObjectType.MULTI_HASHED, ObjectClass.RP_2G1));
    cluster.failObjects(o.layout().group(0).get(1).rank(), DaosStatus.UNREACH);
    DaosException e = assertThrows(DaosException.class,
        () -> o.update(Keys.utf8("dkey"), List.of(Iod.single(AKEY, new byte[] {1}))));
    assertEquals(DaosStatus.UNREACH, e.status());
  }

  @Test
  void rp3KvOverStoppedEngine() {
    DaosKv kv = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, ObjectClass.RP_3G1, 0));
    kv.put("k", new byte[] {42});
    cluster.stop(kv.object().layout().group(0).get(2).rank());
    assertArrayEquals(new byte[] {42}, kv.get("k"));
    assertNull(kv.get("other"));
  }

  /** DIOF_TO_SPEC_SHARD reads: each replica answers for itself, an unreachable one fails instead of failing over. */
  @Test
  void getReplicaReadsOneReplicaWithoutFailover() {
    DaosKv kv = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, ObjectClass.RP_3G1, 0));
    byte[] v = random(3000, 11);
    kv.put("k", v);
    assertEquals(3, kv.replicas());
    for (int r = 0; r < 3; r++) {
      assertArrayEquals(v, kv.getReplicaAsync(Keys.utf8("k"), r).join(), "replica " + r);
      assertNull(kv.getReplicaAsync(Keys.utf8("absent"), r).join(), "replica " + r);
    }
    Shard down = kv.object().layout().group(kv.object().groupOf(Keys.utf8("k"))).get(1);
    cluster.failObjects(down.rank(), DaosStatus.UNREACH);
    DaosException e = assertThrows(DaosException.class,
        () -> io.daos.client.rpc.Futures.join(kv.getReplicaAsync(Keys.utf8("k"), 1)));
    assertEquals(DaosStatus.UNREACH, e.status());
    assertArrayEquals(v, kv.get("k"), "the plain read fails over");
    DaosException bad = assertThrows(DaosException.class,
        () -> io.daos.client.rpc.Futures.join(kv.getReplicaAsync(Keys.utf8("k"), 3)));
    assertEquals(DaosStatus.INVAL, bad.status());
  }

  /**
   * The engines' side of DAOS's io_pool_map_refresh_trigger (the client's side, a reply with a newer map version
   * refreshing the map, is libdaos's {@code PoolMapRefreshTest}: these engines do not change a pool map yet, issue
   * 11): object replies carry the pool map version, so I/O on a current map never sends the client back to the pool
   * service. The explicit refresh at the end is the only map query, shared with any the replies had started.
   */
  @Test
  void objectRepliesCarryThePoolMapVersion() {
    DaosObject o = cont.openObject(oid(ObjectType.MULTI_HASHED, ObjectClass.SX));
    int before = cluster.callsToService(PoolRpc.TGT_QUERY_MAP);
    for (int i = 0; i < 8; i++) {
      o.update(Keys.utf8("d" + i), List.of(Iod.single(AKEY, new byte[] {(byte) i})));
    }
    assertArrayEquals(new byte[] {3}, o.fetch(Keys.utf8("d3"), List.of(Iod.singleFetch(AKEY, 1))).get(0).data());
    assertEquals(1, pool.refreshMap().version());
    assertEquals(before + 1, cluster.callsToService(PoolRpc.TGT_QUERY_MAP));
  }
}
