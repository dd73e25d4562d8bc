package io.daos.common.status;

import java.util.Objects;

/** An operation failed with a DAOS status code (a negative DER_* value). */
public class DaosException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final DaosStatus status;
  /** The message without the status: what the failing code said about it ("" when it said nothing). */
  private final String reason;

  public DaosException(DaosStatus status) {
    this(status, null, null);
  }

  public DaosException(DaosStatus status, String message) {
    this(status, message, null);
  }

  public DaosException(DaosStatus status, String message, Throwable cause) {
    super(message == null || message.isEmpty() ? status.toString() : message + ": " + status, cause);
    this.status = Objects.requireNonNull(status, "status");
    this.reason = message == null ? "" : message;
  }

  /**
   * This failure again, as seen from the calling thread: same status and message, this exception as the cause, and
   * the stack of the thread that creates it (a blocking call rethrows what an I/O thread failed with this way, so
   * the trace shows the application's call as well as where the failure arose).
   */
  public DaosException inCaller() {
    return new DaosException(this);
  }

  /** This failure with {@code what} failed in front of its reason: same status, this exception as the cause. */
  public DaosException withContext(String what) {
    return keepingSuppressed(new DaosException(status, reason.isEmpty() ? what : what + ": " + reason, this));
  }

  private DaosException(DaosException cause) {
    super(cause.getMessage(), cause);
    this.status = cause.status;
    this.reason = cause.reason;
    keepingSuppressed(this);
  }

  /** {@code wrapper}, which wraps this, with this failure's suppressed ones (why a retry gave up, for instance). */
  private DaosException keepingSuppressed(DaosException wrapper) {
    Throwable inner = wrapper.getCause();
    if (inner != null && inner != wrapper) {
      for (Throwable t : inner.getSuppressed()) {
        wrapper.addSuppressed(t);
      }
    }
    return wrapper;
  }

  /** The message without the status (see {@link #getMessage()}): "" when the code that failed said nothing more. */
  public String reason() {
    return reason;
  }

  public DaosStatus status() {
    return status;
  }

  /** Throws a {@link DaosException} if {@code code} is a non-zero DAOS status. */
  public static void check(int code, String what) {
    if (code != 0) {
      throw new DaosException(DaosStatus.fromCode(code), what);
    }
  }
}
