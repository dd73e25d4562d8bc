package io.daos.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DriverTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void tearDown() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
  }

  @Test
  void keepsExactlyQdInFlightAndOneOpPerSlot() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    AtomicIntegerArray perSlot = new AtomicIntegerArray(8);
    LatencyHistogram h = new LatencyHistogram();
    Driver.Outcome o = Driver.run(8, Long.MAX_VALUE, 2_000, h, (slot, seq) -> {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      assertEquals(1, perSlot.incrementAndGet(slot), "two ops on slot " + slot);
      return CompletableFuture.runAsync(() -> {
        perSlot.decrementAndGet(slot);
        inFlight.decrementAndGet();
      }, pool);
    });
    assertEquals(2_000, o.ops());
    assertEquals(0, o.errors());
    assertEquals(2_000, h.count());
    assertTrue(maxInFlight.get() <= 8 && maxInFlight.get() >= 2, "max in flight " + maxInFlight.get());
  }

  @Test
  void synchronousCompletionsDoNotRecurse() {
    Driver.Outcome o = Driver.run(2, Long.MAX_VALUE, 200_000, null, (slot, seq) ->
        CompletableFuture.completedFuture(null));
    assertEquals(200_000, o.ops());
  }

  @Test
  void stopsAtTheDeadline() {
    Driver.Outcome o = Driver.run(4, 100_000_000L, Long.MAX_VALUE, null, (slot, seq) ->
        CompletableFuture.runAsync(() -> { }, pool));
    assertTrue(o.ops() > 0);
    assertTrue(o.seconds() >= 0.1 && o.seconds() < 5, "ran " + o.seconds() + " s");
  }

  @Test
  void failuresAreCountedWithTheFirstMessageAndStopThePhaseAtTheLimit() {
    Driver.Outcome o = Driver.run(3, 10_000_000_000L, Long.MAX_VALUE, null, (slot, seq) -> {
      if (seq % 2 == 0) {
        throw new DaosException(DaosStatus.NOSPACE, "full");
      }
      return CompletableFuture.failedFuture(new DaosException(DaosStatus.TIMEDOUT, "slow"));
    });
    assertTrue(o.errors() >= Driver.MAX_ERRORS && o.errors() < Driver.MAX_ERRORS + 3, "errors " + o.errors());
    assertEquals(0, o.ops());
    assertTrue(o.seconds() < 5, "did not stop early");
    assertTrue(o.firstError().startsWith("full: DER_NOSPACE"), o.firstError());
  }
}
