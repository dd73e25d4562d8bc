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
   * The RF check against a pool map, as DAOS's {@code pool_map_rf_verify}: whether more than {@code rdFac} fault
   * domains at {@code rdLvl} (rank = 1: each rank; node = 2: each rank's fault domain, the rank when it has none)
   * failed concurrently since map version {@code lastVer}. A target counts when DOWN, or DOWNOUT after a failure
   * (DOWN2OUT; a drained target does not), unless it failed at or before {@code lastVer} (DOWN with fseq, DOWNOUT
   * with out_ver, at most {@code lastVer}). Each counted target gives its domain a failure window [fseq, out_ver]
   * (open-ended while DOWN); a domain's overlapping windows merge. No break when at most {@code rdFac} domains failed
   * or none failed after {@code lastVer}; a break when more than {@code rdFac} domains are still DOWN; otherwise a
   * break when some window overlaps windows of more than {@code rdFac} domains. A DOWNOUT target of a map written
   * without out_ver (0) counts as a failure whose window ends at its fseq. Unlike DAOS, whose node's "newly failed"
   * mark is that of its last counted target, a domain is newly failed when any of its targets failed after
   * {@code lastVer}.
   */
  static boolean rfBroken(io.daos.proto.pool.PoolMap map, int lastVer, long rdLvl, long rdFac) {
    java.util.Map<String, FailedDomain> failed = new java.util.LinkedHashMap<>();
    for (io.daos.proto.pool.PoolMapRank r : map.getRanksList()) {
      String dom = rdLvl == REDUN_LVL_NODE && !r.getFaultDomain().isEmpty() ? r.getFaultDomain()
          : "rank " + r.getRank();
      for (io.daos.proto.pool.PoolMapTarget t : r.getTargetsList()) {
        boolean down = t.getState() == TGT_DOWN;
        boolean out = t.getState() == TGT_DOWNOUT && ((t.getFlags() & DOWN2OUT) != 0 || t.getOutVer() == 0);
        if (!down && !out) {
          continue;
        }
        long start = Integer.toUnsignedLong(t.getFseq());
        long end = down ? Long.MAX_VALUE : Integer.toUnsignedLong(t.getOutVer() == 0 ? t.getFseq() : t.getOutVer());
        long last = Integer.toUnsignedLong(lastVer);
        if ((down ? start : end) <= last) {
          continue;
        }
        FailedDomain d = failed.computeIfAbsent(dom, k -> new FailedDomain());
        d.down |= down;
        d.newFail |= start > last;
        d.windows.add(new long[] {start, end});
      }
    }
    failed.values().forEach(FailedDomain::merge);
    long newFail = failed.values().stream().filter(d -> d.newFail).count();
    if (failed.size() <= rdFac || newFail == 0) {
      return false;
    }
    if (failed.values().stream().filter(d -> d.down).count() > rdFac) {
      return true;
    }
    for (FailedDomain d : failed.values()) {
      for (long[] w : d.windows) {
        long overlapping = failed.values().stream().filter(o -> o.overlaps(w)).count();
        if (overlapping > rdFac) {
          return true;
        }
      }
    }
    return false;
  }

  private static final int TGT_DOWN = 8;
  private static final int TGT_DOWNOUT = 16;
  /** {@code PO_COMPF_DOWN2OUT}: a DOWNOUT target that failed (was not drained). */
  private static final int DOWN2OUT = 1;

  /** {@code struct pmap_fail_node}: one fault domain's failure windows [fseq, out_ver]. */
  private static final class FailedDomain {
    final java.util.List<long[]> windows = new java.util.ArrayList<>();
    boolean down;
    boolean newFail;

    /** {@code pmap_fail_ver_merge}: overlapping windows become one. */
    void merge() {
      windows.sort(java.util.Comparator.<long[]>comparingLong(w -> w[0]).thenComparingLong(w -> w[1]));
      java.util.List<long[]> merged = new java.util.ArrayList<>();
      for (long[] w : windows) {
        long[] prev = merged.isEmpty() ? null : merged.get(merged.size() - 1);
        if (prev != null && w[0] <= prev[1]) {
          prev[1] = Math.max(prev[1], w[1]);
        } else {
          merged.add(new long[] {w[0], w[1]});
        }
      }
      windows.clear();
      windows.addAll(merged);
    }

    boolean overlaps(long[] w) {
      return windows.stream().anyMatch(v -> v[0] <= w[1] && w[0] <= v[1]);
    }
  }
}
