package io.daos.engine.vos;

import static io.daos.engine.vos.VosFixture.OID;
import static io.daos.engine.vos.VosFixture.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.placement.Cond;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Punch model and conditionals, named after DAOS src/vos/tests/vts_pm.c. */
class VosPmTest extends VosTestBase {
  private static void assertDer(DaosStatus want, Executable op) {
    assertEquals(want, assertThrows(DaosException.class, op).status());
  }

  private void cond(long epoch, String dkey, String akey, int flags, String value) {
    f.cont.update(epoch, OID, b(dkey), List.of(Iod.single(b(akey), b(value))), flags);
  }

  private void condFetch(long epoch, String dkey, String akey, int flags) {
    f.cont.fetch(epoch, OID, b(dkey), List.of(Iod.fetchSingle(b(akey))), flags);
  }

  @Test
  @DisplayName("VOS860: Conditionals test")
  void condTest() {
    long e = 1000;
    assertDer(DaosStatus.NONEXIST, () -> cond(e, "a", "b", Cond.DKEY_UPDATE, "foo"));
    cond(e + 1, "a", "b", Cond.DKEY_INSERT, "foo");
    assertDer(DaosStatus.EXIST, () -> cond(e + 2, "a", "b", Cond.DKEY_INSERT, "bar"));
    condFetch(e + 3, "a", "b", Cond.DKEY_FETCH);
    assertDer(DaosStatus.NONEXIST, () -> condFetch(e, "a", "b", Cond.DKEY_FETCH));
    f.cont.punchObject(e + 4, OID, 0);
    assertDer(DaosStatus.NONEXIST, () -> condFetch(e + 5, "a", "b", Cond.DKEY_FETCH));
    assertDer(DaosStatus.NONEXIST, () -> cond(e + 5, "a", "b", Cond.DKEY_UPDATE, "foo"));
    assertDer(DaosStatus.NONEXIST,
        () -> f.cont.punchAkeys(e + 5, OID, b("a"), List.of(b("b")), Cond.PUNCH));
    assertDer(DaosStatus.NONEXIST, () -> f.cont.punchDkeys(e + 6, OID, List.of(b("a")), Cond.PUNCH));
    cond(e + 7, "z", "a", Cond.DKEY_INSERT, "foo");
    condFetch(e + 8, "z", "a", Cond.AKEY_FETCH);
    assertDer(DaosStatus.NONEXIST, () -> condFetch(e + 8, "z", "nonexist", Cond.AKEY_FETCH));
    cond(e + 9, "z", "b", Cond.AKEY_INSERT, "new");
    assertDer(DaosStatus.EXIST, () -> cond(e + 10, "z", "b", Cond.AKEY_INSERT, "again"));
    cond(e + 10, "z", "b", Cond.AKEY_UPDATE, "upd");
    assertDer(DaosStatus.NONEXIST, () -> cond(e + 10, "z", "c", Cond.AKEY_UPDATE, "x"));
    f.cont.punchDkeys(e + 11, OID, List.of(b("z")), Cond.PUNCH);
    assertEquals("upd", f.svString(e + 10, OID, "z", "b"));
    assertNull(f.svString(e + 11, OID, "z", "b"));
  }

  @Test
  @DisplayName("VOS863: Multikey conditionals")
  void testMultipleKeyConditionals() {
    f.cont.update(10, OID, b("d"), List.of(Iod.single(b("a"), b("1"))), 0);
    List<Iod> iods = List.of(Iod.single(b("a"), b("2")).withFlags(Cond.AKEY_UPDATE),
        Iod.single(b("b"), b("3")).withFlags(Cond.AKEY_INSERT));
    f.cont.update(11, OID, b("d"), iods, Cond.PER_AKEY);
    assertEquals("2", f.svString(11, OID, "d", "a"));
    assertEquals("3", f.svString(11, OID, "d", "b"));
    assertDer(DaosStatus.EXIST, () -> f.cont.update(12, OID, b("d"), iods, Cond.PER_AKEY));
    assertEquals("3", f.svString(12, OID, "d", "b"), "a failed conditional update writes nothing");
  }

  @Test
  @DisplayName("VOS805: Simple punch model test")
  void punchModelTest() {
    f.putSv(10, OID, "d1", "a1", "x");
    f.putSv(10, OID, "d1", "a2", "y");
    f.putSv(10, OID, "d2", "a1", "z");
    f.cont.punchAkeys(20, OID, b("d1"), List.of(b("a1")), 0);
    assertNull(f.svString(20, OID, "d1", "a1"));
    assertEquals("y", f.svString(20, OID, "d1", "a2"));
    assertEquals(2, f.cont.listDkeys(20, OID, Anchor.ZERO, 10).items().size());
    f.cont.punchAkeys(30, OID, b("d1"), List.of(b("a2")), 0);
    assertEquals(1, f.cont.listDkeys(30, OID, Anchor.ZERO, 10).items().size(),
        "punching the last akey punches the dkey");
    assertEquals(2, f.cont.listDkeys(29, OID, Anchor.ZERO, 10).items().size());
    assertEquals(1, f.cont.listAkeys(25, OID, b("d1"), Anchor.ZERO, 10).items().size());
  }

  @Test
  @DisplayName("VOS808: Object punch and fetch")
  void objectPunchAndFetch() {
    f.putSv(10, OID, "d", "a", "old");
    f.cont.punchObject(20, OID, 0);
    assertNull(f.svString(20, OID, "d", "a"));
    assertEquals("old", f.svString(19, OID, "d", "a"));
    assertTrue(f.cont.listObjects(20, Anchor.ZERO, 10).items().isEmpty());
    assertEquals(1, f.cont.listObjects(15, Anchor.ZERO, 10).items().size());
    f.putSv(30, OID, "d2", "a", "new");
    assertNull(f.svString(30, OID, "d", "a"), "data older than the punch stays hidden after re-creation");
    assertEquals("new", f.svString(30, OID, "d2", "a"));
    assertDer(DaosStatus.NO_PERM, () -> f.putSv(20, OID, "d", "a", "same epoch as punch"));
  }
}
