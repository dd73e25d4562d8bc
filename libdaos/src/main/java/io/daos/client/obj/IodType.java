package io.daos.client.obj;

/** {@code daos_iod_type_t}: a single value replaced as a whole, or an array of fixed-size records. */
public enum IodType {
  SINGLE,
  ARRAY
}
