package io.daos.control;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.control.errors.MsErrors;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Which typed errors of one management-service request are worth retrying, and the request's deadline (DAOS
 * lib/control {@code retryableRequest.canRetry} and {@code SetTimeout}). Retries run in {@link MsRequest}'s loop
 * with its backoff until the deadline; an error outside the policy ends the request at once.
 */
public record RetryPolicy(Set<DaosStatus> statuses, Set<FaultCode> faults, boolean uninitialized, Duration timeout) {
  /** DAOS PoolCreateTimeout: generous, as large pools take time. */
  public static final Duration POOL_CREATE_TIMEOUT = Duration.ofMinutes(10);

  /**
   * DAOS {@code poolRequest.canRetry}: pool service errors that clear up by themselves (a leader change, a
   * group version catching up, a busy or not yet started engine, the pool lock of another create or destroy).
   */
  public static final RetryPolicy POOL = new RetryPolicy(
      Set.of(DaosStatus.TIMEDOUT, DaosStatus.GRPVER, DaosStatus.AGAIN, DaosStatus.OOG, DaosStatus.UNREACH,
          DaosStatus.EXCLUDED),
      Set.of(FaultCode.SERVER_DATA_PLANE_NOT_STARTED, FaultCode.SYSTEM_POOL_LOCKED), false,
      MsRequestOptions.DEFAULT_TIMEOUT);

  /**
   * DAOS SystemJoin's retry test: connection errors while the MS host starts, and a replica not ready yet
   * (IsNotReady: uninitialized, waiting for its format; raft unavailable and not-leader answers are retried and
   * redirected by every MS request).
   */
  public static final RetryPolicy JOIN = new RetryPolicy(Set.of(), Set.of(FaultCode.CLIENT_CONNECTION_CLOSED,
      FaultCode.CLIENT_CONNECTION_NO_ROUTE, FaultCode.CLIENT_CONNECTION_REFUSED, FaultCode.CLIENT_CONNECTION_TIMED_OUT),
      true, MsRequestOptions.DEFAULT_TIMEOUT);

  public RetryPolicy {
    statuses = Set.copyOf(statuses);
    faults = Set.copyOf(faults);
    Objects.requireNonNull(timeout, "timeout");
  }

  /** The same policy with another deadline. */
  public RetryPolicy withTimeout(Duration t) {
    return new RetryPolicy(statuses, faults, uninitialized, t);
  }

  /** True if {@code err} is one of the policy's DER statuses or fault codes, or (if so set) uninitialized. */
  public boolean canRetry(Throwable err) {
    if (uninitialized && MsErrors.isUninitialized(err)) {
      return true;
    }
    if (err instanceof DaosException de) {
      return statuses.contains(de.status());
    }
    return err instanceof Fault f && faults.contains(f.code());
  }

  /** Request options carrying this policy's deadline and retry test. */
  public MsRequestOptions options() {
    return MsRequestOptions.defaults().withTimeout(timeout).withRetryIf(this::canRetry);
  }
}
