package io.daos.engine.vos;

import static io.daos.engine.vos.VosFixture.OID;
import static io.daos.engine.vos.VosFixture.b;
import static io.daos.engine.vos.VosFixture.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.tree.VosObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Cases named after DAOS src/vos/tests/vts_io.c. */
class VosIoTest extends VosTestBase {
  @Test
  @DisplayName("VOS203: Simple update/fetch/verify test")
  void ioSimpleOneKey() {
    f.putSv(10, OID, "dkey", "akey", "hello");
    FetchedValue v = f.getSv(10, OID, "dkey", "akey");
    assertEquals(5, v.recordSize());
    assertEquals("hello", s(v.data()));
  }

  @Test
  @DisplayName("VOS204: Simple Punch test")
  void ioSimplePunch() {
    f.putSv(10, OID, "d", "a", "v1");
    f.cont.punchAkeys(20, OID, b("d"), List.of(b("a")), 0);
    assertNull(f.svString(20, OID, "d", "a"));
    assertNull(f.svString(25, OID, "d", "a"));
    assertEquals("v1", f.svString(19, OID, "d", "a"));
    f.putSv(30, OID, "d", "a", "v2");
    assertEquals("v2", f.svString(30, OID, "d", "a"));
    assertNull(f.svString(29, OID, "d", "a"));
  }

  @Test
  @DisplayName("VOS205: Simple near-epoch retrieval test")
  void ioSimpleNearEpoch() {
    f.putSv(100, OID, "d", "a", "at100");
    f.putSv(200, OID, "d", "a", "at200");
    assertNull(f.svString(99, OID, "d", "a"));
    assertEquals("at100", f.svString(150, OID, "d", "a"));
    assertEquals("at200", f.svString(200, OID, "d", "a"));
    assertEquals("at200", f.svString(-1, OID, "d", "a"), "DAOS_EPOCH_MAX reads the latest");
  }

  @Test
  @DisplayName("VOS208: Extent hole test")
  void ioFetchHole() {
    f.cont.update(10, OID, b("d"), List.of(Iod.array(b("a"), 1, List.of(new Recx(0, 4)), b("abcd"))), 0);
    f.cont.update(11, OID, b("d"), List.of(Iod.array(b("a"), 1, List.of(new Recx(8, 2)), b("ij"))), 0);
    FetchedValue v = f.cont.fetch(11, OID, b("d"), List.of(Iod.fetchArray(b("a"), 0, List.of(new Recx(0, 10)))), 0)
        .get(0);
    assertEquals(1, v.recordSize());
    assertArrayEquals(new byte[] {'a', 'b', 'c', 'd', 0, 0, 0, 0, 'i', 'j'}, v.data());
    assertEquals(List.of(new Recx(0, 4), new Recx(8, 2)), v.extents());
    FetchedValue hole = f.cont.fetch(11, OID, b("d"), List.of(Iod.fetchArray(b("a"), 0, List.of(new Recx(4, 4)))), 0)
        .get(0);
    assertEquals(0, hole.recordSize(), "all-hole fetch reports iod_size 0 as DAOS does");
    assertEquals(0, hole.data().length);
  }

  @Test
  @DisplayName("VOS222: overwrite test")
  void ioIdxOverwrite() {
    f.putSv(10, OID, "d", "a", "first");
    f.putSv(10, OID, "d", "a", "second");
    assertEquals("second", f.svString(10, OID, "d", "a"));
  }

  @Test
  @DisplayName("VOS240.1: KV Iter tests with anchor (for dkey)")
  void ioIterTestWithAnchor() {
    int n = 250;
    for (int i = 0; i < n; i++) {
      f.putSv(10 + i, OID, String.format("dkey-%04d", i), "a", "v" + i);
    }
    f.cont.punchDkeys(1000, OID, List.of(b("dkey-0007")), 0);
    List<String> seen = new ArrayList<>();
    Anchor anchor = Anchor.ZERO;
    int pages = 0;
    while (!anchor.eof()) {
      EnumPage<byte[]> page = f.cont.listDkeys(2000, OID, anchor, 32);
      assertTrue(page.items().size() <= 32);
      page.items().forEach(k -> seen.add(s(k)));
      anchor = page.anchor();
      pages++;
    }
    assertEquals(n - 1, seen.size());
    assertTrue(pages >= 8);
    assertEquals("dkey-0000", seen.get(0));
    assertTrue(!seen.contains("dkey-0007"));
    assertEquals(100, countDkeys(10 + 99), "at an older epoch only the dkeys written by then are visible");
  }

  private int countDkeys(long epoch) {
    int c = 0;
    for (Anchor a = Anchor.ZERO; !a.eof(); ) {
      EnumPage<byte[]> p = f.cont.listDkeys(epoch, OID, a, 7);
      c += p.items().size();
      a = p.anchor();
    }
    return c;
  }

  @Test
  @DisplayName("VOS245.1: Object iter test with anchor (for oid)")
  void oidIterTestWithAnchor() {
    for (int i = 0; i < 40; i++) {
      f.putSv(10, VosObjectId.of(0, 0, i), "d", "a", "x");
    }
    List<VosObjectId> all = new ArrayList<>();
    for (Anchor a = Anchor.ZERO; !a.eof(); ) {
      EnumPage<VosObjectId> p = f.cont.listObjects(10, a, 16);
      all.addAll(p.items());
      a = p.anchor();
    }
    assertEquals(40, all.size());
    assertEquals(VosObjectId.of(0, 0, 39), all.get(39));
  }

  @Test
  @DisplayName("VOS280: Same Obj ID on two containers (obj_cache test)")
  void ioSimpleOneKeyCrossContainer() {
    VosContainer other = f.pool.createContainer(UUID.randomUUID());
    f.putSv(10, OID, "d", "a", "one");
    other.update(10, OID, b("d"), List.of(Iod.single(b("a"), b("two"))), 0);
    assertEquals("one", f.svString(10, OID, "d", "a"));
    assertEquals("two", s(other.fetch(10, OID, b("d"), List.of(Iod.fetchSingle(b("a"))), 0).get(0).data()));
  }

  @Test
  @DisplayName("VOS281.0: Fetch from non existent object")
  void ioFetchNoExistObject() {
    assertTrue(f.getSv(10, VosObjectId.of(0, 9, 9), "d", "a").isEmpty());
  }

  @Test
  @DisplayName("VOS282.0: Fetch from non existent dkey")
  void ioFetchNoExistDkey() {
    f.putSv(10, OID, "d", "a", "x");
    assertTrue(f.getSv(10, OID, "other", "a").isEmpty());
  }

  @Test
  @DisplayName("VOS282.2: Accessing pool, container with same UUID")
  void poolContSameUuid() {
    UUID u = UUID.randomUUID();
    f.pool.createContainer(u);
    DaosException e = assertThrows(DaosException.class, () -> f.pool.createContainer(u));
    assertEquals(DaosStatus.EXIST, e.status());
    f.pool.destroyContainer(u);
    assertEquals(DaosStatus.NONEXIST, assertThrows(DaosException.class, () -> f.pool.openContainer(u)).status());
  }
}
