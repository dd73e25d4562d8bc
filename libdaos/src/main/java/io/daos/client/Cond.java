package io.daos.client;

/** Conditional operation flags ({@code DAOS_COND_*}, DAOS's values), for update, fetch and punch. */
public final class Cond {
  public static final int NONE = 0;
  public static final int PUNCH = 1;
  public static final int DKEY_INSERT = 1 << 1;
  public static final int DKEY_UPDATE = 1 << 2;
  public static final int DKEY_FETCH = 1 << 3;
  public static final int AKEY_INSERT = 1 << 4;
  public static final int AKEY_UPDATE = 1 << 5;
  public static final int AKEY_FETCH = 1 << 6;
  public static final int PER_AKEY = 1 << 7;

  private Cond() {
  }
}
