package io.daos.placement;

/**
 * Conditional operation flags of the object API ({@code DAOS_COND_*} in {@code daos_obj.h}, DAOS's values,
 * the low 8 bits of the op flags), for update, fetch and punch.
 */
public final class Cond {
  public static final int NONE = 0;
  /** Punch only if the entity exists, else {@code -DER_NONEXIST}. */
  public static final int PUNCH = 1;
  /** Update fails with {@code -DER_EXIST} if the dkey exists. */
  public static final int DKEY_INSERT = 1 << 1;
  /** Update fails with {@code -DER_NONEXIST} if the dkey does not exist. */
  public static final int DKEY_UPDATE = 1 << 2;
  /** Fetch fails with {@code -DER_NONEXIST} if the dkey does not exist. */
  public static final int DKEY_FETCH = 1 << 3;
  public static final int AKEY_INSERT = 1 << 4;
  public static final int AKEY_UPDATE = 1 << 5;
  public static final int AKEY_FETCH = 1 << 6;
  /** Take the akey conditions from each iod's own flags instead of the op flags. */
  public static final int PER_AKEY = 1 << 7;

  private Cond() {
  }

  /** True when {@code flags} holds {@code bit}. */
  public static boolean has(int flags, int bit) {
    return (flags & bit) != 0;
  }
}
