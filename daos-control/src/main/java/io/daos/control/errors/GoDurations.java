package io.daos.control.errors;

import java.math.BigDecimal;
import java.time.Duration;

/** Formats durations as Go's {@code time.Duration.String()} does ("5m0s", "1.5s", "250ms"), for DAOS texts. */
final class GoDurations {
  private GoDurations() {
  }

  static String format(Duration d) {
    long nanos = d.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    if (nanos < 1_000_000_000L) {
      if (nanos < 1_000) {
        return nanos + "ns";
      }
      if (nanos < 1_000_000) {
        return trim(BigDecimal.valueOf(nanos, 3)) + "µs";
      }
      return trim(BigDecimal.valueOf(nanos, 6)) + "ms";
    }
    long h = nanos / 3_600_000_000_000L;
    long m = nanos / 60_000_000_000L % 60;
    String s = trim(BigDecimal.valueOf(nanos % 60_000_000_000L, 9)) + "s";
    if (h > 0) {
      return h + "h" + m + "m" + s;
    }
    return m > 0 ? m + "m" + s : s;
  }

  private static String trim(BigDecimal v) {
    BigDecimal t = v.stripTrailingZeros();
    return t.scale() < 0 ? t.setScale(0).toPlainString() : t.toPlainString();
  }
}
