package io.daos.drpc;

import java.util.Optional;

/** dRPC modules, numbered as DAOS numbers them ({@code drpc_modules.h}). */
public enum DrpcModule {
  TEST(0),
  SEC_AGENT(1),
  MGMT(2),
  SRV(3),
  SEC(4);

  private final int id;

  DrpcModule(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  /** The module with wire id {@code id}, if DAOS defines one. */
  public static Optional<DrpcModule> fromId(int id) {
    for (DrpcModule m : values()) {
      if (m.id == id) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
