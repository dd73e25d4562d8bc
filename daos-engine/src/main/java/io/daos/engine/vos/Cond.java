package io.daos.engine.vos;

/** DAOS conditional operation flags ({@code DAOS_COND_*}, low 8 bits of the op flags), DAOS's values. */
public final class Cond {
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
  /** Take the akey conditions from each {@link Iod#flags()} instead of the op flags. */
  public static final int PER_AKEY = 1 << 7;

  static final int AKEY_MASK = AKEY_INSERT | AKEY_UPDATE | AKEY_FETCH;

  private Cond() {
  }

  static boolean has(int flags, int bit) {
    return (flags & bit) != 0;
  }
}
