package io.daos.server.sysdb;

/** Life-cycle state of a pool service record, numbered as mgmt.PoolServiceState. */
public enum PoolServiceState {
  CREATING(0, "Creating"),
  READY(1, "Ready"),
  DESTROYING(2, "Destroying");

  private final int number;
  private final String display;

  PoolServiceState(int number, String display) {
    this.number = number;
    this.display = display;
  }

  public int number() {
    return number;
  }

  @Override
  public String toString() {
    return display;
  }
}
