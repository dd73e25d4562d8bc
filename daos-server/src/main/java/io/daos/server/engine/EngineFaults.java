package io.daos.server.engine;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.common.ranklist.Rank;

/** The server faults the engine harness raises, with DAOS's codes and texts (server/faults.go). */
public final class EngineFaults {
  private static final String DOMAIN = "server";

  private EngineFaults() {
  }

  public static Fault harnessNotStarted() {
    return new Fault(DOMAIN, FaultCode.SERVER_HARNESS_NOT_STARTED, "daos_engine harness not started",
        "retry the operation or check server logs for more details");
  }

  public static Fault dataPlaneNotStarted() {
    return new Fault(DOMAIN, FaultCode.SERVER_DATA_PLANE_NOT_STARTED,
        "daos_engine instance not started or not responding on dRPC",
        "retry the operation or check server logs for more details");
  }

  public static Fault instancesNotStopped(String action, Rank rank) {
    return new Fault(DOMAIN, FaultCode.SERVER_INSTANCES_NOT_STOPPED,
        String.format("%s not supported when rank %s is running", action, rank),
        String.format("retry %s operation after stopping rank %s", action, rank));
  }

  /** True for the errors after which the harness tries the next instance. */
  static boolean isTransient(Throwable t) {
    return t instanceof EngineUnavailableException || Fault.hasCode(t, FaultCode.SERVER_DATA_PLANE_NOT_STARTED);
  }

  /** True for the errors that mean dRPC itself is unavailable (they trigger the dRPC failure handlers). */
  static boolean isDrpcUnavailable(Throwable t) {
    return t instanceof EngineUnavailableException e && e.kind() == EngineUnavailableException.Kind.DRPC_NOT_READY
        || Fault.hasCode(t, FaultCode.SERVER_DATA_PLANE_NOT_STARTED);
  }
}
