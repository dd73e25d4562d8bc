package io.daos.server.system;

import io.daos.common.Ticker;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Batches concurrent joins (DAOS mgmt_svc.go batchReqLoop gathers JoinReqs for 250 ms and handles them
 * together): the caller that finds no batch running becomes the batch's runner, waits {@code window} for
 * company, then takes every queued join and hands them to {@code runner} at once (one database commit); joins
 * that arrive meanwhile queue for the next batch, whose runner is the first of them. Every caller gets its
 * own outcome. No thread of its own.
 */
final class JoinBatcher {
  private final Function<List<JoinRequest>, List<Outcome>> runner;
  private final Duration window;
  private final Ticker ticker;
  private final Deque<Pending> queue = new ArrayDeque<>();
  private boolean running;

  /** A join's result or its error. */
  record Outcome(JoinResponse response, RuntimeException error) {
    static Outcome ok(JoinResponse r) {
      return new Outcome(r, null);
    }

    static Outcome failed(RuntimeException e) {
      return new Outcome(null, e);
    }
  }

  private record Pending(JoinRequest req, CompletableFuture<Outcome> result, CompletableFuture<Void> turn) {
  }

  /**
   * @param runner joins a batch; returns one outcome per request, in order
   * @param window how long a batch's first join waits for others (zero: batch only what queued meanwhile)
   */
  JoinBatcher(Function<List<JoinRequest>, List<Outcome>> runner, Duration window) {
    this(runner, window, Ticker.SYSTEM);
  }

  /** As above; the window passes on {@code ticker}. */
  JoinBatcher(Function<List<JoinRequest>, List<Outcome>> runner, Duration window, Ticker ticker) {
    this.runner = runner;
    this.window = window;
    this.ticker = ticker;
  }

  /** Joins {@code req} in the next batch; throws its own error. */
  JoinResponse join(JoinRequest req) {
    Pending p = new Pending(req, new CompletableFuture<>(), new CompletableFuture<>());
    boolean runNow;
    synchronized (this) {
      queue.add(p);
      runNow = !running;
      running = true;
    }
    if (!runNow) {
      await(CompletableFuture.anyOf(p.result(), p.turn()));
    }
    if (!p.result().isDone()) {
      runBatch();
    }
    Outcome o = await(p.result());
    if (o.error() != null) {
      throw o.error();
    }
    return o.response();
  }

  /** Joins waiting for a batch (for tests). */
  synchronized int queued() {
    return queue.size();
  }

  private void runBatch() {
    pause();
    List<Pending> batch;
    synchronized (this) {
      batch = new ArrayList<>(queue);
      queue.clear();
    }
    try {
      List<Outcome> outcomes = runner.apply(batch.stream().map(Pending::req).toList());
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).result().complete(outcomes.get(i));
      }
    } catch (RuntimeException e) {
      batch.forEach(b -> b.result().complete(Outcome.failed(e)));
    } finally {
      handOver();
    }
  }

  /** The first queued join runs the next batch; with none queued, the next caller will. */
  private void handOver() {
    Pending next;
    synchronized (this) {
      next = queue.peekFirst();
      running = next != null;
    }
    if (next != null) {
      next.turn().complete(null);
    }
  }

  private void pause() {
    if (window.isZero() || window.isNegative()) {
      return;
    }
    try {
      ticker.sleep(Duration.ofMillis(window.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits without giving up on interrupts: a queued join must stay to run or receive its batch. */
  private static <T> T await(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      throw new IllegalStateException("join batch failed: " + e.getCause(), e.getCause());
    }
  }
}
