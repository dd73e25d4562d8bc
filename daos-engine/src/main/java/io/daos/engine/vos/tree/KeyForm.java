package io.daos.engine.vos.tree;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.lmdb.Bytes;
import io.daos.engine.vos.store.Store;

/**
 * Checks dkeys/akeys and converts them between the caller's form and the stored form. uint64 keys arrive as 8
 * native (little-endian) bytes, as DAOS clients send them, and are stored big-endian so that the index orders them
 * numerically; other keys are stored as given and ordered bytewise (DAOS orders hashed keys by hash; we use
 * bytewise order for all non-integer keys, which is a valid "unspecified" order for hashed ones).
 */
public final class KeyForm {
  /** Index key bytes in front of a dkey/akey: container uuid, tag, parent id. */
  static final int KEY_OVERHEAD = Keys.HEAD + 8;

  private KeyForm() {
  }

  public static byte[] stored(byte[] key, boolean uint64, String what, int maxKeySize) {
    if (key == null || key.length == 0) {
      throw new DaosException(DaosStatus.INVAL, what + " must not be empty");
    }
    if (uint64 && key.length != 8) {
      throw new DaosException(DaosStatus.INVAL,
          "invalid " + what + " length " + key.length + ": this object type needs 8-byte (uint64) " + what + "s");
    }
    if (key.length > maxKeySize) {
      throw new DaosException(DaosStatus.KEY2BIG,
          what + " of " + key.length + " bytes exceeds the " + maxKeySize + "-byte limit of this VOS; use a shorter key");
    }
    return uint64 ? Bytes.reversed(key) : key.clone();
  }

  public static byte[] external(byte[] stored, boolean uint64) {
    return uint64 ? Bytes.reversed(stored) : stored;
  }

  public static int maxKeySize(Store s) {
    return s.maxKeySize - KEY_OVERHEAD;
  }
}
