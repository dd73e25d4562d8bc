package io.daos.tool.thrash;

import io.daos.client.DaosKv;
import io.daos.client.obj.Keys;
import io.daos.client.rpc.Futures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The thrash writer: {@code qd} lanes, each with one put in flight at a time, lane j writing keys j, j + qd, ...
 * (cycling through {@code keys} keys) of KV {@code j % kvs.size()}. A key therefore never has two puts in flight, and
 * per key it records the last acknowledged version and the highest version attempted: whatever the store holds at
 * the end must be a version in [acknowledged, attempted], byte-exact. Every acknowledgement's time feeds the stall
 * measure (the gaps between consecutive acknowledgements).
 */
final class Writer {
  /** Gaps between acknowledgements shorter than this are not kept. */
  static final long KEEP_GAP_NANOS = 20_000_000L;

  private final List<DaosKv> kvs;
  private final int qd;
  private final int keys;
  private final int valueSize;
  private final int[] acked;
  private final int[] attempted;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong lastAck = new AtomicLong();
  private final AtomicLong acks = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final Map<String, Long> failuresByStatus = new TreeMap<>();
  /** [start, end] nanos of gaps of at least KEEP_GAP_NANOS between acknowledgements. */
  private final List<long[]> gaps = new ArrayList<>();
  private CountDownLatch lanesDone;

  Writer(List<DaosKv> kvs, int qd, int keys, int valueSize) {
    if (valueSize < 16) {
      throw new IllegalArgumentException("--value-size must be at least 16 bytes (key id, version, check bytes)");
    }
    this.kvs = kvs;
    this.qd = qd;
    this.keys = Math.max(keys, qd);
    this.valueSize = valueSize;
    this.acked = new int[this.keys];
    this.attempted = new int[this.keys];
  }

  int keys() {
    return keys;
  }

  DaosKv kvOf(int key) {
    return kvs.get((key % qd) % kvs.size());
  }

  static byte[] keyBytes(int key) {
    return Keys.utf8("k" + key);
  }

  /** The value of version {@code v} of key {@code key}: key id, version, then bytes from a seeded generator. */
  static byte[] value(int key, int v, int size) {
    byte[] b = new byte[size];
    ByteBuffer.wrap(b).putInt(key).putInt(v);
    SplittableRandom r = new SplittableRandom(((long) key << 32) ^ v ^ 0x5DEECE66DL);
    for (int i = 8; i < size; i++) {
      b[i] = (byte) r.nextInt(256);
    }
    return b;
  }

  void start() {
    running.set(true);
    lastAck.set(System.nanoTime());
    lanesDone = new CountDownLatch(qd);
    for (int lane = 0; lane < qd; lane++) {
      next(lane, lane);
    }
  }

  private void next(int lane, int key) {
    if (!running.get()) {
      lanesDone.countDown();
      return;
    }
    int v;
    synchronized (this) {
      v = ++attempted[key];
    }
    CompletableFuture<Void> f;
    try {
      f = kvOf(key).putAsync(keyBytes(key), value(key, v, valueSize));
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    f.whenComplete((x, e) -> {
      long now = System.nanoTime();
      if (e == null) {
        synchronized (this) {
          if (v > acked[key]) {
            acked[key] = v;
          }
        }
        acks.incrementAndGet();
        long prev = lastAck.getAndSet(now);
        if (now - prev >= KEEP_GAP_NANOS) {
          synchronized (gaps) {
            gaps.add(new long[] {prev, now});
          }
        }
      } else {
        failures.incrementAndGet();
        String st;
        try {
          st = Futures.unwrap(e).status().symbol();
        } catch (RuntimeException other) {
          st = e.getClass().getSimpleName();
        }
        synchronized (failuresByStatus) {
          failuresByStatus.merge(st, 1L, Long::sum);
        }
      }
      int nextKey = key + qd < keys ? key + qd : lane;
      // Hop off the completing thread (an RPC reply thread) before sending the next put.
      CompletableFuture.runAsync(() -> next(lane, nextKey));
    });
  }

  /** Stops issuing and waits (bounded) for the puts in flight. */
  boolean stop(long timeoutSeconds) throws InterruptedException {
    running.set(false);
    return lanesDone.await(timeoutSeconds, TimeUnit.SECONDS);
  }

  long acks() {
    return acks.get();
  }

  long failures() {
    return failures.get();
  }

  Map<String, Long> failuresByStatus() {
    synchronized (failuresByStatus) {
      return new TreeMap<>(failuresByStatus);
    }
  }

  synchronized int acked(int key) {
    return acked[key];
  }

  synchronized int attempted(int key) {
    return attempted[key];
  }

  /** The longest gap between acknowledgements within [from, to] (nanos), counting a gap still open at {@code to}. */
  long longestGap(long from, long to) {
    long best = 0;
    synchronized (gaps) {
      for (long[] g : gaps) {
        long s = Math.max(g[0], from);
        long e = Math.min(g[1], to);
        if (e > s) {
          best = Math.max(best, e - s);
        }
      }
    }
    long last = lastAck.get();
    if (last < to) {
      best = Math.max(best, to - Math.max(last, from));
    }
    return best;
  }
}
