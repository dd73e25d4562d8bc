package io.daos.engine.csvc;

import com.google.protobuf.ByteString;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.nio.ByteBuffer;
import java.util.UUID;

/** UUIDs on the wire: 16 bytes, most significant first. */
final class Uuids {
  private Uuids() {
  }

  /** The UUID in {@code b}; DER_INVAL unless it has 16 bytes. */
  static UUID required(ByteString b, String what) {
    if (b.size() != 16) {
      throw new DaosException(DaosStatus.INVAL, what + " UUID must be 16 bytes, got " + b.size());
    }
    ByteBuffer bb = b.asReadOnlyByteBuffer();
    return new UUID(bb.getLong(), bb.getLong());
  }

  /** The UUID in {@code b}, or null when {@code b} is empty. */
  static UUID optional(ByteString b, String what) {
    return b.isEmpty() ? null : required(b, what);
  }

  static ByteString bytes(UUID u) {
    return ContainerService.bytes(u);
  }
}
