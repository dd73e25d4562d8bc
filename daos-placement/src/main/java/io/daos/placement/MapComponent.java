package io.daos.placement;

/**
 * One pool map component ({@code struct pool_component}): a domain, rank or target with its state and the map
 * versions of its last failure ({@code fseq}), reintegration ({@code inVer}) and exclusion ({@code outVer}).
 */
record MapComponent(DomainLevel type, TargetState state, int id, int rank, int index, int fseq, int inVer,
                    int outVer, int flags) {
  /** {@code PO_COMPF_DOWN2OUT}. */
  static final int DOWN2OUT = 1;
  /** {@code PO_COMPF_DOWN2UP}. */
  static final int DOWN2UP = 1 << 1;

  static MapComponent healthy(DomainLevel type, int id, int rank, int index, int version) {
    return new MapComponent(type, TargetState.UPIN, id, rank, index, 1, version, 0, 0);
  }

  MapComponent with(TargetState s, int newFseq, int newInVer, int newOutVer, int newFlags) {
    return new MapComponent(type, s, id, rank, index, newFseq, newInVer, newOutVer, newFlags);
  }
}
