package io.daos.client;

import com.google.protobuf.ByteString;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;

/** Pool and container identifiers as libdaos takes them: UUIDs from replies, labels or UUIDs from callers. */
final class Ids {
  private Ids() {
  }

  /** The UUID a reply carries; DER_PROTO unless it has 16 bytes. */
  static UUID of(ByteString b) {
    if (b.size() != 16) {
      throw new DaosException(DaosStatus.PROTO, "expected a 16-byte UUID, got " + b.size() + " bytes");
    }
    return Uuids.fromByteString(b);
  }

  /** The UUID {@code id} spells, or empty when it is a label. */
  static Optional<UUID> parse(String id) {
    if (id == null || id.isEmpty()) {
      throw new DaosException(DaosStatus.INVAL, "a pool or container needs a label or UUID, got nothing");
    }
    if (id.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** {@code daos_label_is_valid}: 1–127 characters of {@code [A-Za-z0-9._:-]}, not a UUID. */
  static void checkLabel(String label) {
    if (label == null || label.isEmpty() || label.length() > 127 || !label.matches("[A-Za-z0-9._:-]+")
        || parse(label).isPresent()) {
      throw new DaosException(DaosStatus.INVAL, "invalid label \"" + label
          + "\": use 1-127 characters of A-Z a-z 0-9 . _ : - that do not form a UUID");
    }
  }
}
