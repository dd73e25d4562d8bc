package io.daos.placement.object;

/** dkey → redundancy group: {@code obj_dkey2hash} then {@code d_hash_jump} ({@code obj_pl_grp_idx}). */
public final class DkeyHash {
  private DkeyHash() {
  }

  /**
   * {@code obj_dkey2hash}: 0 for no dkey (punch, list), the 8-byte little-endian integer for uint64-dkey types,
   * else MurmurHash64A with seed 5731.
   */
  public static long hash(ObjectId oid, byte[] dkey) {
    if (dkey == null) {
      return 0;
    }
    if (oid.type().dkeyUint64()) {
      if (dkey.length < 8) {
        throw new IllegalArgumentException("object type " + oid.type() + " needs 8-byte integer dkeys, got "
            + dkey.length + " bytes");
      }
      return DaosHash.littleEndian(dkey, 0, 8);
    }
    return DaosHash.murmur64(dkey, DaosHash.DKEY_SEED);
  }

  /** The group for a dkey hash among {@code groups} groups. */
  public static int group(long hash, int groups) {
    return DaosHash.jump(hash, groups);
  }

  /** The group of {@code dkey} for an object of class {@code oc} laid out in {@code groups} groups. */
  public static int group(byte[] dkey, ObjectId oid, int groups) {
    return group(hash(oid, dkey), groups);
  }
}
