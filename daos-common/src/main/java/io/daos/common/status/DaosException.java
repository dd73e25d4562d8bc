package io.daos.common.status;

import java.util.Objects;

/** An operation failed with a DAOS status code (a negative DER_* value). */
public class DaosException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final DaosStatus status;

  public DaosException(DaosStatus status) {
    this(status, null, null);
  }

  public DaosException(DaosStatus status, String message) {
    this(status, message, null);
  }

  public DaosException(DaosStatus status, String message, Throwable cause) {
    super(message == null || message.isEmpty() ? status.toString() : message + ": " + status, cause);
    this.status = Objects.requireNonNull(status, "status");
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
