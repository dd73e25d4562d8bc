package io.daos.cart.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.CartReply;
import io.daos.cart.RpcFrame;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PendingCallsTest {
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    timers.shutdownNow();
  }

  private static DaosStatus failure(CompletableFuture<CartReply> f) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    return ((DaosException) e.getCause()).status();
  }

  @Test
  void aCallWithoutReplyTimesOut() {
    PendingCalls calls = new PendingCalls("peer", timers);
    long t0 = System.nanoTime();
    CompletableFuture<CartReply> f = calls.add(1, Duration.ofMillis(100));
    assertEquals(DaosStatus.TIMEDOUT, failure(f));
    assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(100), "not before its deadline");
    assertEquals(0, calls.size());
  }

  @Test
  void aShortTimeoutAfterALongOneStillFiresOnTime() {
    PendingCalls calls = new PendingCalls("peer", timers);
    CompletableFuture<CartReply> slow = calls.add(1, Duration.ofSeconds(60));
    long t0 = System.nanoTime();
    CompletableFuture<CartReply> quick = calls.add(2, Duration.ofMillis(100));
    assertEquals(DaosStatus.TIMEDOUT, failure(quick));
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30), "the short call did not wait for the long one");
    assertFalse(slow.isDone(), "the long call is still waiting");
    assertEquals(1, calls.size());
  }

  @Test
  void callsAddedAfterASweepAreStillWatched() {
    PendingCalls calls = new PendingCalls("peer", timers);
    assertEquals(DaosStatus.TIMEDOUT, failure(calls.add(1, Duration.ofMillis(50))));
    assertEquals(DaosStatus.TIMEDOUT, failure(calls.add(2, Duration.ofMillis(50))));
  }

  @Test
  void anAnsweredCallDoesNotTimeOut() throws Exception {
    PendingCalls calls = new PendingCalls("peer", timers);
    CompletableFuture<CartReply> f = calls.add(7, Duration.ofSeconds(10));
    RpcFrame req = RpcFrame.request(0x01000000, 7, 0, 1, null, null);
    calls.complete(RpcFrame.reply(req, 1, 0, null, null));
    try (CartReply r = f.get(1, TimeUnit.SECONDS)) {
      assertEquals(0, r.status());
    }
    CompletableFuture<CartReply> later = calls.add(8, Duration.ofMillis(100));
    assertEquals(DaosStatus.TIMEDOUT, failure(later));
  }
}
