package io.daos.perf;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A small log-linear latency histogram (the HdrHistogram idea, without the dependency): values below 128 ns have
 * a bucket each; above, every power of two is split into 64 equal buckets, so a recorded value is known to within
 * 1/64 (1.6 %). Recording is one array increment, safe from any thread; values are nanoseconds.
 */
public final class LatencyHistogram {
  private static final int SUB_BITS = 7;
  private static final int SUB = 1 << SUB_BITS;
  private static final int HALF = SUB / 2;
  /** Values up to 2^44 ns (about 4.9 hours) have their own bucket; larger ones land in the last. */
  private static final int MAX_SHIFT = 44 - SUB_BITS + 1;
  private static final int BUCKETS = (MAX_SHIFT + 1) * HALF + SUB;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  /** Records one latency of {@code nanos} (negative values count as 0). */
  public void record(long nanos) {
    counts.incrementAndGet(index(Math.max(0, nanos)));
  }

  /** The number of recorded values. */
  public long count() {
    long n = 0;
    for (int i = 0; i < BUCKETS; i++) {
      n += counts.get(i);
    }
    return n;
  }

  /**
   * The value at percentile {@code p} (0 < p <= 100) in nanoseconds: the middle of the bucket holding the
   * {@code ceil(p/100 * count)}-th smallest value; 0 when empty.
   */
  public long percentile(double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
    }
    long n = count();
    if (n == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(p / 100.0 * n));
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return lowest(i) + (width(i) - 1) / 2;
      }
    }
    return lowest(BUCKETS - 1);
  }

  static int index(long v) {
    if (v < SUB) {
      return (int) v;
    }
    int shift = 63 - Long.numberOfLeadingZeros(v) - (SUB_BITS - 1);
    if (shift > MAX_SHIFT) {
      return BUCKETS - 1;
    }
    return shift * HALF + (int) (v >>> shift);
  }

  /** The smallest value that lands in bucket {@code i}. */
  static long lowest(int i) {
    if (i < SUB) {
      return i;
    }
    int shift = i / HALF - 1;
    return (long) (i - shift * HALF) << shift;
  }

  static long width(int i) {
    return i < SUB ? 1 : 1L << (i / HALF - 1);
  }
}
