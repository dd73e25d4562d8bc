package io.daos.control.errors;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Classification of management-service errors, as DAOS's client retry logic needs it. */
public final class MsErrors {
  /** Text of DAOS's ErrRaftUnavail; servers answer with it before the MS database has started. */
  public static final String RAFT_UNAVAILABLE = "raft service unavailable (not started yet?)";
  /** Text of DAOS's ErrLeaderStepUpInProgress. */
  public static final String LEADER_STEP_UP = "leader step-up in progress (try again)";
  /** Text of DAOS's ErrUninitialized: the MS replica's storage is not formatted yet (not retried by default). */
  public static final String UNINITIALIZED = "system is uninitialized (storage format required?)";

  private MsErrors() {
  }

  /** True if the MS is not ready yet (raft not started, leader stepping up, data plane not started). */
  public static boolean isUnavailable(Throwable err) {
    if (err == null) {
      return false;
    }
    if (Fault.hasCode(err, FaultCode.SERVER_DATA_PLANE_NOT_STARTED)) {
      return true;
    }
    String msg = err instanceof Fault f ? f.description() : String.valueOf(err.getMessage());
    return msg.contains(RAFT_UNAVAILABLE) || msg.contains(LEADER_STEP_UP);
  }

  /** DAOS system.IsUninitialized: the replica waits for its storage to be formatted. */
  public static boolean isUninitialized(Throwable err) {
    if (err == null) {
      return false;
    }
    String msg = err instanceof Fault f ? f.description() : String.valueOf(err.getMessage());
    return msg.contains(UNINITIALIZED);
  }

  /** True for a per-try timeout: a connection timeout, an RPC timeout or a DEADLINE_EXCEEDED status. */
  public static boolean isTimeout(Throwable err) {
    if (Fault.hasCode(err, FaultCode.CLIENT_CONNECTION_TIMED_OUT) || Fault.hasCode(err, FaultCode.CLIENT_RPC_TIMEOUT)) {
      return true;
    }
    return err instanceof StatusRuntimeException sre && sre.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED;
  }

  public static boolean isUnimplemented(Throwable err) {
    return err instanceof StatusRuntimeException sre && sre.getStatus().getCode() == Status.Code.UNIMPLEMENTED;
  }
}
