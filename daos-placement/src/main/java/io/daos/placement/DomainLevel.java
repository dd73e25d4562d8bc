package io.daos.placement;

/** Pool map component types ({@code pool_comp_type_t}) with DAOS's numbers; higher numbers are higher levels. */
public enum DomainLevel {
  TARGET(0),
  RANK(1),
  NODE(2),
  FAULT(3),
  PERF(200),
  ROOT(255);

  private final int number;

  DomainLevel(int number) {
    this.number = number;
  }

  /** DAOS's {@code PO_COMP_TP_*} value. */
  public int number() {
    return number;
  }
}
