package io.daos.placement;

/**
 * {@code enum layout_gen_mode}: which view of an in-flight pool map change a layout reflects. Clients doing I/O
 * use {@link #CURRENT}; read-only opens (migration fetch) use {@link #PRE_REBUILD}; rebuild targets use
 * {@link #POST_REBUILD}.
 */
public enum LayoutMode {
  PRE_REBUILD,
  CURRENT,
  POST_REBUILD
}
