package io.daos.cart.context;

import io.daos.cart.CartReply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The timeout sweep on a fake clock: calls time out exactly at their deadline, with one sweep per deadline. */
class PendingCallsClockTest {
  private final FakeSweepTimer timer = new FakeSweepTimer();
  private final PendingCalls calls = new PendingCalls("peer", timer);

  private static DaosStatus failure(CompletableFuture<CartReply> f) {
    assertTrue(f.isCompletedExceptionally(), "failed");
    return ((DaosException) f.handle((r, e) -> e).join()).status();
  }

  @Test
  void aCallTimesOutAtItsDeadlineNotBefore() {
    CompletableFuture<CartReply> f = calls.add(1, Duration.ofMillis(100));
    timer.advance(Duration.ofMillis(99));
    assertFalse(f.isDone());
    timer.advance(Duration.ofMillis(1));
    assertEquals(DaosStatus.TIMEDOUT, failure(f));
    assertEquals(0, calls.size());
  }

  @Test
  void aShortTimeoutAfterALongOneFiresOnTime() {
    CompletableFuture<CartReply> slow = calls.add(1, Duration.ofSeconds(60));
    CompletableFuture<CartReply> quick = calls.add(2, Duration.ofMillis(100));
    timer.advance(Duration.ofMillis(100));
    assertEquals(DaosStatus.TIMEDOUT, failure(quick));
    assertFalse(slow.isDone());
    timer.advance(Duration.ofSeconds(60));
    assertEquals(DaosStatus.TIMEDOUT, failure(slow));
  }

  @Test
  void callsWithTheSameTimeoutShareOneScheduledSweep() {
    calls.add(1, Duration.ofSeconds(1));
    timer.advance(Duration.ofMillis(10));
    calls.add(2, Duration.ofSeconds(1));
    calls.add(3, Duration.ofSeconds(1));
    assertEquals(1, timer.scheduled());
    timer.advance(Duration.ofMillis(990));
    assertEquals(2, calls.size(), "the first sweep found only call 1 due; calls 2 and 3 get the next one");
    assertEquals(1, timer.scheduled());
    timer.advance(Duration.ofMillis(10));
    assertEquals(0, calls.size());
  }

  @Test
  void aShutDownTimerFailsTheCallsWithShutdown() {
    timer.shutDown();
    assertEquals(DaosStatus.SHUTDOWN, failure(calls.add(1, Duration.ofSeconds(1))));
  }
}
