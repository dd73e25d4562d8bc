package io.daos.engine.vos;

import static io.daos.engine.vos.VosFixture.OID;
import static io.daos.engine.vos.VosFixture.b;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.store.GroupCommit;
import io.daos.engine.vos.tree.VosObjectId;
import io.daos.placement.Cond;
import io.daos.placement.object.DaosHash;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dkeys and akeys from 1 byte to 1 MiB (DAOS {@code daos_obj.c} io_var_dkey_size / io_var_akey_size, and what its VOS
 * does with keys too long to embed): keys up to 486 bytes are inline index keys, longer ones are indexed by prefix
 * and hash; every reader gets the whole key back.
 */
class VosKeySizeTest extends VosTestBase {
  static final int[] SIZES = {1, 486, 487, 4096, 64 << 10, 1 << 20};
  static final byte[] DATA = b("data");

  static Stream<Integer> sizes() {
    return Arrays.stream(SIZES).boxed();
  }

  /** A key of {@code size} bytes: {@code c} repeated, and its last byte {@code last}. */
  static byte[] key(int size, char c, char last) {
    byte[] k = new byte[size];
    Arrays.fill(k, (byte) c);
    k[size - 1] = (byte) last;
    return k;
  }

  private List<byte[]> allDkeys(VosObjectId oid, int max, int maxBytes) {
    List<byte[]> out = new ArrayList<>();
    for (Anchor a = Anchor.ZERO; !a.eof(); ) {
      EnumPage<byte[]> p = f.cont.listDkeys(Long.MAX_VALUE, oid, a, max, maxBytes);
      assertTrue(p.items().size() <= max);
      out.addAll(p.items());
      a = p.anchor();
    }
    return out;
  }

  private List<byte[]> allAkeys(VosObjectId oid, byte[] dkey, int max, int maxBytes) {
    List<byte[]> out = new ArrayList<>();
    for (Anchor a = Anchor.ZERO; !a.eof(); ) {
      EnumPage<byte[]> p = f.cont.listAkeys(Long.MAX_VALUE, oid, dkey, a, max, maxBytes);
      out.addAll(p.items());
      a = p.anchor();
    }
    return out;
  }

  private static void assertSameKeys(List<byte[]> want, List<byte[]> got) {
    assertEquals(want.size(), got.size(), "key count");
    for (byte[] w : want) {
      assertTrue(got.stream().anyMatch(g -> Arrays.equals(g, w)), "missing a key of " + w.length + " bytes");
    }
  }

  private String sv(long epoch, byte[] dkey, byte[] akey) {
    FetchedValue v = f.cont.fetch(epoch, OID, dkey, List.of(Iod.fetchSingle(akey)), 0).get(0);
    return v.isEmpty() ? null : VosFixture.s(v.data());
  }

  @Test
  void io_var_dkey_size() {
    List<byte[]> dkeys = new ArrayList<>();
    for (int size : SIZES) {
      byte[] dkey = key(size, 'a', 'b');
      f.cont.update(1, OID, dkey, List.of(Iod.single(b("var_dkey_size_a"), DATA)), 0);
      assertEquals("data", sv(1, dkey, b("var_dkey_size_a")), "dkey of " + size + " bytes");
      dkeys.add(dkey);
    }
    for (int[] page : new int[][] {{1000, Integer.MAX_VALUE}, {1, Integer.MAX_VALUE}, {2, 600}, {1000, 1}}) {
      assertSameKeys(dkeys, allDkeys(OID, page[0], page[1]));
    }
  }

  @Test
  void io_var_akey_size() {
    List<byte[]> akeys = new ArrayList<>();
    byte[] dkey = b("var_akey_size_d");
    for (int size : SIZES) {
      byte[] akey = key(size, 'a', 'b');
      f.cont.update(1, OID, dkey, List.of(Iod.single(akey, DATA)), 0);
      assertEquals("data", sv(1, dkey, akey), "akey of " + size + " bytes");
      akeys.add(akey);
    }
    for (int[] page : new int[][] {{1000, Integer.MAX_VALUE}, {1, Integer.MAX_VALUE}, {3, 5000}, {1000, 1}}) {
      assertSameKeys(akeys, allAkeys(OID, dkey, page[0], page[1]));
    }
  }

