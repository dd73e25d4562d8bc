package io.daos.common;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * UUIDs as DAOS carries them on the wire and in keys: 16 bytes, most significant first (libuuid's
 * {@code uuid_t}).
 */
public final class Uuids {
  /** The size of a UUID in bytes. */
  public static final int BYTES = 16;

  private Uuids() {
  }

  public static byte[] toBytes(UUID u) {
    return put(ByteBuffer.allocate(BYTES), u).array();
  }

  public static ByteString toByteString(UUID u) {
    return ByteString.copyFrom(toBytes(u));
  }

  /** The UUID in the first 16 bytes of {@code b}. */
  public static UUID fromBytes(byte[] b) {
    return get(ByteBuffer.wrap(b));
  }

  /** The UUID in the first 16 bytes of {@code b}. */
  public static UUID fromByteString(ByteString b) {
    return get(b.asReadOnlyByteBuffer());
  }

  /** Writes {@code u} at {@code b}'s position and returns {@code b}. */
  public static ByteBuffer put(ByteBuffer b, UUID u) {
    return b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
  }

  /** Reads a UUID at {@code b}'s position. */
  public static UUID get(ByteBuffer b) {
    return new UUID(b.getLong(), b.getLong());
  }

  /** The UUID in {@code b}; DER_INVAL naming {@code what} unless it has 16 bytes. */
  public static UUID required(ByteString b, String what) {
    checkSize(b.size(), what);
    return fromByteString(b);
  }

  /** The UUID in {@code b}; DER_INVAL naming {@code what} unless it has 16 bytes. */
  public static UUID required(byte[] b, String what) {
    checkSize(b == null ? 0 : b.length, what);
    return fromBytes(b);
  }

  /** The UUID in {@code b}, or null when {@code b} is empty; DER_INVAL naming {@code what} otherwise. */
  public static UUID optional(ByteString b, String what) {
    return b.isEmpty() ? null : required(b, what);
  }

  private static void checkSize(int size, String what) {
    if (size != BYTES) {
      throw new DaosException(DaosStatus.INVAL, what + " UUID must be 16 bytes, got " + size);
    }
  }

  /** True for a UUID in its canonical 36-character text form ({@link UUID#fromString} also takes shorter ones). */
  public static boolean isCanonical(String s) {
    try {
      UUID.fromString(s);
      return s.length() == 36;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
