package io.daos.client.obj;

/**
 * {@code daos_obj_query_key} flags ({@code DAOS_GET_*}, DAOS's values) and its result.
 *
 * @param dkey the max/min dkey (GET_DKEY), else the dkey asked about
 * @param akey the max/min akey (GET_AKEY), else the akey asked about
 * @param recx the max/min extent (GET_RECX), else null
 */
public record QueryKey(byte[] dkey, byte[] akey, Recx recx) {
  public static final int GET_MAX = 1;
  public static final int GET_MIN = 1 << 1;
  public static final int GET_DKEY = 1 << 2;
  public static final int GET_AKEY = 1 << 3;
  public static final int GET_RECX = 1 << 4;
}
