package io.daos.server.engine;

/**
 * A dRPC call found the engine running but not able to take it yet (DAOS's errEngineNotReady and
 * errDRPCNotReady). The harness treats it as transient and tries the next instance.
 */
public final class EngineUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Which of DAOS's two sentinel errors this is. */
  public enum Kind {
    ENGINE_NOT_READY("engine not ready yet"),
    DRPC_NOT_READY("dRPC socket not ready (data plane not started?)");

    private final String message;

    Kind(String message) {
      this.message = message;
    }
  }

  private final Kind kind;

  public EngineUnavailableException(Kind kind) {
    super(kind.message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
