package io.daos.placement.object;

/** {@code enum daos_otype_t}: the object type in the top 8 bits of an OID, with DAOS's numbers. */
public enum ObjectType {
  MULTI_HASHED(0),
  OIT(1),
  DKEY_UINT64(2),
  AKEY_UINT64(3),
  MULTI_UINT64(4),
  DKEY_LEXICAL(5),
  AKEY_LEXICAL(6),
  MULTI_LEXICAL(7),
  KV_HASHED(8),
  KV_UINT64(9),
  KV_LEXICAL(10),
  ARRAY(11),
  ARRAY_ATTR(12),
  ARRAY_BYTE(13),
  OIT_V2(14);

  private final int number;

  ObjectType(int number) {
    this.number = number;
  }

  /** DAOS's {@code DAOS_OT_*} value. */
  public int number() {
    return number;
  }

  /** The type with DAOS number {@code n}; {@code -DER_INVAL} style error when above {@code DAOS_OT_MAX}. */
  public static ObjectType of(int n) {
    if (n < 0 || n >= values().length) {
      throw new IllegalArgumentException("unknown DAOS object type " + n + " (valid: 0.." + (values().length - 1) + ")");
    }
    return values()[n];
  }

  /** {@code daos_is_dkey_uint64_type}: dkeys are 8-byte integers (and hashed as such). */
  public boolean dkeyUint64() {
    return switch (this) {
      case ARRAY_BYTE, MULTI_UINT64, DKEY_UINT64, KV_UINT64, ARRAY, ARRAY_ATTR -> true;
      default -> false;
    };
  }

  /** {@code daos_is_akey_uint64_type}. */
  public boolean akeyUint64() {
    return this == MULTI_UINT64 || this == AKEY_UINT64;
  }

  /** {@code daos_is_dkey_lexical_type}. */
  public boolean dkeyLexical() {
    return this == DKEY_LEXICAL || this == MULTI_LEXICAL || this == KV_LEXICAL;
  }

  /** {@code daos_is_akey_lexical_type}. */
  public boolean akeyLexical() {
    return this == AKEY_LEXICAL || this == MULTI_LEXICAL;
  }

  /** {@code daos_is_array_type}. */
  public boolean array() {
    return this == ARRAY || this == ARRAY_BYTE || this == ARRAY_ATTR;
  }

  /** {@code daos_is_kv_type} (flat KV: no akeys). */
  public boolean kv() {
    return this == KV_HASHED || this == KV_UINT64 || this == KV_LEXICAL;
  }
}
