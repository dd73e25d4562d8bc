package io.daos.itest;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits until a condition on other processes holds, looking again every 200 ms until a deadline. The one poll in
 * the end-to-end tests: a daemon's socket file, a member's state as dmg or the MS report it, a log line, have no
 * latch or future a test could wait on. A process's exit has one ({@link ProcessHandle#onExit()}) and is waited on
 * through it; output another process prints is read as it comes.
 */
final class Poll {
  private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private Poll() {
  }

  /**
   * Waits until {@code cond} holds ({@code cond} may throw to give up early, e.g. when the process died).
   *
   * @param diagnostics what to append to the failure (logs), evaluated only on timeout
   */
  static void until(String what, Duration timeout, BooleanSupplier cond, Supplier<String> diagnostics) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what + "\n" + diagnostics.get());
      }
      LockSupport.parkNanos(INTERVAL_NANOS);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what);
      }
    }
  }

  /** Waits up to {@code timeout} for {@code ph} to exit; false if it is still running. */
  static boolean exited(ProcessHandle ph, Duration timeout) {
    try {
      ph.onExit().get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return !ph.isAlive();
    } catch (java.util.concurrent.ExecutionException e) {
      return !ph.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for process " + ph.pid() + " to exit", e);
    }
  }
}
