package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.client.obj.Anchor;
import io.daos.client.obj.FetchedIod;
import io.daos.client.obj.Iod;
import io.daos.client.obj.KeyPage;
import io.daos.client.obj.Keys;
import io.daos.client.obj.QueryKey;
import io.daos.client.obj.Recx;
import io.daos.client.obj.RecxPage;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.itest.TestLocks;
import io.daos.placement.Cond;
import io.daos.placement.Layout;
import io.daos.placement.Shard;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** DAOS {@code src/tests/suite/daos_obj.c} (IO tests), on real engines in this JVM. */
@ResourceLock(TestLocks.IN_PROCESS)
class DaosObjTest extends ClientTestBase {
  static final byte[] AKEY_SV = Keys.utf8("akey_sv");
  static final byte[] AKEY_ARR = Keys.utf8("akey_arr");

  private DaosObject obj(ObjectClass oc) {
    return cont.openObject(oid(ObjectType.MULTI_HASHED, oc));
  }

  @Test
  void io_simple() {
    DaosObject o = obj(ObjectClass.S1);
    byte[] dkey = Keys.utf8("io_simple dkey");
    byte[] sv = random(100, 1);
    byte[] arr = random(8 * 5, 2);
    o.update(dkey, List.of(Iod.single(AKEY_SV, sv), Iod.array(AKEY_ARR, 8, List.of(new Recx(10, 5)), arr)));
    List<FetchedIod> got = o.fetch(dkey, List.of(Iod.singleFetch(AKEY_SV, 100),
        Iod.arrayFetch(AKEY_ARR, 8, List.of(new Recx(10, 5)))));
    assertArrayEquals(sv, got.get(0).data());
    assertEquals(100, got.get(0).size());
    assertArrayEquals(arr, got.get(1).data());
    assertEquals(8, got.get(1).size());
  }

  @Test
  void io_simple_async() {
    DaosObject o = obj(ObjectClass.S2);
    byte[] dkey = Keys.utf8("d");
    o.updateAsync(dkey, List.of(Iod.single(AKEY_SV, new byte[] {1, 2, 3})), Cond.NONE).join();
    assertArrayEquals(new byte[] {1, 2, 3},
        o.fetchAsync(dkey, List.of(Iod.singleFetch(AKEY_SV, 3)), Cond.NONE).join().get(0).data());
  }

  @Test
  void fetch_size() {
    DaosObject o = obj(ObjectClass.S1);
    byte[] dkey = Keys.utf8("fetch_size");
    o.update(dkey, List.of(Iod.single(AKEY_SV, random(777, 3))));
    assertEquals(777, o.fetch(dkey, List.of(Iod.singleFetch(AKEY_SV, 0))).get(0).size());
    assertEquals(0, o.fetch(dkey, List.of(Iod.singleFetch(Keys.utf8("other"), 0))).get(0).size());
  }

  @Test
  void io_rec2big() {
    DaosObject o = obj(ObjectClass.S1);
    byte[] dkey = Keys.utf8("rec2big");
    o.update(dkey, List.of(Iod.single(AKEY_SV, random(64, 4))));
    DaosException e = assertThrows(DaosException.class, () -> o.fetch(dkey, List.of(Iod.singleFetch(AKEY_SV, 63))));
    assertEquals(DaosStatus.REC2BIG, e.status());
  }

  @Test
  void read_empty_records() {
    DaosObject o = obj(ObjectClass.S1);
    FetchedIod f = o.fetch(Keys.utf8("never"), List.of(Iod.arrayFetch(AKEY_ARR, 4, List.of(new Recx(0, 10))))).get(0);
    assertTrue(f.isEmpty());
    assertEquals(0, f.data().length);
  }

  @Test
  void io_var_rec_size() {
    DaosObject o = obj(ObjectClass.SX);
    for (int size = 1; size <= 1 << 16; size <<= 2) {
      byte[] dkey = Keys.utf8("var_rec_" + size);
      byte[] v = random(size, size);
      o.update(dkey, List.of(Iod.single(AKEY_SV, v)));
      assertArrayEquals(v, o.fetch(dkey, List.of(Iod.singleFetch(AKEY_SV, size))).get(0).data());
    }
  }

  @Test
  void enumerate_simple() {
    DaosObject o = obj(ObjectClass.S2);
    Layout l = o.layout();
    assertEquals(2, l.groups());
    Set<String> want = new HashSet<>();
    Set<Integer> groups = new HashSet<>();
    for (int i = 0; i < 60; i++) {
      byte[] dkey = Keys.utf8("dkey_" + i);
      o.update(dkey, List.of(Iod.single(AKEY_SV, new byte[] {(byte) i})));
      want.add("dkey_" + i);
      groups.add(o.groupOf(dkey));
    }
    assertEquals(Set.of(0, 1), groups, "the dkeys spread over both groups");
    List<String> got = new ArrayList<>();
    Anchor a = Anchor.start();
    int pages = 0;
    while (!a.isEof()) {
      KeyPage p = o.listDkeys(a, 7);
      assertTrue(p.keys().size() <= 7);
      p.keys().forEach(k -> got.add(new String(k, StandardCharsets.UTF_8)));
      a = p.anchor();
      pages++;
    }
    assertEquals(60, got.size(), "every dkey exactly once");
    assertEquals(want, new HashSet<>(got));
    assertTrue(pages >= 9);
    for (int g = 0; g < 2; g++) {
      Shard s = l.group(g).get(0);
      assertTrue(cluster.store(s.rank(), s.index()).dkeyCount(o.oid().hi(), o.oid().lo()) > 0);
    }
  }

