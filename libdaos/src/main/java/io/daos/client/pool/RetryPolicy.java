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
   * 30 attempts, 20 ms doubling to 500 ms: about 8 s of waiting over 3 replicas (13 s with one), enough for a pool
   * service election of test clusters (2-4 s); DAOS's client retries longer (its rdb elects in 7-14 s).
   */
  public static final RetryPolicy DEFAULT = new RetryPolicy(30, Duration.ofMillis(20), Duration.ofMillis(500));

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
