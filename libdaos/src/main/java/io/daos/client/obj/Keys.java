package io.daos.client.obj;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Key encodings: uint64 keys are 8 bytes little-endian (DAOS's in-memory integer dkeys); strings are UTF-8. */
public final class Keys {
  private Keys() {
  }

  /** An integer dkey/akey for {@code DKEY_UINT64}/array objects. */
  public static byte[] u64(long v) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
  }

  /** Reads an integer key; shorter keys are zero-extended. */
  public static long u64(byte[] key) {
    byte[] b = new byte[8];
    System.arraycopy(key, 0, b, 0, Math.min(8, key.length));
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
