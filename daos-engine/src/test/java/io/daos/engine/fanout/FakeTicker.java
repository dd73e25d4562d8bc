package io.daos.engine.fanout;

import java.time.Duration;

/** A clock that moves only when the code under test pauses; {@code onPause} runs at each pause. */
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
