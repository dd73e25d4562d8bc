package io.daos.cart.context;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The monotonic clock and the timer of {@link PendingCalls}' timeout sweep; tests give a fake one they advance. */
interface SweepTimer {
  long nanoTime();

  /** Runs {@code task} after {@code delayNanos}; throws RejectedExecutionException once the timer is shut down. */
  void schedule(Runnable task, long delayNanos);

  /** {@link System#nanoTime()} and {@code timers}. */
  static SweepTimer on(ScheduledExecutorService timers) {
    return new SweepTimer() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void schedule(Runnable task, long delayNanos) {
        timers.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
      }
    };
  }
}
