package io.daos.engine.vos;

import static io.daos.engine.vos.VosFixture.ARRAY_OID;
import static io.daos.engine.vos.VosFixture.b;
import static io.daos.engine.vos.VosFixture.u64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Array values: newest-visible fragments, record punch, record size rules (evtree behaviour in DAOS). */
class VosArrayTest extends VosTestBase {
  private static final byte[] DKEY = u64(0);
  private static final byte[] AKEY = b("0");

  private void write(long epoch, long idx, String data) {
    f.cont.update(epoch, ARRAY_OID, DKEY,
        List.of(Iod.array(AKEY, 1, List.of(new Recx(idx, data.length())), b(data))), 0);
  }

  private String read(long epoch, long idx, long nr) {
    FetchedValue v = f.cont.fetch(epoch, ARRAY_OID, DKEY,
        List.of(Iod.fetchArray(AKEY, 0, List.of(new Recx(idx, nr)))), 0).get(0);
    return v.isEmpty() ? null : new String(v.data()).replace('\0', '_');
  }

  @Test
  @DisplayName("overlapping extents: newest visible fragment per index at each epoch")
  void overlap() {
    write(10, 0, "aaaaaaaa");
    write(20, 2, "bbbb");
    write(30, 5, "cccccc");
    assertEquals("aaaaaaaa___", read(10, 0, 11));
    assertEquals("aabbbbaa___", read(20, 0, 11));
    assertEquals("aabbbcccccc", read(30, 0, 11));
    assertEquals("bbcc", read(30, 3, 4));
    List<RecxEntry> recx = new ArrayList<>();
    for (Anchor a = Anchor.ZERO; !a.eof(); ) {
      EnumPage<RecxEntry> p = f.cont.listRecx(30, ARRAY_OID, DKEY, AKEY, a, 2);
      recx.addAll(p.items());
      a = p.anchor();
    }
    assertEquals(List.of(new RecxEntry(new Recx(0, 2), 10, 1), new RecxEntry(new Recx(2, 3), 20, 1),
        new RecxEntry(new Recx(5, 6), 30, 1)), recx);
  }

  @Test
  @DisplayName("VOS813: Minor epoch punch array (record punch with iod_size 0)")
  void recordPunch() {
    write(10, 0, "abcdef");
    f.cont.update(20, ARRAY_OID, DKEY, List.of(Iod.array(AKEY, 0, List.of(new Recx(2, 2)), null)), 0);
    assertEquals("ab__ef", read(20, 0, 6));
    assertEquals("abcdef", read(19, 0, 6));
    assertEquals(null, read(20, 2, 2));
  }

  @Test
  @DisplayName("record size mismatch on update and fetch is DER_INVAL")
  void recordSizeMismatch() {
    write(10, 0, "abcd");
    DaosException e = assertThrows(DaosException.class, () -> f.cont.update(11, ARRAY_OID, DKEY,
        List.of(Iod.array(AKEY, 2, List.of(new Recx(0, 1)), b("xy"))), 0));
    assertEquals(DaosStatus.INVAL, e.status());
    e = assertThrows(DaosException.class, () -> f.cont.fetch(11, ARRAY_OID, DKEY,
        List.of(Iod.fetchArray(AKEY, 4, List.of(new Recx(0, 1)))), 0));
    assertEquals(DaosStatus.INVAL, e.status());
    e = assertThrows(DaosException.class, () -> f.cont.update(11, ARRAY_OID, DKEY,
        List.of(Iod.single(AKEY, b("sv"))), 0));
    assertEquals(DaosStatus.INVAL, e.status(), "an akey keeps one value type");
  }

  @Test
  @DisplayName("multi-recx update and fetch with 8-byte records")
  void multiRecx() {
    byte[] data = VosFixture.random(5 * 8, 1);
    f.cont.update(10, ARRAY_OID, DKEY,
        List.of(Iod.array(AKEY, 8, List.of(new Recx(100, 2), new Recx(200, 3)), data)), 0);
    FetchedValue v = f.cont.fetch(10, ARRAY_OID, DKEY,
        List.of(Iod.fetchArray(AKEY, 8, List.of(new Recx(200, 3), new Recx(100, 2)))), 0).get(0);
    byte[] want = new byte[40];
    System.arraycopy(data, 16, want, 0, 24);
    System.arraycopy(data, 0, want, 24, 16);
    assertArrayEquals(want, v.data());
    assertEquals(8, v.recordSize());
  }
}
