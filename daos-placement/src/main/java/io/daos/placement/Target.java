package io.daos.placement;

/**
 * A pool target as placement sees it.
 *
 * @param id pool-wide target id (its position in the pool map)
 * @param rank engine rank
 * @param index target index within the engine
 * @param state current state
 * @param fseq map version of its last failure (1 when it never failed)
 * @param inVer map version it was last added or reintegrated at ({@code co_in_ver})
 * @param outVer map version its exclusion or drain completed at, DOWNOUT ({@code co_out_ver}; 0 when never)
 * @param flags {@link #DOWN2OUT} and {@link #DOWN2UP} ({@code co_flags})
 */
public record Target(int id, int rank, int index, TargetState state, int fseq, int inVer, int outVer, int flags) {
  /** {@code PO_COMPF_DOWN2OUT}: DOWNOUT after a failure (not after a drain). */
  public static final int DOWN2OUT = MapComponent.DOWN2OUT;
  /** {@code PO_COMPF_DOWN2UP}: being reintegrated from DOWN. */
  public static final int DOWN2UP = MapComponent.DOWN2UP;

  static Target of(MapComponent c) {
    return new Target(c.id(), c.rank(), c.index(), c.state(), c.fseq(), c.inVer(), c.outVer(), c.flags());
  }
}
