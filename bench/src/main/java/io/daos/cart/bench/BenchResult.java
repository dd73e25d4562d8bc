package io.daos.cart.bench;

import java.util.Locale;

/** One measured loop: operations, bytes moved per operation and elapsed time. */
record BenchResult(long ops, long bytesPerOp, long nanos) {
  double usPerOp() {
    return nanos / 1e3 / ops;
  }

  double opsPerSec() {
    return ops * 1e9 / nanos;
  }

  double mbPerSec() {
    return opsPerSec() * bytesPerOp / 1e6;
  }

  String json() {
    return String.format(Locale.ROOT, "{\"ops\": %d, \"us_per_op\": %.1f, \"ops_per_s\": %.0f, \"mb_per_s\": %.1f}",
        ops, usPerOp(), opsPerSec(), mbPerSec());
  }

  /** Runs {@code op} for {@code warmupMs}, then measures it for {@code measureMs}. */
  static BenchResult run(long bytesPerOp, long warmupMs, long measureMs, Op op) throws Exception {
    loop(op, warmupMs);
    long t0 = System.nanoTime();
    long n = loop(op, measureMs);
    return new BenchResult(n, bytesPerOp, System.nanoTime() - t0);
  }

  private static long loop(Op op, long ms) throws Exception {
    long end = System.nanoTime() + ms * 1_000_000L;
    long n = 0;
    while (System.nanoTime() < end) {
      op.run();
      n++;
    }
    return n;
  }

  /** One synchronous operation. */
  @FunctionalInterface
  interface Op {
    void run() throws Exception;
  }
}
