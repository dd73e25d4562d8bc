package io.daos.engine.rebuild;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.engine.vos.VersionRecord;
import io.daos.engine.vos.VersionRecord.Kind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link HistoryCodec}: a page's keys cross once, and every record decodes with its whole keys. */
class HistoryCodecTest {
  private static VersionRecord rec(Kind k, byte[] dkey, byte[] akey) {
    return new VersionRecord(k, 5, dkey, akey, 1, 0, 1, new byte[] {9}, false);
  }

  @Test
  void keysRepeatedAcrossRecordsAreSentOnceAndDecodedWhole() {
    byte[] d1 = new byte[1 << 20];
    Arrays.fill(d1, (byte) 'd');
    byte[] d2 = "d2".getBytes();
    byte[] a = new byte[4096];
    Arrays.fill(a, (byte) 'a');
    List<VersionRecord> page = List.of(rec(Kind.OBJ_PUNCH, null, null), rec(Kind.DKEY_PUNCH, d1, null),
        rec(Kind.SINGLE, d1, a), rec(Kind.SINGLE, d1, a), rec(Kind.AKEY_PUNCH, d1, a),
        rec(Kind.DKEY_PUNCH, d2, null), rec(Kind.SINGLE, d2, a), rec(Kind.ARRAY, d2, "b".getBytes()));
    List<io.daos.proto.rebuild.VersionRecord> wire = HistoryCodec.encode(page);
    long keyBytes = wire.stream().mapToLong(p -> p.getDkey().size() + p.getAkey().size()).sum();
    assertEquals(d1.length + d2.length + a.length + a.length + 1, keyBytes);
    List<VersionRecord> back = HistoryCodec.decode(wire);
    assertEquals(page.size(), back.size());
    for (int i = 0; i < page.size(); i++) {
      VersionRecord want = page.get(i);
      assertEquals(want.kind(), back.get(i).kind());
      assertArrayEquals(want.dkey() == null ? new byte[0] : want.dkey(), back.get(i).dkey(), "dkey of " + i);
      assertArrayEquals(want.akey() == null ? new byte[0] : want.akey(), back.get(i).akey(), "akey of " + i);
    }
    assertTrue(wire.get(3).getDkey().isEmpty() && wire.get(3).getAkey().isEmpty());
  }
}