  @ParameterizedTest(name = "{0} bytes")
  @MethodSource("sizes")
  @DisplayName("single values and arrays under a dkey and akeys of this size: fetch, list, query, punch, history")
  void keysOfSize(int size) {
    byte[] dkey = key(size, 'd', 'k');
    byte[] sv = key(size, 'a', 's');
    byte[] arr = key(size, 'a', 'r');
    byte[] cells = new byte[8 * 4];
    Arrays.fill(cells, (byte) 7);
    f.cont.update(5, OID, dkey, List.of(Iod.single(sv, DATA), Iod.array(arr, 8, List.of(new Recx(10, 4)), cells)), 0);
    f.cont.update(6, OID, dkey, List.of(Iod.array(arr, 8, List.of(new Recx(100, 1)), new byte[8])), 0);
    assertEquals("data", sv(6, dkey, sv));
    FetchedValue a = f.cont.fetch(6, OID, dkey, List.of(Iod.fetchArray(arr, 8, List.of(new Recx(10, 4)))), 0).get(0);
    assertArrayEquals(cells, a.data());
    assertSameKeys(List.of(dkey), allDkeys(OID, 1, 1));
    assertSameKeys(List.of(sv, arr), allAkeys(OID, dkey, 1, Integer.MAX_VALUE));
    KeyQuery q = f.cont.queryKey(6, OID, KeyQuery.GET_MAX | KeyQuery.GET_RECX, dkey, arr);
    assertEquals(new Recx(100, 1), q.recx());
    EnumPage<RecxEntry> recx = f.cont.listRecx(6, OID, dkey, arr, Anchor.ZERO, 10);
    assertEquals(2, recx.items().size());
    assertHistoryKeys(dkey, sv, arr);

    f.cont.punchAkeys(7, OID, dkey, List.of(sv), 0);
    assertEquals(null, sv(7, dkey, sv));
    assertEquals("data", sv(6, dkey, sv), "the punch does not reach back");
    assertSameKeys(List.of(arr), allAkeys(OID, dkey, 1, 1));
    f.cont.punchDkeys(8, OID, List.of(dkey), 0);
    assertEquals(List.of(), allDkeys(OID, 10, Integer.MAX_VALUE));
    assertDer(DaosStatus.NONEXIST, () -> f.cont.punchDkeys(9, OID, List.of(dkey), Cond.PUNCH));
  }

  private void assertHistoryKeys(byte[] dkey, byte[] sv, byte[] arr) {
    List<VersionRecord> recs = new ArrayList<>();
    for (Anchor a = Anchor.ZERO; !a.eof(); ) {
      EnumPage<VersionRecord> p = f.cont.history(OID, a, 1);
      recs.addAll(p.items());
      a = p.anchor();
    }
    assertEquals(3, recs.size(), "one single value and two extents");
    for (VersionRecord r : recs) {
      assertArrayEquals(dkey, r.dkey());
      assertTrue(Arrays.equals(sv, r.akey()) || Arrays.equals(arr, r.akey()));
    }
  }

  @Test
  @DisplayName("conditional updates and fetches find long keys")
  void conditionalsOnLongKeys() {
    byte[] dkey = key(5000, 'd', '1');
    byte[] akey = key(700, 'a', '1');
    f.cont.update(1, OID, dkey, List.of(Iod.single(akey, DATA)), Cond.DKEY_INSERT);
    assertDer(DaosStatus.EXIST, () -> f.cont.update(2, OID, dkey, List.of(Iod.single(akey, DATA)), Cond.DKEY_INSERT));
    assertDer(DaosStatus.EXIST, () -> f.cont.update(2, OID, dkey, List.of(Iod.single(akey, DATA)), Cond.AKEY_INSERT));
    f.cont.update(2, OID, dkey, List.of(Iod.single(akey, b("new"))), Cond.AKEY_UPDATE);
    byte[] other = key(700, 'a', '2');
    assertDer(DaosStatus.NONEXIST, () -> f.cont.update(3, OID, dkey, List.of(Iod.single(other, DATA)),
        Cond.AKEY_UPDATE));
    assertDer(DaosStatus.NONEXIST, () -> f.cont.fetch(3, OID, key(5000, 'd', '2'),
        List.of(Iod.fetchSingle(akey)), Cond.DKEY_FETCH));
    assertEquals("new", sv(3, dkey, akey));
  }

