package io.daos.engine.vos.tree;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.lmdb.Bytes;
import io.daos.engine.vos.store.Store;

/**
 * Checks dkeys/akeys and converts them between the caller's form and the stored form. uint64 keys arrive as 8
 * native (little-endian) bytes, as DAOS clients send them, and are stored big-endian so that the index orders them
 * numerically; other keys are stored as given. Keys of any length are accepted ({@link KeyIndex} indexes the long
 * ones by prefix and hash), except on lexical objects: their keys must enumerate in byte order, which only keys kept
 * inline do, so a lexical key longer than {@link #maxInlineSize} is {@code -DER_KEY2BIG}.
 */
public final class KeyForm {
  /** Index key bytes in front of a dkey/akey: container uuid, tag, parent id. */
  static final int KEY_OVERHEAD = Keys.HEAD + 8;

  private KeyForm() {
  }

  /**
   * The stored form of {@code key}; {@code lexical}: the object orders these keys lexically, so they must fit
   * inline ({@code maxInline} bytes).
   */
  public static byte[] stored(byte[] key, boolean uint64, boolean lexical, String what, int maxInline) {
    if (key == null || key.length == 0) {
      throw new DaosException(DaosStatus.INVAL, what + " must not be empty");
    }
    if (uint64 && key.length != 8) {
      throw new DaosException(DaosStatus.INVAL,
          "invalid " + what + " length " + key.length + ": this object type needs 8-byte (uint64) " + what + "s");
    }
    if (lexical && key.length > maxInline) {
      throw new DaosException(DaosStatus.KEY2BIG, what + " of " + key.length + " bytes exceeds the " + maxInline
          + "-byte limit of lexically ordered keys in this VOS; use a shorter key or a hashed object type");
    }
    return uint64 ? Bytes.reversed(key) : key.clone();
  }

  public static byte[] external(byte[] stored, boolean uint64) {
    return uint64 ? Bytes.reversed(stored) : stored;
  }

  /** The longest dkey/akey kept inline in its index key (486 bytes with LMDB's 511-byte keys). */
  public static int maxInlineSize(Store s) {
    return s.maxKeySize - KEY_OVERHEAD;
  }
}
