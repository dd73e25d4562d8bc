package io.daos.placement.ec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The field and matrices on their own, with values taken from ISA-L 2.30 (Debian libisal2). */
class Gf256Test {
  @Test
  void polynomialIs0x11d() {
    assertEquals(0x1d, Gf256.mul(0x80, 2));
    assertEquals(0, Gf256.mul(0, 0x57));
    assertEquals(0, Gf256.inv(0), "ISA-L's gf_inv(0)");
    for (int a = 1; a < 256; a++) {
      assertEquals(1, Gf256.mul(a, Gf256.inv(a)), "a * 1/a, a = " + a);
      for (int x = 0; x < 256; x++) {
        assertEquals(Gf256.mul(a, x), Gf256.row(a)[x] & 0xff);
      }
    }
  }

  @Test
  void multiplicationDistributesOverXor() {
    Random rnd = new Random(3);
    for (int i = 0; i < 10_000; i++) {
      int a = rnd.nextInt(256);
      int b = rnd.nextInt(256);
      int c = rnd.nextInt(256);
      assertEquals(Gf256.mul(a, b ^ c), Gf256.mul(a, b) ^ Gf256.mul(a, c));
      assertEquals(Gf256.mul(a, Gf256.mul(b, c)), Gf256.mul(Gf256.mul(a, b), c));
    }
  }

  @Test
  void ec4p2EncodeMatrixIsDaos() {
    // gf_gen_cauchy1_matrix(a, 6, 4) from libisal.so.2, as obj_ec_codec_init makes it for OC_EC_4P2*.
    int[] want = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 71, 167, 122, 186, 167, 71, 186, 122};
    byte[] a = GfMatrix.cauchy1(6, 4);
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], a[i] & 0xff, "entry " + i);
    }
  }

  @Test
  void inverseTimesMatrixIsIdentity() {
    for (Layout l : Layout.all().toList()) {
      byte[] m = GfMatrix.cauchy1(l.cells(), l.k());
      for (int[] lost : l.losses()) {
        DecodePlan plan = DecodePlan.of(m, l.k(), lost, GfMatrix::invert);
        byte[] b = new byte[l.k() * l.k()];
        for (int i = 0; i < l.k(); i++) {
          System.arraycopy(m, plan.survivors()[i] * l.k(), b, i * l.k(), l.k());
        }
        byte[] before = b.clone();
        assertArrayEquals(identity(l.k()), multiply(b, GfMatrix.invert(b, l.k()), l.k()));
        assertArrayEquals(before, b, "input left unchanged");
      }
    }
  }

  @Test
  void singularMatrixHasNoInverse() {
    assertNull(GfMatrix.invert(new byte[] {1, 2, 1, 2}, 2));
    assertNull(GfMatrix.invert(new byte[9], 3));
  }

  private static byte[] identity(int n) {
    byte[] id = new byte[n * n];
    for (int i = 0; i < n; i++) {
      id[i * n + i] = 1;
    }
    return id;
  }

  private static byte[] multiply(byte[] a, byte[] b, int n) {
    byte[] out = new byte[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int s = 0;
        for (int t = 0; t < n; t++) {
          s ^= Gf256.mul(a[i * n + t] & 0xff, b[t * n + j] & 0xff);
        }
        out[i * n + j] = (byte) s;
      }
    }
    return out;
  }
}
