package io.daos.engine.vos;

import static io.daos.engine.vos.VosFixture.UINT_OID;
import static io.daos.engine.vos.VosFixture.u64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.tree.VosObjectId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** query_key cases named after vts_io.c VOS300.x (integer dkeys/akeys, numeric order). */
class VosQueryKeyTest extends VosTestBase {
  private static final int ALL = KeyQuery.GET_DKEY | KeyQuery.GET_AKEY | KeyQuery.GET_RECX;

  private void put(long epoch, long dkey, long akey, long idx, long nr) {
    f.cont.update(epoch, UINT_OID, u64(dkey), List.of(Iod.array(u64(akey), 1, List.of(new Recx(idx, nr)),
        new byte[(int) nr])), 0);
  }

  @Test
  @DisplayName("VOS300.2: Key query test")
  void ioQueryKey() {
    put(10, 5, 1, 0, 10);
    put(11, 300, 7, 100, 5);
    put(12, 256, 9, 0, 1);
    put(13, 300, 2, 50, 1);
    KeyQuery max = f.cont.queryKey(20, UINT_OID, ALL | KeyQuery.GET_MAX, null, null);
    assertEquals(300, VosFixture.u64(max.dkey()), "256 > 5 numerically: uint64 keys order numerically");
    assertEquals(7, VosFixture.u64(max.akey()));
    assertEquals(new Recx(100, 5), max.recx());
    KeyQuery min = f.cont.queryKey(20, UINT_OID, ALL | KeyQuery.GET_MIN, null, null);
    assertEquals(5, VosFixture.u64(min.dkey()));
    assertEquals(new Recx(0, 10), min.recx());
    KeyQuery recxOnly = f.cont.queryKey(20, UINT_OID, KeyQuery.GET_RECX | KeyQuery.GET_MAX, u64(300), u64(2));
    assertEquals(new Recx(50, 1), recxOnly.recx());
    assertEquals(300, VosFixture.u64(f.cont.queryKey(11, UINT_OID, KeyQuery.GET_DKEY | KeyQuery.GET_MAX,
        null, null).dkey()));
    assertEquals(5, VosFixture.u64(f.cont.queryKey(10, UINT_OID, KeyQuery.GET_DKEY | KeyQuery.GET_MAX,
        null, null).dkey()), "at epoch 10 only dkey 5 exists");
  }

  @Test
  @DisplayName("VOS300.1: Test key query punch with subsequent update")
  void ioQueryKeyPunchUpdate() {
    put(10, 1, 1, 0, 4);
    put(11, 2, 1, 0, 4);
    f.cont.punchDkeys(12, UINT_OID, List.of(u64(2)), 0);
    assertEquals(1, VosFixture.u64(f.cont.queryKey(12, UINT_OID, KeyQuery.GET_DKEY | KeyQuery.GET_MAX,
        null, null).dkey()));
    put(13, 2, 1, 8, 4);
    KeyQuery q = f.cont.queryKey(13, UINT_OID, ALL | KeyQuery.GET_MAX, null, null);
    assertEquals(2, VosFixture.u64(q.dkey()));
    assertEquals(new Recx(8, 4), q.recx(), "the punched extent [0,4) is not visible after the punch");
  }

  @Test
  @DisplayName("VOS300.3: Key query negative test")
  void ioQueryKeyNegative() {
    VosObjectId missing = VosObjectId.of(VosObjectId.OT_MULTI_UINT64, 7, 7);
    assertEquals(DaosStatus.NONEXIST, assertThrows(DaosException.class,
        () -> f.cont.queryKey(20, missing, ALL | KeyQuery.GET_MAX, null, null)).status());
    assertEquals(DaosStatus.NONEXIST, assertThrows(DaosException.class,
        () -> f.cont.queryKey(20, missing, ALL | KeyQuery.GET_MIN, null, null)).status());
    assertEquals(DaosStatus.INVAL, assertThrows(DaosException.class,
        () -> f.cont.queryKey(20, UINT_OID, ALL | KeyQuery.GET_MAX | KeyQuery.GET_MIN, null, null)).status());
    assertEquals(DaosStatus.INVAL, assertThrows(DaosException.class,
        () -> f.cont.queryKey(20, VosFixture.OID, KeyQuery.GET_DKEY | KeyQuery.GET_MAX, null, null)).status(),
        "only integer dkeys can be queried");
  }
}
