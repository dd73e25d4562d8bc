package io.daos.common;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when the code under test pauses or delays a task (the task then runs at once);
 * {@code onPause} runs at each pause. Thread-safe. Other modules' tests get it from daos-common's test-jar.
 */
public final class FakeTicker implements Ticker {
  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicInteger pauses = new AtomicInteger();
  private volatile Runnable onPause = () -> { };

  @Override
  public long nanoTime() {
    return now.get();
  }

  @Override
  public void sleep(Duration d) {
    now.addAndGet(d.toNanos());
    pauses.incrementAndGet();
    onPause.run();
  }

  @Override
  public Executor after(Duration d) {
    return task -> {
      sleep(d);
      task.run();
    };
  }

  /** Moves the clock on by {@code d} without counting a pause. */
  public FakeTicker advance(Duration d) {
    now.addAndGet(d.toNanos());
    return this;
  }

  /** How many times the code paused. */
  public int pauses() {
    return pauses.get();
  }

  /** Runs {@code r} at each pause, after the clock moved. */
  public FakeTicker onPause(Runnable r) {
    onPause = r;
    return this;
  }
}
