package io.daos.placement.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.placement.Crc64;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DaosHashTest {
  private static final BigInteger MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /** d_hash_murmur64 transcribed literally (unsigned 64-bit arithmetic via BigInteger, LE words). */
  private static long referenceMurmur(byte[] key, long seed) {
    BigInteger prime = new BigInteger("c6a4a7935bd1e995", 16);
    BigInteger mur = BigInteger.valueOf(seed).xor(BigInteger.valueOf(key.length).multiply(prime).and(MASK));
    ByteBuffer bb = ByteBuffer.wrap(key).order(ByteOrder.LITTLE_ENDIAN);
    int loop = key.length / 8;
    for (int i = 0; i < loop; i++) {
      BigInteger k = new BigInteger(Long.toUnsignedString(bb.getLong(i * 8)));
      k = k.multiply(prime).and(MASK);
      k = k.xor(k.shiftRight(47));
      k = k.multiply(prime).and(MASK);
      mur = mur.xor(k).multiply(prime).and(MASK);
    }
    int rest = key.length % 8;
    if (rest > 0) {
      for (int i = rest - 1; i >= 0; i--) {
        mur = mur.xor(BigInteger.valueOf(key[loop * 8 + i] & 0xff).shiftLeft(8 * i));
      }
      mur = mur.multiply(prime).and(MASK);
    }
    mur = mur.xor(mur.shiftRight(47));
    mur = mur.multiply(prime).and(MASK);
    mur = mur.xor(mur.shiftRight(47));
    return mur.longValue();
  }

  /** d_hash_jump transcribed literally. */
  private static long referenceJump(long key, long buckets) {
    BigInteger k = new BigInteger(Long.toUnsignedString(key));
    BigInteger mul = new BigInteger("2862933555777941757");
    long z = -1;
    long y = 0;
    while (y < buckets) {
      z = y;
      k = k.multiply(mul).add(BigInteger.ONE).and(MASK);
      double denom = k.shiftRight(33).add(BigInteger.ONE).doubleValue();
      y = (long) ((z + 1) * ((double) (1L << 31) / denom));
    }
    return z;
  }

  @Test
  void murmurMatchesReferenceForAllTailLengths() {
    Random rnd = new Random(5731);
    for (int len = 0; len < 40; len++) {
      byte[] key = new byte[len];
      rnd.nextBytes(key);
      assertEquals(referenceMurmur(key, DaosHash.DKEY_SEED), DaosHash.murmur64(key, DaosHash.DKEY_SEED), "len " + len);
      assertEquals(referenceMurmur(key, 0), DaosHash.murmur64(key, 0), "len " + len);
    }
  }

  @Test
  void murmurOfEmptyKeyWithSeedZeroIsZero() {
    assertEquals(0L, DaosHash.murmur64(new byte[0], 0));
  }

  @Test
  void jumpMatchesReference() {
    Random rnd = new Random(42);
    for (int i = 0; i < 2000; i++) {
      long key = rnd.nextLong();
      int buckets = 1 + rnd.nextInt(100000);
      assertEquals(referenceJump(key, buckets), DaosHash.jump(key, buckets));
    }
  }

  @Test
  void jumpIsConsistentWhenBucketsGrow() {
    Random rnd = new Random(7);
    for (int i = 0; i < 500; i++) {
      long key = rnd.nextLong();
      int prev = DaosHash.jump(key, 1);
      assertEquals(0, prev);
      for (int n = 2; n < 200; n++) {
        int b = DaosHash.jump(key, n);
        assertTrue(b == prev || b == n - 1, "key moves only to the new bucket");
        prev = b;
      }
    }
  }

  @Test
  void crc64WithSeedZeroIsCrc64Xz() {
    // CRC-64/XZ check value (reveng catalogue)
    assertEquals(0x995DC9BBDF1939FAL, Crc64.ecmaRefl(0, "123456789".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void jmCrcHashesThreeLittleEndianWords() {
    ByteBuffer bb = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    bb.putLong(1).putLong(-2).putLong(0xbabefaceL);
    assertEquals(Crc64.ecmaRefl(0xbabecafeL, bb.array()), Crc64.jmCrc(1, -2, 0xbabefaceL));
  }

  @Test
  void uint64DkeyHashIsTheIntegerItself() {
    ObjectId array = ObjectId.byClass(1, 0, ObjectType.ARRAY_BYTE, ObjectClass.SX);
    byte[] dkey = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(12345).array();
    assertEquals(12345L, DkeyHash.hash(array, dkey));
    ObjectId kv = ObjectId.byClass(1, 0, ObjectType.MULTI_HASHED, ObjectClass.SX);
    assertEquals(DaosHash.murmur64(dkey, 5731), DkeyHash.hash(kv, dkey));
    assertEquals(0L, DkeyHash.hash(kv, null));
  }
}
