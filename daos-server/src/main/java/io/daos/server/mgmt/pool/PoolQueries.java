package io.daos.server.mgmt.pool;

/** The pool query masks of DAOS's MS (the engine acting for the pool builds the answer). */
final class PoolQueries {
  /** DPI_ENGINES_ENABLED, DPI_ENGINES_DISABLED (daos_pool.h). */
  static final long ENGINES_ENABLED = 1L << 2;
  static final long ENGINES_DISABLED = 1L << 3;
  /** DAOS DefaultPoolQueryMask: everything but enabled/dead engines and the self-heal policy. */
  static final long DEFAULT_MASK = ~0L & ~(ENGINES_ENABLED | (1L << 4) | (1L << 6));

  private PoolQueries() {
  }
}
