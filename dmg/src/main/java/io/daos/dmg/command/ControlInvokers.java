package io.daos.dmg.command;

import io.daos.common.Component;
import io.daos.control.ControlClient;
import io.daos.control.ControlConfig;

/** Factory for the production control invoker (component "admin"). */
public final class ControlInvokers {
  private ControlInvokers() {
  }

  public static ControlInvoker grpc(ControlConfig cfg) {
    return new ControlClientInvoker(ControlClient.builder().config(cfg).component(Component.ADMIN).build());
  }
}
