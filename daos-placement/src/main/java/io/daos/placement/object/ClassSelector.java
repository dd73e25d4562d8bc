package io.daos.placement.object;

/**
 * Object class selection at OID generation ({@code src/object/obj_class.c}): {@code dc_set_oclass} (automatic,
 * by redundancy factor, domain count, object type and hints), {@code daos_oclass_fit_max} (resolve "X" group
 * counts against the pool) and {@code reserve_grp_by_rf} (groups kept free for rebuild).
 */
public final class ClassSelector {
  private static final int DOM_TINY = 16;
  private static final int DOM_SMALL = 32;
  private static final int DOM_MEDIUM = 64;
  private static final int DOM_LARGE = 128;
  private static final int DOM_VENTI = 256;

  /** The encoded part of a class choice: what {@code daos_obj_set_oid} receives. */
  public record Choice(int ordinal, int groups) {
    /** {@code (ord << 24) | groups}, as {@code daos_obj_get_oclass} returns it. */
    public int classId() {
      return (ordinal << ObjectClass.REDUN_SHIFT) | groups;
    }
  }

  private ClassSelector() {
  }

  /** {@code daos_oclass_fit_max}. */
  public static Choice fitMax(ObjectClass oc, PoolAttributes pool) {
    if (Integer.compareUnsigned(oc.id(), 1 << ObjectClass.REDUN_SHIFT) < 0) {
      return new Choice(0, oc.id()); /* legacy-range ids (RP_XSF) are stored as-is */
    }
    int grpSize = oc.groupSize();
    int grpNr = oc.groups();
    if (oc.maxGroups()) {
      int reserve = reserveGroups(pool.domains(), pool.targets(), grpSize, pool.redundancyFactor());
      grpNr = Math.max(1, pool.targets() / grpSize);
      if (grpNr > reserve) {
        grpNr -= reserve;
      }
    }
    if (grpSize > pool.domains()) {
      throw new IllegalArgumentException("object class " + oc.name() + " needs " + grpSize
          + " fault domains per group but the pool has " + pool.domains() + ": choose a class with a smaller group");
    }
    if ((long) grpNr * grpSize > pool.targets()) {
      throw new IllegalArgumentException("object class " + oc.name() + " needs " + grpNr + " x " + grpSize
          + " targets but the pool has " + pool.targets() + ": choose fewer groups");
    }
    return new Choice(oc.redundancy().number(), grpNr);
  }

  /** {@code dc_set_oclass}: the class DAOS picks for {@code OC_UNKNOWN}. */
  public static Choice select(PoolAttributes pool, ObjectType type, int hints) {
    int rdd = hints & OclassHints.RDD_MASK;
    int shd = hints & OclassHints.SHD_MASK;
    Redundancy r = redundancy(pool.redundancyFactor(), pool.domains(), type, rdd);
    int grpSize = r.groupSize();
    if (grpSize > pool.domains()) {
      throw new IllegalArgumentException("redundancy factor " + pool.redundancyFactor() + " needs " + grpSize
          + " fault domains but the pool has " + pool.domains() + ": lower the container's rd_fac or add servers");
    }
    int grpNr = shardGroups(shd, type, pool.targets());
    int targets = pool.targets();
    if (grpNr == ObjectClass.GROUP_MAX || (long) grpNr * grpSize > targets) {
      int maxGrp = targets / grpSize;
      int reserve = reserveGroups(pool.domains(), targets, grpSize, pool.redundancyFactor());
      if (maxGrp > reserve) {
        maxGrp -= reserve;
      }
      grpNr = Math.max(1, maxGrp);
    }
    return new Choice(r.number(), grpNr);
  }

