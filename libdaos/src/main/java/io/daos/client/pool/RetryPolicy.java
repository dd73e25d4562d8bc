package io.daos.client.pool;

import java.time.Duration;

/**
 * How a pool-service call walks the service replicas: at most {@code maxAttempts} RPCs; the first round over the
 * replicas goes without delay, each later round waits {@code base} doubled per round, up to {@code cap}.
 *
 * @param maxAttempts RPCs per call before giving up
 * @param base wait before the second round
 * @param cap longest wait
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {
  /**
   * 60 attempts, 20 ms doubling to 1 s: about 45 s of waiting over 3 replicas, longer than a pool service election
   * (DAOS rdb's 7-14 s), as DAOS's client retries a service call until a new leader answers.
   */
  public static final RetryPolicy DEFAULT = new RetryPolicy(60, Duration.ofMillis(20), Duration.ofSeconds(1));

  public RetryPolicy {
    if (maxAttempts < 1 || base.isNegative() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("retry policy needs maxAttempts >= 1 and 0 <= base <= cap, got "
          + maxAttempts + ", " + base + ", " + cap);
    }
  }

  /** The wait before attempt {@code attempt} (0-based) when there are {@code replicas} replicas. */
  Duration delay(int attempt, int replicas) {
    int round = attempt / Math.max(1, replicas);
    if (round == 0) {
      return Duration.ZERO;
    }
    Duration d = base.multipliedBy(1L << Math.min(round - 1, 20));
    return d.compareTo(cap) > 0 ? cap : d;
  }
}
