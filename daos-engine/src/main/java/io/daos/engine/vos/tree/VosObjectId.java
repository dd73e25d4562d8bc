package io.daos.engine.vos.tree;

import io.daos.engine.vos.lmdb.Bytes;

/**
 * A DAOS unit object id ({@code daos_unit_oid_t}): the object id ({@code daos_obj_id_t}: hi, lo) and the shard of
 * it that this target stores ({@code shard} is a uint32, as in DAOS). VOS keys objects by all three, so two shards
 * of one object on one target are two separate VOS objects. The object type lives in hi bits 63..56 and decides
 * how dkeys and akeys are ordered (see {@link #dkeyUint64()}).
 */
public record VosObjectId(long hi, long lo, int shard) {
  /** Length of the stored form: hi(8) | lo(8) | shard(4), big-endian. */
  static final int BYTES = 20;
  static final int OT_DKEY_UINT64 = 2;
  static final int OT_AKEY_UINT64 = 3;
  public static final int OT_MULTI_UINT64 = 4;
  static final int OT_DKEY_LEXICAL = 5;
  static final int OT_AKEY_LEXICAL = 6;
  public static final int OT_MULTI_LEXICAL = 7;
  static final int OT_KV_UINT64 = 9;
  static final int OT_KV_LEXICAL = 10;
  static final int OT_ARRAY = 11;
  static final int OT_ARRAY_ATTR = 12;
  public static final int OT_ARRAY_BYTE = 13;

  /** Shard 0 of object (hi, lo): what callers that do not know shards mean. */
  public VosObjectId(long hi, long lo) {
    this(hi, lo, 0);
  }

  /** The same object, shard {@code s} ({@code ObjTarget.shard} of a request). */
  public VosObjectId withShard(int s) {
    return new VosObjectId(hi, lo, s);
  }

  /** An id with object type {@code otype} and the 96 user bits (hi[31:0], lo). */
  public static VosObjectId of(int otype, long userHi, long lo) {
    return new VosObjectId(((long) otype << 56) | (userHi & 0xffffffffL), lo);
  }

  /** {@code daos_otype_t} from hi bits 63..56. */
  public int otype() {
    return (int) (hi >>> 56);
  }

  /** As DAOS {@code daos_is_dkey_uint64}: dkeys are 8-byte native (little-endian) integers ordered numerically. */
  public boolean dkeyUint64() {
    int t = otype();
    return t == OT_DKEY_UINT64 || t == OT_MULTI_UINT64 || t == OT_KV_UINT64 || t == OT_ARRAY
        || t == OT_ARRAY_ATTR || t == OT_ARRAY_BYTE;
  }

  /** As DAOS {@code daos_is_akey_uint64}. */
  public boolean akeyUint64() {
    int t = otype();
    return t == OT_AKEY_UINT64 || t == OT_MULTI_UINT64;
  }

  /** As DAOS {@code daos_is_dkey_lexical}: dkeys enumerate in byte order. */
  public boolean dkeyLexical() {
    int t = otype();
    return t == OT_DKEY_LEXICAL || t == OT_MULTI_LEXICAL || t == OT_KV_LEXICAL;
  }

  /** As DAOS {@code daos_is_akey_lexical}. */
  public boolean akeyLexical() {
    int t = otype();
    return t == OT_AKEY_LEXICAL || t == OT_MULTI_LEXICAL;
  }

  byte[] toBytes() {
    byte[] b = new byte[BYTES];
    Bytes.putLong(b, 0, hi);
    Bytes.putLong(b, 8, lo);
    Bytes.putInt(b, 16, shard);
    return b;
  }

  public static VosObjectId fromBytes(byte[] b, int off) {
    return new VosObjectId(Bytes.getLong(b, off), Bytes.getLong(b, off + 8), Bytes.getInt(b, off + 16));
  }

  /** As DAOS's {@code DF_UOID}: {@code hi.lo.shard}. */
  @Override
  public String toString() {
    return hi + "." + lo + "." + Integer.toUnsignedString(shard);
  }
}
