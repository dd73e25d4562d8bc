package io.daos.placement;

/** Pool map target updates ({@code MAP_*} opcodes of {@code src/pool/srv_pool_map.c}). */
public enum MapOp {
  /** UP/UPIN → DOWN, failure sequence = new version. */
  EXCLUDE,
  /** UPIN → DRAIN, failure sequence = new version. */
  DRAIN,
  /** DOWN (flagged DOWN2UP) / DOWNOUT → UP, reintegration version = new version. */
  REINT,
  /** NEW → UP. */
  EXTEND,
  /** UP → UPIN (reintegration or extension done). */
  ADD_IN,
  /** DOWN/DRAIN → DOWNOUT (rebuild done). */
  EXCLUDE_OUT,
  /**
   * {@code MAP_REVERT_REBUILD} (a drain, reintegration or extension failed): DRAIN → UPIN; UP never failed (an
   * extension's) → NEW; UP reintegrated from DOWN → DOWN; other UP → DOWNOUT. DOWN, DOWNOUT, UPIN and NEW stay.
   */
  REVERT_REBUILD
}