  private static Redundancy redundancy(int rf, int domains, ObjectType type, int rdd) {
    boolean ec = rdd == OclassHints.RDD_EC || (rdd == 0 && type.array());
    switch (rf) {
      case 1:
        return ec && domains >= 3 ? ecByDomains(domains, 18, 10, 6, Redundancy.RS_16P1, Redundancy.RS_8P1,
            Redundancy.RS_4P1, Redundancy.RS_2P1) : Redundancy.RP_2;
      case 2:
        return ec && domains >= 4 ? ecByDomains(domains, 20, 12, 8, Redundancy.RS_16P2, Redundancy.RS_8P2,
            Redundancy.RS_4P2, Redundancy.RS_2P2) : Redundancy.RP_3;
      case 3:
        if (!ec || domains < 10) {
          return Redundancy.RP_4;
        }
        return domains >= 22 ? Redundancy.RS_16P3 : domains >= 14 ? Redundancy.RS_8P3 : Redundancy.RS_4P3;
      case 4:
        return Redundancy.RP_5;
      default:
        return rf0(domains, rdd);
    }
  }

  private static Redundancy rf0(int domains, int rdd) {
    if (rdd == OclassHints.RDD_RP && domains >= 2) {
      return Redundancy.RP_2;
    }
    if (rdd == OclassHints.RDD_EC) {
      return ecByDomains(domains, 18, 10, 6, Redundancy.RS_16P1, Redundancy.RS_8P1, Redundancy.RS_4P1,
          Redundancy.RS_2P1);
    }
    return Redundancy.RP_1;
  }

  private static Redundancy ecByDomains(int domains, int d16, int d8, int d4, Redundancy r16, Redundancy r8,
                                        Redundancy r4, Redundancy r2) {
    return domains >= d16 ? r16 : domains >= d8 ? r8 : domains >= d4 ? r4 : r2;
  }

  private static int shardGroups(int shd, ObjectType type, int targets) {
    return switch (shd) {
      case 0, OclassHints.SHD_DEF -> type.array() || type.kv() ? ObjectClass.GROUP_MAX : 1;
      case OclassHints.SHD_MAX -> ObjectClass.GROUP_MAX;
      case OclassHints.SHD_TINY -> 1;
      case OclassHints.SHD_REG -> Math.max(128, targets * 25 / 100);
      case OclassHints.SHD_HI -> Math.max(256, targets * 50 / 100);
      case OclassHints.SHD_EXT -> Math.max(1024, targets * 70 / 100);
      default -> throw new IllegalArgumentException("invalid sharding hint 0x" + Integer.toHexString(shd)
          + ": set at most one DAOS_OCH_SHD_* bit");
    };
  }

  /** {@code reserve_grp_by_rf}: groups left out of "X" so rebuild has room (without {@code D_GX_RESERVED}). */
  public static int reserveGroups(int domains, int targets, int grpSize, int rf) {
    int tgtPerDom = targets / domains;
    int low;
    int cur;
    int prev;
    if (domains < DOM_TINY) {
      low = 1;
      cur = rf;
      prev = 0;
    } else if (domains < DOM_SMALL) {
      low = DOM_TINY;
      cur = rf + 1;
      prev = rf;
    } else if (domains < DOM_MEDIUM) {
      low = DOM_SMALL;
      cur = rf + 2;
      prev = rf + 1;
    } else if (domains < DOM_LARGE) {
      low = DOM_MEDIUM;
      cur = medium(domains, rf);
      prev = rf + 2;
    } else if (domains < DOM_VENTI) {
      low = DOM_LARGE;
      cur = large(domains, rf);
      prev = medium(domains, rf);
    } else {
      low = DOM_VENTI;
      cur = Math.max(domains * 8 / 100, large(domains, rf));
      prev = large(domains, rf);
    }
    if (domains - cur < (low - 1) - prev) {
      cur = prev;
    }
    int reserveTargets = Math.min(cur * tgtPerDom, targets - grpSize);
    return (reserveTargets + grpSize - 1) / grpSize;
  }

  private static int medium(int domains, int rf) {
    return Math.max(domains * 4 / 100, rf + 2);
  }

  private static int large(int domains, int rf) {
    return Math.max(domains * 6 / 100, medium(domains, rf));
  }
}
