package io.daos.common;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * A clock that moves only when the code under test pauses or delays a task (the task then runs at once);
 * {@code onPause} runs at each pause. Other modules' tests get it from daos-common's test-jar.
 */
public final class FakeTicker implements Ticker {
  private long now = 1_000;
  private int pauses;
  private Runnable onPause = () -> { };

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public void sleep(Duration d) {
    now += d.toNanos();
    pauses++;
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
    now += d.toNanos();
    return this;
  }

  /** How many times the code paused. */
  public int pauses() {
    return pauses;
  }

  /** Runs {@code r} at each pause, after the clock moved. */
  public FakeTicker onPause(Runnable r) {
    onPause = r;
    return this;
  }
}
