package io.daos.engine.rebuild;

/**
 * The pool map change a rebuild follows. DAOS runs all four as {@code RB_OP_REBUILD} (the targets' states in the
 * new map say what moves); the op decides only what happens around it: a reintegration with data_sync (DAOS's
 * default) discards the returning targets' stale data first ({@code pool_discard}), and the pool service runs
 * {@link Rebuilds#reclaim} after the finish step of a drain, reintegration or extension. A failed or stopped one is
 * followed by {@link Rebuilds#failReclaim} (RB_OP_FAIL_RECLAIM), after a revert of its map unless stopped.
 */
public enum RebuildOp {
  /** {@code dmg pool exclude} or a dead engine: shards of DOWN targets are rebuilt on spares. */
  EXCLUDE,
  /** {@code dmg pool drain}: shards of DRAIN targets move to their spares; the drained copies are reclaimed. */
  DRAIN,
  /** {@code dmg pool reintegrate}: shards go back to the UP (reintegrating) targets; the spares' copies are reclaimed. */
  REINT,
  /** {@code dmg pool extend}: shards that the new targets take over move there; the old copies are reclaimed. */
  EXTEND
}
