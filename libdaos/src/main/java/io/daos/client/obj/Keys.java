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

  /** How an error names a key: printable ASCII in quotes, else hex; long keys cut, with their length. */
  public static String describe(byte[] key) {
    boolean text = true;
    for (byte b : key) {
      text &= b >= 0x20 && b < 0x7f;
    }
    int shown = Math.min(key.length, text ? 48 : 16);
    StringBuilder sb = new StringBuilder(text ? "\"" : "0x");
    for (int i = 0; i < shown; i++) {
      sb.append(text ? String.valueOf((char) key[i]) : String.format("%02x", key[i]));
    }
    sb.append(shown < key.length ? "..." : "").append(text ? "\"" : "");
    return shown < key.length ? sb + " (" + key.length + " bytes)" : sb.toString();
  }
}
