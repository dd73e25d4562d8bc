package io.daos.control;

import java.time.Duration;

/** Waits between retries; tests inject one that advances a fake clock instead. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
