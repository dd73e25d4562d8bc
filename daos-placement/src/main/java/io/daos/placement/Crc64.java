package io.daos.placement;

import io.daos.placement.object.ObjectId;

/**
 * CRC-64 over the ECMA-182 polynomial, bit-reflected, with ISA-L's {@code crc64_ecma_refl(seed, buf, len)}
 * convention (seed and result inverted, so seed 0 gives CRC-64/XZ), and the jump map's {@code jm_crc} mixing.
 */
public final class Crc64 {
  /** {@code jm_crc} seed. */
  static final long JM_SEED = 0xbabecafeL;
  /** Third word of the v2 OID hash ({@code jm_oid_hash}). */
  static final long OID_SALT = 0xbabefaceL;
  /** Third word of the rebuild key used for remapping ({@code obj_remap_shards}). */
  static final long REBUILD_SALT = 0xDead2BadL;

  private static final long POLY_REFLECTED = 0xC96C5795D7870F42L;
  private static final long[] TABLE = table();

  private Crc64() {
  }

  /** {@code crc64_ecma_refl(seed, buf, len)}. */
  public static long ecmaRefl(long seed, byte[] buf) {
    long crc = ~seed;
    for (byte b : buf) {
      crc = TABLE[(int) ((crc ^ b) & 0xff)] ^ (crc >>> 8);
    }
    return ~crc;
  }

  /** {@code jm_crc(a, b, c)}: CRC of the three words laid out little-endian, seed 0xbabecafe. */
  public static long jmCrc(long a, long b, long c) {
    byte[] data = new byte[24];
    putLe(data, 0, a);
    putLe(data, 8, b);
    putLe(data, 16, c);
    return ecmaRefl(JM_SEED, data);
  }

  /** {@code jm_oid_hash} for layout version 2: the per-object key the jump map starts from. */
  public static long oidHash(ObjectId oid) {
    return jmCrc(oid.hi(), oid.lo(), OID_SALT);
  }

  private static void putLe(byte[] b, int off, long v) {
    for (int i = 0; i < 8; i++) {
      b[off + i] = (byte) (v >>> (8 * i));
    }
  }

  private static long[] table() {
    long[] t = new long[256];
    for (int n = 0; n < 256; n++) {
      long c = n;
      for (int k = 0; k < 8; k++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ POLY_REFLECTED : c >>> 1;
      }
      t[n] = c;
    }
    return t;
  }
}
