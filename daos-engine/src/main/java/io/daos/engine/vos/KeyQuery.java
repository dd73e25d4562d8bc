package io.daos.engine.vos;

/**
 * {@code daos_obj_query_key} flags ({@code DAOS_GET_*}, DAOS's values) and result. dkeys/akeys come back in the
 * caller's form (uint64 keys as 8 little-endian bytes); a field not asked for is null.
 */
public record KeyQuery(byte[] dkey, byte[] akey, Recx recx) {
  public static final int GET_MAX = 1;
  public static final int GET_MIN = 1 << 1;
  public static final int GET_DKEY = 1 << 2;
  public static final int GET_AKEY = 1 << 3;
  public static final int GET_RECX = 1 << 4;
}
