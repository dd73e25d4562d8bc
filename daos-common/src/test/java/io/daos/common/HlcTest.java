package io.daos.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HlcTest {
  private static final long T0 = Instant.parse("2024-06-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;

  @Test
  void epochIs2021AndUnitsAreSixteenthNanos() {
    assertEquals(0, Hlc.fromInstant(Instant.parse("2021-01-01T00:00:00Z")));
    assertEquals(16_000_000_000L, Hlc.fromInstant(Instant.parse("2021-01-01T00:00:01Z")));
    assertEquals(Instant.parse("2021-01-01T00:00:01Z"), Hlc.toInstant(16_000_000_000L));
    assertEquals(0, Hlc.fromUnixNanos(0));
  }

  @Test
  void nowUsesPhysicalTimeWithLogicalBitsCleared() {
    Hlc hlc = new Hlc(() -> T0 + 123);
    long t = hlc.now();
    assertEquals(0, t & Hlc.LOGICAL_MASK);
    assertEquals(((T0 + 123 - Hlc.START_UNIX_SECONDS * 1_000_000_000L) * 16) & ~Hlc.LOGICAL_MASK, t);
  }

  @Test
  void nowIsStrictlyMonotonicWhenClockStandsStillOrGoesBack() {
    AtomicLong clock = new AtomicLong(T0);
    Hlc hlc = new Hlc(clock::get);
    long a = hlc.now();
    long b = hlc.now();
    clock.addAndGet(-1_000_000);
    long c = hlc.now();
    assertEquals(a + 1, b);
    assertEquals(b + 1, c);
  }

  @Test
  void updateMovesPastRemoteAhead() {
    AtomicLong clock = new AtomicLong(T0);
    Hlc hlc = new Hlc(clock::get);
    long local = hlc.now();
    long remote = local + (100_000L * 16 & ~Hlc.LOGICAL_MASK) + 5; // 100 µs ahead
    long merged = hlc.update(remote);
    assertEquals(remote + 1, merged);
    assertTrue(Long.compareUnsigned(hlc.now(), merged) > 0);
  }

  @Test
  void updateWithRemoteBehindUsesPhysicalTime() {
    AtomicLong clock = new AtomicLong(T0);
    Hlc hlc = new Hlc(clock::get);
    long old = hlc.now();
    clock.addAndGet(1_000_000);
    long merged = hlc.update(old);
    assertEquals(((T0 + 1_000_000 - Hlc.START_UNIX_SECONDS * 1_000_000_000L) * 16) & ~Hlc.LOGICAL_MASK, merged);
  }

  @Test
  void remoteTooFarAheadIsHlcSync() {
    Hlc hlc = new Hlc(() -> T0);
    long remote = hlc.now() + Duration.ofSeconds(2).toNanos() * 16;
    DaosException e = assertThrows(DaosException.class, () -> hlc.update(remote));
    assertEquals(DaosStatus.HLC_SYNC, e.status());
    hlc.setEpsilon(Duration.ofSeconds(3));
    assertTrue(Long.compareUnsigned(hlc.update(remote), remote) > 0);
  }

  @Test
  void concurrentNowNeverRepeats() throws Exception {
    Hlc hlc = new Hlc(() -> T0);
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int t = 0; t < 4; t++) {
        pool.execute(() -> {
          for (int i = 0; i < 10_000; i++) {
            seen.add(hlc.now());
          }
        });
      }
    } finally {
      pool.shutdown();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    }
    assertEquals(40_000, seen.size());
  }
}
