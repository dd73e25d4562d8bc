package io.daos.engine.vos.tree;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.lmdb.Bytes;
import io.daos.engine.vos.lmdb.Cur;
import io.daos.placement.object.DaosHash;
import java.util.Arrays;
import java.util.function.ToLongFunction;

/**
 * Where a dkey or akey entry sits in the index, whatever the key's length (DAOS keys go to 1 MiB and beyond; an LMDB
 * key to 511 bytes). Under the parent's prefix {@code cont | tag | parentId}:
 * <ul>
 * <li>a key of up to {@code inlineMax} bytes (486 with LMDB's 511-byte keys) is its own index suffix, and the entry's
 * value is its head: the dkey id (8 bytes) or the {@link AkeyRecord} (25 bytes);</li>
 * <li>a longer key is indexed by its first {@code inlineMax - 10} bytes, its 64-bit MurmurHash ({@code
 * d_hash_murmur64}, VOS's seed, as DAOS's {@code ktr_hkey_gen} hashes keys too long to embed) and a 2-byte
 * sequence number, and the entry's value is the head followed by the whole key. A lookup compares the whole key;
 * the sequence number tells apart long keys whose prefix and hash are equal (an insert takes the first free one).</li>
 * </ul>
 * The value's length says which form an entry has, so every reader of the index takes the key with {@link #keyOf}
 * and the id from the value's first 8 bytes. An inline key of exactly {@code inlineMax} bytes can spell the suffix of
 * a long key; the inline key gets the slot and the long entry moves to another sequence number (its id, which is
 * all that other records refer to, stays).
 * <p>Index order: inline keys bytewise; a long key sorts by its first {@code inlineMax - 10} bytes, then by hash.
 */
public final class KeyIndex {
  /** VOS's MurmurHash seed for hashed keys ({@code VOS_BTR_MUR_SEED}). */
  static final int SEED = 0xC0FFEE;
  static final int HASH_BYTES = 8;
  static final int SEQ_BYTES = 2;
  private static final int SEQS = 1 << (8 * SEQ_BYTES);

  /** The index every VOS transaction uses. */
  public static final KeyIndex DEFAULT = new KeyIndex(k -> DaosHash.murmur64(k, SEED));

  private final ToLongFunction<byte[]> hash;

  /** An index whose long keys are hashed with {@code hash} (tests inject colliding ones). */
  KeyIndex(ToLongFunction<byte[]> hash) {
    this.hash = hash;
  }

  /** An entry: its whole index key and its value (head, then the whole key when the key is long). */
  public record Entry(byte[] indexKey, byte[] value) {
    public long id() {
      return Bytes.getLong(value, 0);
    }
  }

  /** Length of an entry's head: the dkey id or the akey record. */
  static int headLength(byte tag) {
    return tag == Keys.AKEY ? AkeyRecord.BYTES : 8;
  }

  /**
   * The stored key of an entry a scan of the parent's children found: {@code suffix} is its index key after the
   * parent's prefix, {@code value} its value.
   */
  public static byte[] keyOf(byte tag, byte[] suffix, byte[] value) {
    int head = headLength(tag);
    return value.length > head ? Arrays.copyOfRange(value, head, value.length) : suffix;
  }

  /** The entry of {@code key} under {@code parentId}, or null. */
  Entry find(Tx tx, byte tag, long parentId, byte[] key) {
    if (key.length <= inlineMax(tx)) {
      byte[] ik = Keys.child(tx.cont, tag, parentId, key);
      byte[] v = tx.get(ik);
      return v != null && v.length == headLength(tag) ? new Entry(ik, v) : null;
    }
    byte[] base = longBase(tx, tag, parentId, key);
    try (Cur c = tx.cursor()) {
      for (boolean ok = c.seek(base); ok && Bytes.startsWith(c.key(), base); ok = c.next()) {
        if (c.key().length == base.length + SEQ_BYTES && holds(tag, c.val(), key)) {
          return new Entry(c.key(), c.val());
        }
      }
    }
    return null;
  }

  /** Adds the entry of {@code key}, which must be absent, with value {@code head}; returns it. */
  Entry insert(Tx tx, byte tag, long parentId, byte[] key, byte[] head) {
    if (key.length > inlineMax(tx)) {
      return insertLong(tx, longBase(tx, tag, parentId, key), Bytes.concat(head, key));
    }
    byte[] ik = Keys.child(tx.cont, tag, parentId, key);
    byte[] squatter = tx.get(ik);
    tx.put(ik, head);
    if (squatter != null) {
      byte[] longKey = keyOf(tag, ik, squatter);
      insertLong(tx, longBase(tx, tag, parentId, longKey), squatter);
    }
    return new Entry(ik, head);
  }

  /** Replaces the head of entry {@code e} (the akey record), keeping a long key's tail. */
  static Entry putHead(Tx tx, Entry e, byte[] head) {
    byte[] v = e.value().clone();
    System.arraycopy(head, 0, v, 0, head.length);
    tx.put(e.indexKey(), v);
    return new Entry(e.indexKey(), v);
  }

  private static Entry insertLong(Tx tx, byte[] base, byte[] value) {
    boolean[] used = new boolean[SEQS];
    try (Cur c = tx.cursor()) {
      for (boolean ok = c.seek(base); ok && Bytes.startsWith(c.key(), base); ok = c.next()) {
        if (c.key().length == base.length + SEQ_BYTES) {
          used[(c.key()[base.length] & 0xff) << 8 | (c.key()[base.length + 1] & 0xff)] = true;
        }
      }
    }
    for (int seq = 0; seq < SEQS; seq++) {
      if (!used[seq]) {
        byte[] ik = Bytes.concat(base, new byte[] {(byte) (seq >>> 8), (byte) seq});
        tx.put(ik, value);
        return new Entry(ik, value);
      }
    }
    throw new DaosException(DaosStatus.OVERFLOW, SEQS + " keys of this parent share their first "
        + (base.length - HASH_BYTES) + " bytes and their hash; no room for another");
  }

  /** {@code cont | tag | parentId | key[0, inlineMax - 10) | hash(key)}: the range of a long key's entries. */
  private byte[] longBase(Tx tx, byte tag, long parentId, byte[] key) {
    int prefix = inlineMax(tx) - HASH_BYTES - SEQ_BYTES;
    return Bytes.concat(Keys.withId(tx.cont, tag, parentId), Arrays.copyOf(key, prefix),
        Bytes.ofLong(hash.applyAsLong(key)));
  }

  private static boolean holds(byte tag, byte[] value, byte[] key) {
    int head = headLength(tag);
    return value.length == head + key.length && Arrays.equals(value, head, value.length, key, 0, key.length);
  }

  /** The longest key kept inline: what an LMDB key holds after {@code cont | tag | parentId}. */
  static int inlineMax(Tx tx) {
    return KeyForm.maxInlineSize(tx.store);
  }
}
