package io.daos.placement.ec;

/**
 * GF(2^8) as ISA-L computes it ({@code gf_mul}, {@code gf_inv}): polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11d),
 * generator 2, products through log and exp tables. {@link #row} is the 256-byte table of one coefficient's
 * products that the Java codec's inner loops index.
 */
final class Gf256 {
  static final int POLY = 0x11d;
  private static final int[] EXP = new int[510];
  private static final int[] LOG = new int[256];
  private static final byte[][] PRODUCTS = new byte[256][256];

  static {
    int x = 1;
    for (int i = 0; i < 255; i++) {
      EXP[i] = x;
      EXP[i + 255] = x;
      LOG[x] = i;
      x <<= 1;
      if (x > 0xff) {
        x ^= POLY;
      }
    }
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        PRODUCTS[a][b] = (byte) mul(a, b);
      }
    }
  }

  private Gf256() {}

  static int mul(int a, int b) {
    return a == 0 || b == 0 ? 0 : EXP[LOG[a] + LOG[b]];
  }

  /** The multiplicative inverse; 0 for 0, as ISA-L's {@code gf_inv}. */
  static int inv(int a) {
    return a == 0 ? 0 : EXP[255 - LOG[a]];
  }

  /** {@code row(c)[x] == mul(c, x)}; shared, never to be written. */
  static byte[] row(int c) {
    return PRODUCTS[c];
  }
}
