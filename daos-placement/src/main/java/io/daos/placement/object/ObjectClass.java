package io.daos.placement.object;

import java.util.List;

/**
 * A DAOS object class ({@code struct daos_obj_class}): its registered name (without the {@code OC_} prefix, as
 * {@code daos_oclass_name2id} takes it), its 32-bit id ({@code ord << 24 | groups}), its redundancy and its
 * number of redundancy groups ({@link #GROUP_MAX} = "X", resolved against the pool at OID generation).
 *
 * @param name registered name, e.g. "RP_2G1"; generated as DAOS does for unregistered group counts
 * @param id {@code daos_oclass_id_t}
 * @param redundancy the redundancy ordinal; null only for {@code RP_XSF} (as many replicas as domains)
 * @param groups redundancy groups, {@link #GROUP_MAX} for "X"
 */
public record ObjectClass(String name, int id, Redundancy redundancy, int groups) {
  /** {@code MAX_NUM_GROUPS} = {@code DAOS_OBJ_GRP_MAX} = {@code DAOS_OBJ_REPL_MAX}: "X". */
  public static final int GROUP_MAX = 0xFFFF;
  /** {@code OC_REDUN_SHIFT}. */
  public static final int REDUN_SHIFT = 24;
  /** {@code OC_UNKNOWN}: ask DAOS to choose (see {@link ClassSelector}). */
  public static final int UNKNOWN = 0;
  /** {@code OC_RP_XSF} (a legacy-range id). */
  public static final int RP_XSF_ID = 80;

  public static final ObjectClass S1 = byName("S1");
  public static final ObjectClass S2 = byName("S2");
  public static final ObjectClass S4 = byName("S4");
  public static final ObjectClass S8 = byName("S8");
  public static final ObjectClass SX = byName("SX");
  public static final ObjectClass RP_2G1 = byName("RP_2G1");
  public static final ObjectClass RP_2G2 = byName("RP_2G2");
  public static final ObjectClass RP_2GX = byName("RP_2GX");
  public static final ObjectClass RP_3G1 = byName("RP_3G1");
  public static final ObjectClass RP_3GX = byName("RP_3GX");
  public static final ObjectClass RP_4G1 = byName("RP_4G1");
  public static final ObjectClass EC_2P1G1 = byName("EC_2P1G1");
  public static final ObjectClass EC_2P1GX = byName("EC_2P1GX");
  public static final ObjectClass EC_4P2G1 = byName("EC_4P2G1");
  public static final ObjectClass EC_4P2GX = byName("EC_4P2GX");
  public static final ObjectClass EC_8P2G1 = byName("EC_8P2G1");
  public static final ObjectClass EC_16P2G1 = byName("EC_16P2G1");

  /** {@code OBJ_CLASS_DEF(redun, grp_nr)}. */
  public static int classId(Redundancy redundancy, int groups) {
    return (redundancy.number() << REDUN_SHIFT) | groups;
  }

  /** All public (non-private) classes of {@code obj_class_def.c}, in its order. */
  public static List<ObjectClass> all() {
    return ObjectClassTable.ALL;
  }

  /**
   * {@code daos_oclass_name2id}: exact, case-sensitive match on the registered name ("S1", "RP_2GX", "EC_4P2G1").
   *
   * @throws IllegalArgumentException naming the bad value and how valid names look
   */
  public static ObjectClass byName(String name) {
    ObjectClass oc = ObjectClassTable.BY_NAME.get(name);
    if (oc == null) {
      throw new IllegalArgumentException("unknown object class \"" + name
          + "\": use a DAOS class name without the OC_ prefix, e.g. S1, SX, RP_2G1, RP_3GX, EC_4P2GX");
    }
    return oc;
  }

  /**
   * {@code oclass_ident2cl}: a registered id, or any group count under a registered redundancy ordinal.
   *
   * @throws IllegalArgumentException when DAOS would not know the id
   */
  public static ObjectClass byId(int id) {
    ObjectClass oc = ObjectClassTable.lookup(id);
    if (oc == null) {
      throw new IllegalArgumentException("unknown object class id " + Integer.toUnsignedString(id)
          + " (0x" + Integer.toHexString(id) + ")");
    }
    return oc;
  }

  /** True when the id names a DAOS class ({@code daos_oclass_is_valid}). */
  public static boolean isValid(int id) {
    return ObjectClassTable.lookup(id) != null;
  }

  /** Replicated (RP_* , S*, RP_XSF) rather than erasure coded. */
  public boolean replicated() {
    return redundancy == null || !redundancy.erasureCoded();
  }

  /** Shards per redundancy group; {@link #GROUP_MAX} for RP_XSF (one per fault domain). */
  public int groupSize() {
    return redundancy == null ? GROUP_MAX : redundancy.groupSize();
  }

  /** True when the group count is "X" (all targets, fitted at OID generation). */
  public boolean maxGroups() {
    return groups == GROUP_MAX;
  }

  /** Failures one group survives ({@code oc_resil_degree}). */
  public int resilienceDegree() {
    return redundancy == null ? GROUP_MAX : redundancy.resilienceDegree();
  }

  @Override
  public String toString() {
    return name;
  }
}
