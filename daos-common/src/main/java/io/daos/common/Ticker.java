package io.daos.common;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The monotonic clock that timeouts and backoffs read, the pause between polls and the delay before an
 * asynchronous retry; injected so that tests run them on a fake clock they advance.
 */
public interface Ticker {
  /** {@link System#nanoTime()}, {@link Thread#sleep} and {@link CompletableFuture#delayedExecutor}. */
  Ticker SYSTEM = new Ticker() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
      Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    }

    @Override
    public Executor after(Duration d) {
      return CompletableFuture.delayedExecutor(d.toNanos(), TimeUnit.NANOSECONDS);
    }
  };

  long nanoTime();

  void sleep(Duration d) throws InterruptedException;

  /** Runs each task given to it once {@code d} has passed, on a thread of its own (the retry of an async call). */
  Executor after(Duration d);
}
