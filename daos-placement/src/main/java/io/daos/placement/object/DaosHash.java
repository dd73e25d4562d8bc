package io.daos.placement.object;

/**
 * The hash functions DAOS uses to place data: gurt's 64-bit MurmurHash (MurmurHash64A) and Lamping–Veach jump
 * consistent hash, both exactly as {@code src/gurt/hash.c} computes them on a little-endian host.
 */
public final class DaosHash {
  /** Seed of the dkey hash ({@code obj_dkey2hash}). */
  public static final int DKEY_SEED = 5731;

  private static final long MUR_PRIME = 0xc6a4a7935bd1e995L;
  private static final int MUR_ROTATE = 47;
  private static final long JUMP_MULTIPLIER = 2862933555777941757L;

  private DaosHash() {
  }

  /** {@code d_hash_murmur64}: 8-byte little-endian words, then the 1–7 byte tail. */
  public static long murmur64(byte[] key, int seed) {
    int len = key.length;
    long mur = Integer.toUnsignedLong(seed) ^ (Integer.toUnsignedLong(len) * MUR_PRIME);
    int words = len >>> 3;
    for (int i = 0; i < words; i++) {
      long k = littleEndian(key, i << 3, 8) * MUR_PRIME;
      k ^= k >>> MUR_ROTATE;
      k *= MUR_PRIME;
      mur ^= k;
      mur *= MUR_PRIME;
    }
    int rest = len & 7;
    if (rest != 0) {
      mur ^= littleEndian(key, words << 3, rest);
      mur *= MUR_PRIME;
    }
    mur ^= mur >>> MUR_ROTATE;
    mur *= MUR_PRIME;
    mur ^= mur >>> MUR_ROTATE;
    return mur;
  }

  /** {@code d_hash_jump}: the bucket in [0, buckets) for {@code key}; buckets is an unsigned 32-bit count. */
  public static int jump(long key, int buckets) {
    if (buckets <= 0) {
      throw new IllegalArgumentException("jump hash needs at least one bucket, got " + buckets);
    }
    long z = -1;
    long y = 0;
    while (y < buckets) {
      z = y;
      key = key * JUMP_MULTIPLIER + 1;
      y = (long) ((z + 1) * ((double) (1L << 31) / (double) ((key >>> 33) + 1)));
    }
    return (int) z;
  }

  /** Reads {@code n} (≤ 8) bytes at {@code off} as a little-endian unsigned integer. */
  static long littleEndian(byte[] b, int off, int n) {
    long v = 0;
    for (int i = n - 1; i >= 0; i--) {
      v = (v << 8) | (b[off + i] & 0xffL);
    }
    return v;
  }
}
