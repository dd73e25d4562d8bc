package io.daos.engine;

/**
 * A fresh engine incarnation, HLC-shaped like DAOS's {@code crt_hlc_get()}: nanoseconds since 2021-01-01
 * UTC with the low 18 (logical) bits cleared. A restarted engine always gets a larger value.
 */
final class Incarnation {
  private static final long EPOCH_2021_MS = 1_609_459_200_000L;
  private static final long LOGICAL_MASK = (1L << 18) - 1;

  private Incarnation() {
  }

  static long now() {
    long ns = (System.currentTimeMillis() - EPOCH_2021_MS) * 1_000_000L + System.nanoTime() % 1_000_000L;
    return (ns & ~LOGICAL_MASK) + (1L << 18);
  }
}
