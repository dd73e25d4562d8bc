package io.daos.engine.telemetry;

/** A DAOS stats gauge ({@code D_TM_STATS_GAUGE}/{@code D_TM_DURATION}): last value, min, max, sum and samples. */
final class LatencyStats {
  private long last;
  private long min = Long.MAX_VALUE;
  private long max;
  private long sum;
  private long samples;

  synchronized void add(long v) {
    last = v;
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
    samples++;
  }

  /** last, min, max, mean, sum, samples. */
  synchronized double[] values() {
    double mean = samples == 0 ? 0 : (double) sum / samples;
    return new double[] {last, samples == 0 ? 0 : min, max, mean, sum, samples};
  }
}
