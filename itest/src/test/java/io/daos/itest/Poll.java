package io.daos.itest;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Poll-with-timeout for end-to-end tests: conditions on other processes have no latch to wait on. */
final class Poll {
  private static final long INTERVAL_MS = 200;

  private Poll() {
  }

  /**
   * Waits until {@code cond} holds.
   *
   * @param diagnostics what to append to the failure (logs), evaluated only on timeout
   */
  static void until(String what, Duration timeout, BooleanSupplier cond, Supplier<String> diagnostics) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (cond.getAsBoolean()) {
        return;
      }
      sleep(INTERVAL_MS);
    }
    if (cond.getAsBoolean()) {
      return;
    }
    throw new AssertionError("timed out after " + timeout + " waiting for " + what + "\n" + diagnostics.get());
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
