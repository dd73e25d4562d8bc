package io.daos.engine.vos.tree;

import io.daos.engine.vos.lmdb.Bytes;
import io.daos.engine.vos.store.ValueRef;

/**
 * The index key layout (one LMDB database, all integers big-endian so byte order = unsigned numeric order;
 * every key starts with the 16-byte container uuid so a container is one key range):
 * <pre>
 *   cont | 'C'                                   → container marker
 *   cont | 'O' | oid.hi(8) | oid.lo(8) | shard(4) → objId(8)    (a unit object id, daos_unit_oid_t)
 *   cont | 'D' | objId(8) | dkey                 → dkeyId(8)
 *   cont | 'A' | dkeyId(8) | akey                → akeyId(8) | type(1) | recordSize(8) | maxExtentNr(8)
 *   cont | 'c' | entityId(8) | ~epoch(8)         → create (incarnation log)
 *   cont | 'p' | entityId(8) | ~epoch(8)         → punch tombstone
 *   cont | 'S' | akeyId(8) | ~epoch(8)           → single value ({@link ValueRef})
 *   cont | 'X' | akeyId(8) | end(8) | ~epoch(8) | start(8) → array extent [start, end) ({@link ValueRef})
 *   cont | 'T' | dtx uuid(16) | dtx hlc(8)        → a DTX entry (encoded by the engine's DTX code)
 * </pre>
 * A dkey or akey longer than 486 bytes is indexed as {@code key[0, 476) | hash(8) | seq(2)} instead and its whole
 * key follows the id / akey record in the value ({@link KeyIndex}); readers take ids from a value's first 8 bytes.
 * The inverted epoch ({@code ~epoch}) sorts newer versions first, so "newest version at or below e" is one
 * MDB_SET_RANGE seek to {@code prefix | ~e}. Extents are ordered by end index so a read of [a, b) scans only
 * {@code end in (a, b + maxExtentNr)}.
 */
public final class Keys {
  public static final byte CONT = 'C';
  public static final byte OBJ = 'O';
  public static final byte DKEY = 'D';
  public static final byte AKEY = 'A';
  static final byte CREATE = 'c';
  static final byte PUNCH = 'p';
  /** The create record tag, for readers of an entity's whole history. */
  public static final byte CREATE_TAG = CREATE;
  /** The punch tombstone tag, for readers of an entity's whole history. */
  public static final byte PUNCH_TAG = PUNCH;
  public static final byte SV = 'S';
  public static final byte EXT = 'X';
  public static final byte DTX = 'T';
  /** Length of {@code cont | tag}. */
  static final int HEAD = 17;

  private Keys() {
  }


  public static byte[] head(byte[] cont, byte tag) {
    byte[] k = new byte[HEAD];
    System.arraycopy(cont, 0, k, 0, 16);
    k[16] = tag;
    return k;
  }

  public static byte[] withId(byte[] cont, byte tag, long id) {
    byte[] k = new byte[HEAD + 8];
    System.arraycopy(cont, 0, k, 0, 16);
    k[16] = tag;
    Bytes.putLong(k, HEAD, id);
    return k;
  }

  public static byte[] obj(byte[] cont, VosObjectId oid) {
    return Bytes.concat(head(cont, OBJ), oid.toBytes());
  }

  public static byte[] child(byte[] cont, byte tag, long parentId, byte[] key) {
    return Bytes.concat(withId(cont, tag, parentId), key);
  }

  public static byte[] versioned(byte[] cont, byte tag, long id, long epoch) {
    return Bytes.concat(withId(cont, tag, id), Bytes.ofLong(~epoch));
  }

  public static long versionEpoch(byte[] key) {
    return ~Bytes.getLong(key, HEAD + 8);
  }

  public static byte[] extent(byte[] cont, long akeyId, long end, long epoch, long start) {
    byte[] k = new byte[HEAD + 32];
    System.arraycopy(withId(cont, EXT, akeyId), 0, k, 0, HEAD + 8);
    Bytes.putLong(k, HEAD + 8, end);
    Bytes.putLong(k, HEAD + 16, ~epoch);
    Bytes.putLong(k, HEAD + 24, start);
    return k;
  }

  static byte[] extentSeek(byte[] cont, long akeyId, long end) {
    return Bytes.concat(withId(cont, EXT, akeyId), Bytes.ofLong(end));
  }

  /** End index of an extent key (the history reader's view of {@link #extent}). */
  public static long extentEndOf(byte[] k) {
    return extentEnd(k);
  }

  public static long extentEpochOf(byte[] k) {
    return extentEpoch(k);
  }

  public static long extentStartOf(byte[] k) {
    return extentStart(k);
  }

  static long extentEnd(byte[] k) {
    return Bytes.getLong(k, HEAD + 8);
  }

  public static long extentEpoch(byte[] k) {
    return ~Bytes.getLong(k, HEAD + 16);
  }

  /** {@code cont | 'T' | id}: where DTX {@code id} (uuid and hlc, 24 bytes) is recorded. */
  public static byte[] dtx(byte[] cont, byte[] id) {
    return Bytes.concat(head(cont, DTX), id);
  }

  static long extentStart(byte[] k) {
    return Bytes.getLong(k, HEAD + 24);
  }
}
