package io.daos.perf;

/**
 * The bytes {@code daos_perf} writes for key {@code k}: a fixed pattern with {@code k} stamped (8 bytes, little
 * endian) at the start and at the end, so that a read can check cheaply that it got the right key's value.
 */
final class Payload {
  private Payload() {
  }

  /** Fills {@code buf} with the pattern (once per buffer). */
  static void pattern(byte[] buf) {
    for (int j = 0; j < buf.length; j++) {
      buf[j] = pattern(j);
    }
  }

  /** Stamps key {@code k} into a buffer already holding the pattern. */
  static void stamp(byte[] buf, long k) {
    stamp(java.nio.ByteBuffer.wrap(buf), k);
  }

  /** Stamps key {@code k} into a buffer already holding the pattern (absolute: its position is not moved). */
  static void stamp(java.nio.ByteBuffer buf, long k) {
    int size = buf.limit();
    java.nio.ByteBuffer le = buf.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    if (size >= 8) {
      le.putLong(0, k);
    }
    if (size >= 16) {
      le.putLong(size - 8, k);
    }
  }

  /** A fresh value for key {@code k}. */
  static byte[] value(int size, long k) {
    byte[] b = new byte[size];
    pattern(b);
    stamp(b, k);
    return b;
  }

  /**
   * Checks a sample of {@code got} against key {@code k}'s value of {@code size} bytes: the length, both stamps,
   * the middle byte and one byte chosen by the key. Returns null when it matches, else what is wrong.
   */
  static String check(byte[] got, int size, long k) {
    if (got == null) {
      return "key " + k + " is missing";
    }
    if (got.length != size) {
      return "key " + k + " read " + got.length + " bytes, wrote " + size;
    }
    for (int j : samples(size, k)) {
      for (int i = Math.max(0, j); i < Math.min(size, j + 8); i++) {
        if (got[i] != expected(size, k, i)) {
          return "key " + k + " byte " + i + " is " + got[i] + ", wrote " + expected(size, k, i);
        }
      }
    }
    return null;
  }

  /** Makes every byte {@link #check} samples for key {@code k} differ from key {@code k}'s value. */
  static void spoil(byte[] buf, long k) {
    int size = buf.length;
    for (int j : samples(size, k)) {
      for (int i = Math.max(0, j); i < Math.min(size, j + 8); i++) {
        buf[i] = (byte) ~expected(size, k, i);
      }
    }
  }

  private static int[] samples(int size, long k) {
    return new int[] {0, size - 8, size / 2, (int) Math.floorMod(k * 2_654_435_761L, (long) size)};
  }

  private static byte expected(int size, long k, int i) {
    if (size >= 8 && i < 8) {
      return (byte) (k >>> (8 * i));
    }
    if (size >= 16 && i >= size - 8) {
      return (byte) (k >>> (8 * (i - (size - 8))));
    }
    return pattern(i);
  }

  private static byte pattern(int j) {
    return (byte) (j * 131 + 7);
  }
}
