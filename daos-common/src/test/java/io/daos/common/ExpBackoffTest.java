package io.daos.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** DAOS's MS retry backoff: base 250 ms, factor cap 7 (8 s), jitter 0-6 × 500 ms. */
class ExpBackoffTest {
  private static final Duration BASE = Duration.ofMillis(250);

  static RandomGenerator fixed(long r) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return r;
      }

      @Override
      public long nextLong(long bound) {
        return r;
      }
    };
  }

  @Test
  void sequenceWithoutJitter() {
    long[] expMs = {0, 250, 250, 500, 1000, 2000, 4000, 8000, 8000, 8000};
    for (int attempt = 0; attempt < expMs.length; attempt++) {
      assertEquals(Duration.ofMillis(expMs[attempt]), ExpBackoff.backoff(BASE, attempt, 7, fixed(0)), "try " + attempt);
    }
  }

  @Test
  void jitterIsMultipleOfHalfSecond() {
    assertEquals(Duration.ofMillis(250 + 6 * 500), ExpBackoff.backoff(BASE, 1, 7, fixed(6)));
    assertEquals(Duration.ZERO, ExpBackoff.backoff(BASE, 0, 7, fixed(6)));
  }
}