  @Test
  void enumerate_akeys_and_recx() {
    DaosObject o = obj(ObjectClass.S1);
    byte[] dkey = Keys.utf8("d");
    o.update(dkey, List.of(Iod.single(Keys.utf8("a1"), new byte[] {1}), Iod.single(Keys.utf8("a2"), new byte[] {2}),
        Iod.array(AKEY_ARR, 1, List.of(new Recx(0, 4), new Recx(10, 2)), new byte[6])));
    KeyPage p = o.listAkeys(dkey, Anchor.start(), 10);
    assertEquals(Set.of("a1", "a2", "akey_arr"), new HashSet<>(p.keys().stream()
        .map(k -> new String(k, StandardCharsets.UTF_8)).toList()));
    assertTrue(p.anchor().isEof());
    RecxPage r = o.listRecx(dkey, AKEY_ARR, Anchor.start(), 10);
    assertEquals(List.of(new Recx(0, 4), new Recx(10, 2)), r.recxs());
    assertEquals(1, r.recordSize());
  }

  @Test
  void punch_simple() {
    DaosObject o = obj(ObjectClass.S2);
    byte[] d1 = Keys.utf8("d1");
    byte[] d2 = Keys.utf8("d2");
    o.update(d1, List.of(Iod.single(AKEY_SV, new byte[] {1}), Iod.single(Keys.utf8("x"), new byte[] {9})));
    o.update(d2, List.of(Iod.single(AKEY_SV, new byte[] {2})));
    o.punchAkeys(d1, List.of(Keys.utf8("x")));
    assertTrue(o.fetch(d1, List.of(Iod.singleFetch(Keys.utf8("x"), 0))).get(0).isEmpty());
    assertFalse(o.fetch(d1, List.of(Iod.singleFetch(AKEY_SV, 0))).get(0).isEmpty());
    o.punchDkeys(List.of(d1));
    assertEquals(1, o.listAllDkeys().size());
    o.punch();
    assertEquals(0, o.listAllDkeys().size());
  }

  @Test
  void io_obj_key_query() {
    DaosObject o = cont.openObject(oid(ObjectType.DKEY_UINT64, ObjectClass.SX));
    assertTrue(o.layout().groups() > 1);
    for (long d : new long[] {3, 70, 12, 5}) {
      o.update(Keys.u64(d), List.of(Iod.array(AKEY_ARR, 1, List.of(new Recx(d, 2)), new byte[2])));
    }
    QueryKey max = o.queryKey(QueryKey.GET_DKEY | QueryKey.GET_RECX | QueryKey.GET_MAX, null, AKEY_ARR);
    assertEquals(70, Keys.u64(max.dkey()));
    QueryKey min = o.queryKey(QueryKey.GET_DKEY | QueryKey.GET_RECX | QueryKey.GET_MIN, null, AKEY_ARR);
    assertEquals(3, Keys.u64(min.dkey()));
    DaosObject empty = cont.openObject(oid(ObjectType.DKEY_UINT64, ObjectClass.S1));
    assertEquals(DaosStatus.NONEXIST, assertThrows(DaosException.class,
        () -> empty.queryKey(QueryKey.GET_DKEY | QueryKey.GET_RECX | QueryKey.GET_MAX, null, AKEY_ARR)).status());
  }

  @Test
  void conditionalInsertAndFetch() {
    DaosObject o = obj(ObjectClass.S1);
    byte[] dkey = Keys.utf8("cond");
    o.update(dkey, List.of(Iod.single(AKEY_SV, new byte[] {1})), Cond.DKEY_INSERT);
    assertEquals(DaosStatus.EXIST, assertThrows(DaosException.class,
        () -> o.update(dkey, List.of(Iod.single(AKEY_SV, new byte[] {2})), Cond.DKEY_INSERT)).status());
    assertEquals(DaosStatus.NONEXIST, assertThrows(DaosException.class,
        () -> o.fetch(Keys.utf8("absent"), List.of(Iod.singleFetch(AKEY_SV, 0)), Cond.DKEY_FETCH)).status());
  }

  @Test
  void everyRpcCarriesTheContainerHandle() {
    DaosObject o = obj(ObjectClass.S1);
    cont.close();
    DaosException e = assertThrows(DaosException.class,
        () -> o.update(Keys.utf8("d"), List.of(Iod.single(AKEY_SV, new byte[] {1}))));
    assertEquals(DaosStatus.NO_HDL, e.status(), "the engine no longer knows the closed handle");
  }

  /** DAOS's oclass_auto_setting checks automatic classes in a container it creates with rd_fac 0. */
  @Test
  void oclass_auto_setting() {
    DaosContainer rf0 = openRf0Container("rf0");
    assertEquals(ObjectClass.S1.id(), rf0.generateOid(ObjectType.MULTI_HASHED, null, 0).classId());
    io.daos.placement.object.ObjectId kv = rf0.generateOid(ObjectType.KV_HASHED, null, 0);
    assertEquals(8, kv.groups(), "flat KVs default to max groups: 8 targets, rd_fac 0");
  }

  /** EC objects open and round-trip here too (DaosObjEcTest covers them, list_recx included). */
  @Test
  void erasureCodedObjectsWork() {
    DaosObject o = cont.openObject(cont.generateOid(ObjectType.MULTI_HASHED, ObjectClass.EC_2P1G1, 0));
    byte[] v = ClientTestBase.random(10_000, 3);
    o.update(Keys.utf8("d"), List.of(Iod.single(AKEY_SV, v)));
    assertArrayEquals(v, o.fetch(Keys.utf8("d"), List.of(Iod.singleFetch(AKEY_SV, 0))).get(0).data());
  }
}
