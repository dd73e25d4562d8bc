package io.daos.dmg.command;

/** Factories for the production control invoker. */
public final class ControlInvokers {
  /** Default per-request deadline, as DAOS's client (5 minutes). */
  public static final long DEFAULT_TIMEOUT_MS = 5 * 60 * 1000L;

  private ControlInvokers() {
  }

  public static ControlInvoker grpc(DmgConfig cfg) {
    return new GrpcControlInvoker(cfg.hostList(), cfg.name(), DEFAULT_TIMEOUT_MS);
  }
}
