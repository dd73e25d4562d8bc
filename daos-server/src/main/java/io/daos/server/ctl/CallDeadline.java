package io.daos.server.ctl;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The time a CtlSvc call may take and whether its caller gave up (Go's context): from the gRPC deadline
 * and cancellation, or a plain timeout in tests.
 */
public final class CallDeadline {
  static final String DEADLINE_EXCEEDED = "context deadline exceeded";
  static final String CANCELED = "context canceled";

  private final long deadlineNanos;
  private final BooleanSupplier cancelled;

  private CallDeadline(long deadlineNanos, BooleanSupplier cancelled) {
    this.deadlineNanos = deadlineNanos;
    this.cancelled = cancelled;
  }

  public static CallDeadline after(Duration timeout) {
    return new CallDeadline(System.nanoTime() + timeout.toNanos(), () -> false);
  }

  public static CallDeadline after(Duration timeout, BooleanSupplier cancelled) {
    return new CallDeadline(System.nanoTime() + timeout.toNanos(), cancelled);
  }

  public long remainingNanos() {
    return deadlineNanos - System.nanoTime();
  }

  /** Null while the call may go on, else Go's context error text. */
  String error() {
    if (cancelled.getAsBoolean()) {
      return CANCELED;
    }
    return remainingNanos() <= 0 ? DEADLINE_EXCEEDED : null;
  }
}
