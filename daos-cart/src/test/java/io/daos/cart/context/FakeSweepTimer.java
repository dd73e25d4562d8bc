package io.daos.cart.context;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/** A {@link SweepTimer} whose clock moves only when the test advances it; due tasks run then, in time order. */
final class FakeSweepTimer implements SweepTimer {
  private record Task(long at, Runnable run) {
  }

  private final List<Task> tasks = new ArrayList<>();
  private long now = 5_000;
  private boolean shutDown;

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public synchronized void schedule(Runnable task, long delayNanos) {
    if (shutDown) {
      throw new RejectedExecutionException("shut down");
    }
    tasks.add(new Task(now + delayNanos, task));
  }

  /** Moves the clock by {@code d}, running every task that falls due on the way. */
  void advance(Duration d) {
    long end = nanoTime() + d.toNanos();
    for (Task t = nextDue(end); t != null; t = nextDue(end)) {
      t.run().run();
    }
    synchronized (this) {
      now = end;
    }
  }

  private synchronized Task nextDue(long end) {
    Task t = tasks.stream().filter(x -> x.at() <= end).min(Comparator.comparingLong(Task::at)).orElse(null);
    if (t != null) {
      tasks.remove(t);
      now = Math.max(now, t.at());
    }
    return t;
  }

  /** How many tasks wait to run. */
  synchronized int scheduled() {
    return tasks.size();
  }

  synchronized void shutDown() {
    shutDown = true;
  }
}
