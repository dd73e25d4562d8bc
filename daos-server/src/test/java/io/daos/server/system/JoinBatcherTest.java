package io.daos.server.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.FakeTicker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Concurrent joins share batches; every caller gets its own outcome. */
class JoinBatcherTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(40);

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
  }

  static JoinRequest req(int i) {
    return JoinRequest.builder().rank(i).uuid(new UUID(0, i)).controlAddr("10.0.0.1:10001")
        .primaryFabricUri("ofi+tcp://10.0.0.1:" + i).faultDomain(FaultDomain.parse("/host1")).build();
  }

  /** Answers request i with a member of rank i, or fails the odd ones; the first batch waits for a latch. */
  static final class Runner {
    final List<Integer> sizes = new CopyOnWriteArrayList<>();
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    List<JoinBatcher.Outcome> run(List<JoinRequest> reqs) {
      sizes.add(reqs.size());
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      List<JoinBatcher.Outcome> out = new ArrayList<>();
      for (JoinRequest r : reqs) {
        out.add(r.rank() % 2 == 1 ? JoinBatcher.Outcome.failed(new IllegalStateException("odd " + r.rank()))
            : JoinBatcher.Outcome.ok(new JoinResponse(Member.builder().rank(r.rank()).uuid(r.uuid()).build(),
                true, MemberState.UNKNOWN, r.rank())));
      }
      return out;
    }
  }

  @Test
  void joinsArrivingDuringABatchShareTheNext() throws Exception {
    Runner runner = new Runner();
    JoinBatcher batcher = new JoinBatcher(runner::run, Duration.ZERO);
    List<Future<Object>> results = new ArrayList<>();
    results.add(pool.submit(() -> call(batcher, 0)));
    assertTrue(runner.entered.await(10, TimeUnit.SECONDS), "first batch runs");
    for (int i = 1; i < 30; i++) {
      int n = i;
      results.add(pool.submit(() -> call(batcher, n)));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (batcher.queued() < 29 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(29, batcher.queued(), "the others wait for the next batch");
    runner.release.countDown();
    for (int i = 0; i < results.size(); i++) {
      Object got = results.get(i).get(10, TimeUnit.SECONDS);
      if (i % 2 == 1) {
        assertEquals("odd " + i, ((RuntimeException) got).getMessage(), "join " + i + " keeps its own error");
      } else {
        assertEquals(i, ((JoinResponse) got).member().rank(), "join " + i + " gets its own response");
      }
    }
    assertEquals(List.of(1, 29), runner.sizes, "two batches for 30 joins");
    assertEquals(0, batcher.queued());
  }

  @Test
  void aFailingBatchFailsEveryJoinInIt() throws Exception {
    IllegalStateException boom = new IllegalStateException("commit failed");
    JoinBatcher batcher = new JoinBatcher(reqs -> {
      throw boom;
    }, Duration.ZERO);
    assertSame(boom, call(batcher, 0));
    assertSame(boom, call(batcher, 2), "the next join runs its own batch");
  }

  @Test
  void windowGathersConcurrentJoins() throws Exception {
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    FakeTicker ticker = new FakeTicker();
    JoinBatcher batcher = new JoinBatcher(reqs -> {
      sizes.add(reqs.size());
      return reqs.stream().map(r -> JoinBatcher.Outcome.ok(null)).toList();
    }, Duration.ofSeconds(30), ticker);
    ticker.onPause(() -> awaitQueued(batcher, 20));
    long start = ticker.nanoTime();
    List<Future<Object>> results = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int n = i;
      results.add(pool.submit(() -> call(batcher, n)));
    }
    for (Future<Object> f : results) {
      f.get(10, TimeUnit.SECONDS);
    }
    assertEquals(List.of(20), sizes, "all waited in the first join's window");
    assertEquals(1, ticker.pauses());
    assertEquals(Duration.ofSeconds(30), Duration.ofNanos(ticker.nanoTime() - start));
  }

  /** The window's pause: it ends once {@code n} joins are queued (or after 10 s, and the test fails). */
  private static void awaitQueued(JoinBatcher b, int n) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (b.queued() < n && System.nanoTime() - deadline < 0) {
      Thread.onSpinWait();
    }
  }

  private static Object call(JoinBatcher b, int i) {
    try {
      return b.join(req(i));
    } catch (RuntimeException e) {
      return e;
    }
  }
}
