package io.daos.engine.cont;

/**
 * Container property types ({@code DAOS_PROP_CO_*} in {@code daos_prop.h}, counted on from {@code CO_MIN = 0x1000})
 * and the few pool property types ({@code DAOS_PROP_PO_*}) a new container inherits from.
 */
public final class ContProps {
  public static final int CO_LABEL = 0x1001;
  public static final int CO_LAYOUT_TYPE = 0x1002;
  public static final int CO_LAYOUT_VER = 0x1003;
  public static final int CO_CSUM = 0x1004;
  public static final int CO_CSUM_CHUNK_SIZE = 0x1005;
  public static final int CO_CSUM_SERVER_VERIFY = 0x1006;
  public static final int CO_REDUN_FAC = 0x1007;
  public static final int CO_REDUN_LVL = 0x1008;
  public static final int CO_SNAPSHOT_MAX = 0x1009;
  public static final int CO_ACL = 0x100A;
  public static final int CO_COMPRESS = 0x100B;
  public static final int CO_ENCRYPT = 0x100C;
  public static final int CO_OWNER = 0x100D;
  public static final int CO_OWNER_GROUP = 0x100E;
  public static final int CO_DEDUP = 0x100F;
  public static final int CO_DEDUP_THRESHOLD = 0x1010;
  public static final int CO_ROOTS = 0x1011;
  public static final int CO_STATUS = 0x1012;
  public static final int CO_ALLOCED_OID = 0x1013;
  public static final int CO_EC_CELL_SZ = 0x1014;
  public static final int CO_EC_PDA = 0x1015;
  public static final int CO_RP_PDA = 0x1016;
  public static final int CO_GLOBAL_VERSION = 0x1017;
  public static final int CO_SCRUBBER_DISABLED = 0x1018;
  public static final int CO_OBJ_VERSION = 0x1019;
  public static final int CO_PERF_DOMAIN = 0x101A;
  /** First type past the container range ({@code DAOS_PROP_CO_MAX}). */
  public static final int CO_MAX = 0x101B;

  public static final int PO_EC_CELL_SZ = 9;
  public static final int PO_REDUN_FAC = 11;
  public static final int PO_EC_PDA = 12;
  public static final int PO_RP_PDA = 13;
  public static final int PO_GLOBAL_VERSION = 14;
  public static final int PO_PERF_DOMAIN = 21;

  /** {@code DAOS_PROP_CO_LABEL_DEFAULT}: the label of a container created without one. */
  public static final String LABEL_DEFAULT = "container_label_not_set";
  /** {@code DAOS_PROP_CO_REDUN_NODE}: the default redundancy level. */
  public static final long REDUN_LVL_NODE = 2;
  /** {@code DAOS_EC_CELL_DEF}, {@code DAOS_PROP_PO_EC_PDA_DEFAULT}, {@code DAOS_PROP_PDA_MAX}: pool defaults. */
  public static final long EC_CELL_DEF = 128 << 10;
  public static final long EC_PDA_DEF = 1;
  public static final long RP_PDA_DEF = 0xFFFFFFFFL;
  /** {@code PO_COMP_TP_ROOT}: the default performance domain. */
  public static final long PERF_DOMAIN_ROOT = 255;
  /** {@code DAOS_POOL_GLOBAL_VERSION}: the pool layout this code writes. */
  public static final long POOL_GLOBAL_VERSION = 4;
  /** {@code DAOS_POOL_OBJ_VERSION_1}: object layout of containers whose creator did not say. */
  public static final long OBJ_VERSION_1 = 1;

  private ContProps() {
  }

  /** Whether {@code type} is a container property type. */
  public static boolean isContProp(int type) {
    return type > 0x1000 && type < CO_MAX;
  }

  /** {@code DAOS_PROP_CO_STATUS_VAL(status, flags, pool map version)}. */
  public static long statusValue(int status, int flags, int mapVersion) {
    return ((long) flags << 48) | ((long) (status & 0xFFFF) << 32) | (mapVersion & 0xFFFFFFFFL);
  }

  /** {@code DAOS_PROP_CO_UNCLEAN}: the status of a container whose redundancy factor was exceeded. */
  public static final int STATUS_UNCLEAN = 1;

  /** Whether a CO_STATUS value says UNCLEAN. */
  public static boolean unclean(long status) {
    return (status >>> 32 & 0xFFFF) == STATUS_UNCLEAN;
  }

  /**
   * The RF check against a pool map (DAOS {@code pool_map_rf_verify}, simplified): the fault domains at
   * {@code rdLvl} (rank = 1: each rank; node = 2: each rank's fault domain, the rank when it has none) with a target
   * that failed (DOWN 8 or DOWNOUT 16) after map version {@code lastVer}; more of them than {@code rdFac} breaks the
   * RF. DAOS also merges overlapping failure-version ranges; jdaos counts every such domain.
   */
  static boolean rfBroken(io.daos.proto.pool.PoolMap map, int lastVer, long rdLvl, long rdFac) {
    java.util.Set<String> failed = new java.util.HashSet<>();
    for (io.daos.proto.pool.PoolMapRank r : map.getRanksList()) {
      for (io.daos.proto.pool.PoolMapTarget t : r.getTargetsList()) {
        if ((t.getState() & (8 | 16)) != 0 && Integer.compareUnsigned(t.getFseq(), lastVer) > 0) {
          failed.add(rdLvl == REDUN_LVL_NODE && !r.getFaultDomain().isEmpty() ? r.getFaultDomain()
              : "rank " + r.getRank());
        }
      }
    }
    return failed.size() > rdFac;
  }
}
