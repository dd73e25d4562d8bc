package io.daos.server.ctl;

import io.daos.common.Ticker;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The time a CtlSvc call may take and whether its caller gave up (Go's context): from the gRPC deadline
 * and cancellation, or a plain timeout in tests; the time left is read on a {@link Ticker}.
 */
public final class CallDeadline {
  static final String DEADLINE_EXCEEDED = "context deadline exceeded";
  static final String CANCELED = "context canceled";

  private final long deadlineNanos;
  private final BooleanSupplier cancelled;
  private final Ticker ticker;

  private CallDeadline(Duration timeout, BooleanSupplier cancelled, Ticker ticker) {
    this.deadlineNanos = ticker.nanoTime() + timeout.toNanos();
    this.cancelled = cancelled;
    this.ticker = ticker;
  }

  public static CallDeadline after(Duration timeout) {
    return after(timeout, () -> false);
  }

  public static CallDeadline after(Duration timeout, BooleanSupplier cancelled) {
    return after(timeout, cancelled, Ticker.SYSTEM);
  }

  public static CallDeadline after(Duration timeout, BooleanSupplier cancelled, Ticker ticker) {
    return new CallDeadline(timeout, cancelled, ticker);
  }

  public long remainingNanos() {
    return deadlineNanos - ticker.nanoTime();
  }

  /** Null while the call may go on, else Go's context error text. */
  String error() {
    if (cancelled.getAsBoolean()) {
      return CANCELED;
    }
    return remainingNanos() <= 0 ? DEADLINE_EXCEEDED : null;
  }
}
