package io.daos.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits until a condition holds, looking again every 10 ms until a deadline. The one poll in daos-server's tests,
 * kept for states that nothing announces to a test: an engine instance's local state, a file a child process
 * writes, a member's state as a running server reports it over gRPC. Whatever has an event (a listener, a future, a
 * fake's call) is waited on through that event instead.
 */
public final class Poll {
  private static final long STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private Poll() {
  }

  /** Returns once {@code cond} holds; fails naming {@code what} after {@code max}. */
  public static void until(String what, Duration max, BooleanSupplier cond) {
    long deadline = System.nanoTime() + max.toNanos();
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + max.toSeconds() + " s waiting for " + what);
      }
      LockSupport.parkNanos(STEP_NANOS);
      if (Thread.interrupted()) {
        throw new AssertionError("interrupted while waiting for " + what);
      }
    }
  }
}
