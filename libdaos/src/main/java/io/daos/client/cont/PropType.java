package io.daos.client.cont;

/** Property type numbers ({@code dpe_type}, DAOS's {@code DAOS_PROP_PO_*} and {@code DAOS_PROP_CO_*} values). */
public final class PropType {
  public static final int PO_LABEL = 1;
  public static final int PO_SVC_LIST = 8;
  public static final int PO_EC_CELL_SZ = 9;
  public static final int PO_DATA_THRESH = 10;
  public static final int PO_REDUN_FAC = 11;

  public static final int CO_LABEL = 0x1001;
  public static final int CO_LAYOUT_TYPE = 0x1002;
  public static final int CO_LAYOUT_VER = 0x1003;
  public static final int CO_CSUM = 0x1004;
  public static final int CO_REDUN_FAC = 0x1007;
  public static final int CO_REDUN_LVL = 0x1008;
  public static final int CO_SNAPSHOT_MAX = 0x1009;
  /** {@code DAOS_PROP_CO_ACL}: jdaos carries it as the ACE strings joined by newlines. */
  public static final int CO_ACL = 0x100A;
  public static final int CO_OWNER = 0x100D;
  public static final int CO_OWNER_GROUP = 0x100E;
  /** {@code DAOS_PROP_CO_ROOTS}: four OIDs (lo, hi little-endian); DFS keeps its superblock and root there. */
  public static final int CO_ROOTS = 0x1011;
  public static final int CO_ALLOCED_OID = 0x1013;
  public static final int CO_EC_CELL_SZ = 0x1014;

  /** {@code DAOS_PROP_CO_LAYOUT_*}. */
  public static final int LAYOUT_UNKNOWN = 0;
  public static final int LAYOUT_POSIX = 1;
  public static final int LAYOUT_HDF5 = 2;
  public static final int LAYOUT_PYTHON = 3;
  public static final int LAYOUT_SPARK = 4;
  public static final int LAYOUT_DATABASE = 5;

  /** {@code DAOS_PROP_CO_REDUN_RANK / NODE}. */
  public static final int REDUN_LVL_RANK = 1;
  public static final int REDUN_LVL_NODE = 2;

  private PropType() {
  }
}
