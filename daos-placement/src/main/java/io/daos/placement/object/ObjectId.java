package io.daos.placement.object;

/**
 * {@code daos_obj_id_t}: 128 bits, of which the upper 32 bits of {@code hi} belong to DAOS —
 * object type (bits 63..56), redundancy ordinal (55..48) and number of redundancy groups (47..32) — and the other
 * 96 bits to the user.
 */
public record ObjectId(long lo, long hi) {
  /** {@code OID_FMT_TYPE_SHIFT}. */
  public static final int TYPE_SHIFT = 56;
  /** {@code OID_FMT_CLASS_SHIFT}. */
  public static final int CLASS_SHIFT = 48;
  /** {@code OID_FMT_META_SHIFT}. */
  public static final int META_SHIFT = 32;
  private static final long USER_MASK = 0xFFFFFFFFL;

  /**
   * {@code daos_obj_set_oid}: keeps the user's 96 bits and encodes type, ordinal and group count (capped at
   * {@link ObjectClass#GROUP_MAX}).
   */
  public static ObjectId encode(long userLo, long userHi, ObjectType type, int ordinal, int groups) {
    if (ordinal < 0 || ordinal > 0xFF) {
      throw new IllegalArgumentException("redundancy ordinal " + ordinal + " does not fit in 8 bits");
    }
    long grp = Math.min(Integer.toUnsignedLong(groups), ObjectClass.GROUP_MAX);
    long hdr = ((long) type.number() << TYPE_SHIFT) | ((long) ordinal << CLASS_SHIFT) | (grp << META_SHIFT);
    return new ObjectId(userLo, (userHi & USER_MASK) | hdr);
  }

  /** {@code daos_obj_set_oid_by_class}: the class's own group count ("X" stays 65535, fitted at placement). */
  public static ObjectId byClass(long userLo, long userHi, ObjectType type, ObjectClass oc) {
    if (Integer.compareUnsigned(oc.id(), 1 << ObjectClass.REDUN_SHIFT) < 0) {
      return encode(userLo, userHi, type, 0, oc.id());
    }
    return encode(userLo, userHi, type, oc.redundancy().number(), oc.groups());
  }

  /**
   * {@code daos_obj_generate_oid}: with a class, fit it to the pool ({@code daos_oclass_fit_max}); with
   * {@code oc == null} ({@code OC_UNKNOWN}), choose one from the container's redundancy factor and the hints
   * ({@code dc_set_oclass}).
   *
   * @throws IllegalArgumentException (DAOS: {@code -DER_INVAL}) when the pool cannot hold such an object
   */
  public static ObjectId generate(long userLo, long userHi, ObjectType type, ObjectClass oc, int hints,
                                  PoolAttributes pool) {
    ClassSelector.Choice c = oc == null
        ? ClassSelector.select(pool, type, hints)
        : ClassSelector.fitMax(oc, pool);
    return encode(userLo, userHi, type, c.ordinal(), c.groups());
  }

  /** {@code daos_obj_id2type}. */
  public ObjectType type() {
    return ObjectType.of((int) (hi >>> TYPE_SHIFT));
  }

  /** {@code daos_obj_id2ord}: the redundancy ordinal number (0 for legacy-range classes such as RP_XSF). */
  public int ordinal() {
    return (int) ((hi >>> CLASS_SHIFT) & 0xFF);
  }

  /** {@code daos_obj_id2grp_nr}. */
  public int groups() {
    return (int) ((hi >>> META_SHIFT) & 0xFFFF);
  }

  /** {@code daos_obj_id2class}: {@code ord << 24 | groups}. */
  public int classId() {
    return (ordinal() << ObjectClass.REDUN_SHIFT) | groups();
  }

  /** The object class of this OID ({@code daos_oclass_attr_find}). */
  public ObjectClass objectClass() {
    return ObjectClass.byId(classId());
  }

  /** The user's 32 bits of {@code hi}. */
  public int userHi() {
    return (int) (hi & USER_MASK);
  }

  /** True for the all-zero OID ({@code daos_obj_id_is_nil}). */
  public boolean isNil() {
    return hi == 0 && lo == 0;
  }

  /** As DAOS logs OIDs ({@code DF_OID}): unsigned decimal {@code hi.lo}. */
  @Override
  public String toString() {
    return Long.toUnsignedString(hi) + "." + Long.toUnsignedString(lo);
  }

  /** Parses {@link #toString()}'s form. */
  public static ObjectId parse(String s) {
    int dot = s.indexOf('.');
    if (dot <= 0 || dot == s.length() - 1) {
      throw new IllegalArgumentException("bad object id \"" + s + "\": expected <hi>.<lo> in unsigned decimal");
    }
    try {
      return new ObjectId(Long.parseUnsignedLong(s.substring(dot + 1)), Long.parseUnsignedLong(s.substring(0, dot)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad object id \"" + s + "\": expected <hi>.<lo> in unsigned decimal", e);
    }
  }
}
