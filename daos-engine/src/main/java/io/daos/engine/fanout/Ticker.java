package io.daos.engine.fanout;

import java.time.Duration;

/** The monotonic clock and the pause between polls, injected so that tests run them on a fake clock. */
public interface Ticker {
  /** {@link System#nanoTime()} and {@link Thread#sleep}. */
  Ticker SYSTEM = new Ticker() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
      Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    }
  };

  long nanoTime();

  void sleep(Duration d) throws InterruptedException;
}