  @Test
  @DisplayName("an aborted DTX discards what it wrote under long keys")
  void dtxAbortWithLongKeys() {
    byte[] id = new byte[24];
    id[0] = 3;
    byte[] dkey = key(3000, 'd', 'x');
    byte[] akey = key(2000, 'a', 'x');
    f.cont.update(10, OID, dkey, List.of(Iod.single(akey, b("old"))), 0);
    GroupCommit.commitPending();
    f.cont.submitUpdate(20, OID, dkey, List.of(Iod.single(akey, b("new"))), 0,
        new VosContainer.DtxRecord(id, new byte[] {1}));
    GroupCommit.commitPending();
    assertEquals("new", sv(30, dkey, akey));
    f.cont.submitDtxAbort(id, OID, 20);
    GroupCommit.commitPending();
    assertEquals("old", sv(30, dkey, akey));
  }

  @Test
  @DisplayName("order: inline keys bytewise, a long key where its first 476 bytes put it")
  void longKeysSortByTheirPrefix() {
    byte[] a = key(10, 'a', 'a');
    byte[] b = key(100_000, 'b', 'b');
    byte[] c = key(486, 'c', 'c');
    for (byte[] k : List.of(c, b, a)) {
      f.cont.update(1, OID, k, List.of(Iod.single(b("x"), DATA)), 0);
    }
    List<byte[]> got = allDkeys(OID, 1, Integer.MAX_VALUE);
    assertArrayEquals(a, got.get(0));
    assertArrayEquals(b, got.get(1));
    assertArrayEquals(c, got.get(2));
  }

  @Test
  @DisplayName("an inline akey spelling a long akey's index key: both are written, read and listed")
  void inlineKeySpellsLongKeysSlot() {
    byte[] dkey = b("d");
    byte[] lng = key(1000, 'q', 'z');
    byte[] squatter = ByteBuffer.allocate(486).put(lng, 0, 476).putLong(DaosHash.murmur64(lng, 0xC0FFEE))
        .putShort((short) 0).array();
    f.cont.update(1, OID, dkey, List.of(Iod.single(lng, b("long"))), 0);
    f.cont.update(2, OID, dkey, List.of(Iod.single(squatter, b("inline")), Iod.single(lng, b("long2"))), 0);
    assertEquals("long", sv(1, dkey, lng));
    assertEquals("long2", sv(2, dkey, lng));
    assertEquals("inline", sv(2, dkey, squatter));
    assertSameKeys(List.of(lng, squatter), allAkeys(OID, dkey, 1, Integer.MAX_VALUE));
  }

  @Test
  @DisplayName("many long keys sharing a prefix, listed in pages of one: each exactly once")
  void manyLongKeysInPages() {
    List<byte[]> keys = IntStream.range(0, 50).mapToObj(i -> key(600 + i, 'p', (char) ('A' + i))).toList();
    for (byte[] k : keys) {
      f.cont.update(1, OID, k, List.of(Iod.single(b("x"), DATA)), 0);
    }
    assertSameKeys(keys, allDkeys(OID, 1, Integer.MAX_VALUE));
    assertSameKeys(keys, allDkeys(OID, 7, 2000));
  }

  private static void assertDer(DaosStatus want, org.junit.jupiter.api.function.Executable op) {
    assertEquals(want, assertThrows(DaosException.class, op).status());
  }
}
