package io.daos.common;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * DAOS's exponential backoff (common/time_utils.go): try 0 waits nothing; tries 1 and 2 wait {@code base};
 * each later try doubles it, up to try {@code limit}; every non-zero wait adds {@code jitter × r}
 * with r uniform in [0, limit).
 */
public final class ExpBackoff {
  /** DAOS's default jitter unit. */
  public static final Duration DEFAULT_JITTER = Duration.ofMillis(500);

  private ExpBackoff() {
  }

  public static Duration backoff(Duration base, long attempt, long limit, RandomGenerator random) {
    return backoff(base, DEFAULT_JITTER, attempt, limit, random);
  }

  public static Duration backoff(Duration base, Duration jitter, long attempt, long limit, RandomGenerator random) {
    if (attempt == 0) {
      return Duration.ZERO;
    }
    Duration d = base;
    for (long pow = Math.min(attempt, limit); pow > 2; pow--) {
      d = d.multipliedBy(2);
    }
    return d.plus(jitter.multipliedBy(random.nextLong(limit)));
  }
}
