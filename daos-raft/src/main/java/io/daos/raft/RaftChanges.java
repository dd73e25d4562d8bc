package io.daos.raft;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Wakes whoever waits on a replica's Raft state: {@link SnapshottingStateMachine} signals it when it applies an
 * entry, takes or loads a snapshot, hears of a new leader, becomes a ready leader or closes. A condition is re-checked
 * after each signal, never on a timer, and outside this monitor (it may call into Ratis). The await deadline is read
 * on an injected monotonic clock.
 */
public final class RaftChanges {
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final LongSupplier nanoTime;
  private long version;

  /** Deadlines on {@link System#nanoTime()}. */
  public RaftChanges() {
    this(System::nanoTime);
  }

  /** Deadlines on {@code nanoTime}, a monotonic clock in nanoseconds (tests give a fake one). */
  public RaftChanges(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Something changed: wakes the waiters and runs the listeners (on the Ratis thread that changed it). */
  public void signal() {
    synchronized (this) {
      version++;
      notifyAll();
    }
    listeners.forEach(Runnable::run);
  }

  /**
   * Runs {@code listener} after every signal, e.g. another {@code RaftChanges}'s {@link #signal} to wait on several
   * replicas at once. It runs on a Ratis thread, so it must be quick and must not block.
   */
  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  /** Waits until {@code condition} holds, re-checking it after each signal; false if {@code timeout} passes first. */
  public boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = nanoTime.getAsLong() + timeout.toNanos();
    while (true) {
      long seen = version();
      if (condition.getAsBoolean()) {
        return true;
      }
      if (!awaitSignalAfter(seen, deadline)) {
        return false;
      }
    }
  }

  private synchronized long version() {
    return version;
  }

  private synchronized boolean awaitSignalAfter(long seen, long deadline) throws InterruptedException {
    while (version == seen) {
      long left = deadline - nanoTime.getAsLong();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }
}
