package io.daos.placement.object;

/** {@code daos_oclass_hints_t} bits for automatic class selection, with DAOS's values. */
public final class OclassHints {
  public static final int NONE = 0;
  /** Default: redundancy from the container's RF. */
  public static final int RDD_DEF = 1;
  /** No redundancy. */
  public static final int RDD_NO = 1 << 1;
  /** Replication. */
  public static final int RDD_RP = 1 << 2;
  /** Erasure code. */
  public static final int RDD_EC = 1 << 3;
  /** Default sharding: max for arrays and flat KVs, 1 group otherwise. */
  public static final int SHD_DEF = 1 << 4;
  /** 1 group. */
  public static final int SHD_TINY = 1 << 5;
  /** max(128, 25% of targets). */
  public static final int SHD_REG = 1 << 6;
  /** max(256, 50% of targets). */
  public static final int SHD_HI = 1 << 7;
  /** max(1024, 70% of targets) (the code's figure; the header comment says 80%). */
  public static final int SHD_EXT = 1 << 8;
  /** All targets. */
  public static final int SHD_MAX = 1 << 9;

  static final int RDD_MASK = 0xF;
  static final int SHD_MASK = 0x3F << 4;

  private OclassHints() {
  }
}
