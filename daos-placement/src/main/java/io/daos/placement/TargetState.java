package io.daos.placement;

/** Pool component states ({@code PO_COMP_ST_*}, bit flags in DAOS). */
public enum TargetState {
  NEW(1),
  UP(1 << 1),
  UPIN(1 << 2),
  DOWN(1 << 3),
  DOWNOUT(1 << 4),
  DRAIN(1 << 5);

  private final int bit;

  TargetState(int bit) {
    this.bit = bit;
  }

  /** DAOS's {@code PO_COMP_ST_*} value. */
  public int bit() {
    return bit;
  }
}
