package io.daos.ffi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ISA-L binding on the installed {@code libisal.so.2}. Where it is missing, each test checks that the absence is
 * reported cleanly, or fails when {@code JDAOS_REQUIRE_ISAL=1} (CI installs libisal2 and sets it).
 */
class IsalTest {
  private boolean present;

  @BeforeEach
  void requireOrReportAbsence() {
    present = IsalEc.available();
    if (!present && "1".equals(System.getenv("JDAOS_REQUIRE_ISAL"))) {
      fail("JDAOS_REQUIRE_ISAL=1 but ISA-L did not load: " + Isal.loadError());
    }
  }

  @Test
  void absenceIsReportedNotThrown() {
    Isal.Loaded none = Isal.Holder.load("jdaos-no-such-library");
    assertNull(none.lib());
    assertTrue(none.error().contains("jdaos-no-such-library"), none.error());
    if (present) {
      assertNull(Isal.loadError());
    } else {
      assertNotNull(Isal.loadError());
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> IsalEc.mul(2, 3));
      assertTrue(e.getMessage().startsWith("ISA-L is not loaded"), e.getMessage());
    }
  }

  @Test
  void fieldIsIsalsPolynomial() {
    if (!present) {
      assertThrows(IllegalStateException.class, () -> IsalEc.inv(2));
      return;
    }
    assertEquals(0x1d, IsalEc.mul(0x80, 2), "x^8 = x^4 + x^3 + x^2 + 1 (0x11d)");
    assertEquals(0, IsalEc.mul(0, 0x57));
    for (int a = 1; a < 256; a++) {
      assertEquals(1, IsalEc.mul(a, IsalEc.inv(a)), "a * 1/a for a = " + a);
    }
  }

  @Test
  void cauchyMatrixIsIdentityOverInverses() {
    if (!present) {
      assertThrows(IllegalStateException.class, () -> IsalEc.cauchy1Matrix(6, 4));
      return;
    }
    byte[] a = IsalEc.cauchy1Matrix(6, 4);
    // Values of DAOS's EC_4P2 encode matrix (identity rows, then 1/(i ^ j) for rows i = 4, 5).
    int[] want = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 71, 167, 122, 186, 167, 71, 186, 122};
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], a[i] & 0xff, "entry " + i);
    }
  }

  @Test
  void invertGivesTheInverse() {
    if (!present) {
      assertThrows(IllegalStateException.class, () -> IsalEc.invert(new byte[4], 2));
      return;
    }
    int k = 4;
    byte[] a = IsalEc.cauchy1Matrix(k + 2, k);
    byte[] sub = new byte[k * k]; // rows 1, 3, 4, 5: two data rows lost
    int[] rows = {1, 3, 4, 5};
    for (int i = 0; i < k; i++) {
      System.arraycopy(a, rows[i] * k, sub, i * k, k);
    }
    byte[] copy = sub.clone();
    byte[] inv = IsalEc.invert(sub, k);
    assertArrayEquals(copy, sub, "input left unchanged");
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        int s = 0;
        for (int t = 0; t < k; t++) {
          s ^= IsalEc.mul(sub[i * k + t] & 0xff, inv[t * k + j] & 0xff);
        }
        assertEquals(i == j ? 1 : 0, s, "(A * A^-1)[" + i + "][" + j + "]");
      }
    }
    assertNull(IsalEc.invert(new byte[k * k], k), "zero matrix is singular");
  }

  @Test
  void encodeMatchesTheDotProductAtEachBuffersPosition() {
    if (!present) {
      assertThrows(IllegalStateException.class, () -> IsalEc.initTables(2, 1, new byte[2]));
      return;
    }
    int k = 3;
    int rows = 2;
    int len = 1000; // not a multiple of 32: ISA-L's tail path
    byte[] coef = {7, 1, (byte) 200, 13, 0, (byte) 255};
    ByteBuffer tables = IsalEc.initTables(k, rows, coef);
    ByteBuffer[] data = new ByteBuffer[k];
    Random rnd = new Random(1);
    for (int j = 0; j < k; j++) {
      data[j] = positioned(len, 5 + j);
      byte[] b = new byte[len];
      rnd.nextBytes(b);
      data[j].put(data[j].position(), b);
    }
    ByteBuffer[] coding = {positioned(len, 3), ByteBuffer.allocateDirect(len + 64).slice(64, len)};
    IsalEc.encode(len, k, rows, tables, data, coding);
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < len; i++) {
        int s = 0;
        for (int j = 0; j < k; j++) {
          s ^= IsalEc.mul(coef[r * k + j] & 0xff, data[j].get(data[j].position() + i) & 0xff);
        }
        assertEquals(s, coding[r].get(coding[r].position() + i) & 0xff, "row " + r + " byte " + i);
      }
    }
    assertEquals(3, coding[0].position(), "positions untouched");
  }

  @Test
  void updateAddsOneSourcesContribution() {
    if (!present) {
      assertThrows(IllegalStateException.class, () -> IsalEc.cauchy1Matrix(3, 2));
      return;
    }
    int k = 4;
    int p = 2;
    int len = 4096;
    byte[] m = IsalEc.cauchy1Matrix(k + p, k);
    ByteBuffer tables = IsalEc.initTables(k, p, java.util.Arrays.copyOfRange(m, k * k, m.length));
    ByteBuffer[] data = new ByteBuffer[k];
    Random rnd = new Random(2);
    for (int j = 0; j < k; j++) {
      byte[] b = new byte[len];
      rnd.nextBytes(b);
      data[j] = ByteBuffer.allocateDirect(len).put(b).flip();
    }
    ByteBuffer[] full = {ByteBuffer.allocateDirect(len), ByteBuffer.allocateDirect(len)};
    IsalEc.encode(len, k, p, tables, data, full);
    ByteBuffer[] summed = {ByteBuffer.allocateDirect(len), ByteBuffer.allocateDirect(len)}; // zeroed
    for (int j = 0; j < k; j++) {
      IsalEc.encodeUpdate(len, k, p, j, tables, data[j], summed);
    }
    assertEquals(full[0], summed[0]);
    assertEquals(full[1], summed[1]);
  }

  @Test
  void refusesBuffersItCannotUseSafely() {
    if (!present) {
      ByteBuffer[] cells = {ByteBuffer.allocateDirect(64), ByteBuffer.allocateDirect(64)};
      assertThrows(IllegalStateException.class,
          () -> IsalEc.encode(64, 2, 1, ByteBuffer.allocateDirect(64), cells, new ByteBuffer[] {cells[0]}));
      return;
    }
    ByteBuffer tables = IsalEc.initTables(2, 1, new byte[] {1, 1});
    ByteBuffer ok = ByteBuffer.allocateDirect(64);
    ByteBuffer[] data = {ok, ByteBuffer.allocateDirect(64)};
    assertThrows(IllegalArgumentException.class,
        () -> IsalEc.encode(64, 2, 1, tables, new ByteBuffer[] {ok, ByteBuffer.allocate(64)}, new ByteBuffer[] {ok}));
    assertThrows(IllegalArgumentException.class,
        () -> IsalEc.encode(64, 2, 1, tables, data, new ByteBuffer[] {ByteBuffer.allocateDirect(63)}));
    assertThrows(IllegalArgumentException.class,
        () -> IsalEc.encode(64, 2, 1, tables, data, new ByteBuffer[] {ok.asReadOnlyBuffer()}));
    assertThrows(IllegalArgumentException.class,
        () -> IsalEc.encode(64, 2, 2, tables, data, new ByteBuffer[] {ok, ok}));
    assertThrows(IllegalArgumentException.class,
        () -> IsalEc.encodeUpdate(64, 2, 1, 2, tables, ok, new ByteBuffer[] {ByteBuffer.allocateDirect(64)}));
  }

  /** A direct buffer whose {@code len} usable bytes start at position {@code pos}. */
  private static ByteBuffer positioned(int len, int pos) {
    return ByteBuffer.allocateDirect(len + pos).position(pos);
  }
}
