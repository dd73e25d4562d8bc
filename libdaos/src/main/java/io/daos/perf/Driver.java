package io.daos.perf;

import io.daos.common.Futures;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps {@code qd} operations in flight: each of {@code qd} slots starts its next operation from the completion of
 * the previous one (no thread per slot, no polling), until the deadline or the operation budget is reached. Slot
 * {@code i} never has two operations in flight, so an operation may use a per-slot buffer.
 */
final class Driver {
  /** A phase stops early after this many failed operations. */
  static final long MAX_ERRORS = 1000;

  /** Starts operation number {@code seq} on slot {@code slot}; a failed future (or a throw) is an error. */
  interface Op {
    CompletableFuture<?> start(int slot, long seq);
  }

  /** What a phase did: successful and failed operations, its wall time, and the first failure's message. */
  record Outcome(long ops, long errors, long nanos, String firstError) {
    double seconds() {
      return nanos / 1e9;
    }
  }

  private final Op op;
  private final long maxOps;
  private final long deadline;
  private final LatencyHistogram hist;
  private final CountDownLatch done;
  private final AtomicLong seq = new AtomicLong();
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicReference<String> firstError = new AtomicReference<>();
  private volatile boolean stop;

  private Driver(int qd, Op op, long maxOps, long deadline, LatencyHistogram hist) {
    this.op = op;
    this.maxOps = maxOps;
    this.deadline = deadline;
    this.hist = hist;
    this.done = new CountDownLatch(qd);
  }

  /**
   * Runs {@code op} with {@code qd} in flight for at most {@code nanos} and at most {@code maxOps} operations,
   * recording each successful operation's latency in {@code hist} (null: none).
   */
  static Outcome run(int qd, long nanos, long maxOps, LatencyHistogram hist, Op op) {
    long start = System.nanoTime();
    Driver d = new Driver(qd, op, maxOps, start + nanos, hist);
    for (int s = 0; s < qd; s++) {
      d.next(s);
    }
    try {
      d.done.await();
    } catch (InterruptedException e) {
      d.stop = true;
      Thread.currentThread().interrupt();
    }
    return new Outcome(d.ok.get(), d.errors.get(), System.nanoTime() - start, d.firstError.get());
  }

  private void next(int slot) {
    while (true) {
      long s = seq.getAndIncrement();
      if (stop || s >= maxOps || System.nanoTime() - deadline >= 0) {
        done.countDown();
        return;
      }
      long t0 = System.nanoTime();
      CompletableFuture<?> f = start(slot, s);
      if (!f.isDone()) {
        f.whenComplete((r, e) -> {
          finish(t0, e);
          next(slot);
        });
        return;
      }
      finish(t0, failure(f));
    }
  }

  private CompletableFuture<?> start(int slot, long s) {
    try {
      return op.start(slot, s);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void finish(long t0, Throwable e) {
    if (e == null) {
      if (hist != null) {
        hist.record(System.nanoTime() - t0);
      }
      ok.incrementAndGet();
      return;
    }
    Throwable c = Futures.cause(e);
    firstError.compareAndSet(null, String.valueOf(c.getMessage()));
    if (errors.incrementAndGet() >= MAX_ERRORS) {
      stop = true;
    }
  }

  private static Throwable failure(CompletableFuture<?> f) {
    try {
      f.join();
      return null;
    } catch (CompletionException | CancellationException e) {
      return e;
    }
  }
}
