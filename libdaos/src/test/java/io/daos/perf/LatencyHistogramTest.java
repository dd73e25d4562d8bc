package io.daos.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
  @Test
  void emptyHistogramReportsZero() {
    LatencyHistogram h = new LatencyHistogram();
    assertEquals(0, h.count());
    assertEquals(0, h.percentile(50));
  }

  @Test
  void smallValuesAreExact() {
    LatencyHistogram h = new LatencyHistogram();
    for (int v = 1; v <= 100; v++) {
      h.record(v);
    }
    assertEquals(50, h.percentile(50));
    assertEquals(99, h.percentile(99));
    assertEquals(100, h.percentile(100));
  }

  @Test
  void bucketsAreContiguousAndWithinOneSixtyFourth() {
    long prevEnd = 0;
    for (int i = 0; i < LatencyHistogram.index(1L << 43); i++) {
      assertEquals(prevEnd, LatencyHistogram.lowest(i), "bucket " + i);
      prevEnd = LatencyHistogram.lowest(i) + LatencyHistogram.width(i);
      assertTrue(LatencyHistogram.width(i) * 64 <= Math.max(64, LatencyHistogram.lowest(i)), "bucket " + i);
    }
    for (long v : new long[] {0, 1, 127, 128, 129, 255, 256, 1_000, 65_432, 1_000_000_007L, 1L << 40}) {
      int i = LatencyHistogram.index(v);
      assertTrue(LatencyHistogram.lowest(i) <= v && v < LatencyHistogram.lowest(i) + LatencyHistogram.width(i),
          "value " + v);
    }
  }

  @Test
  void percentilesOfAUniformSpreadAreWithinTwoPercent() {
    LatencyHistogram h = new LatencyHistogram();
    Random r = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      h.record(10_000 + r.nextInt(90_000));
    }
    assertEquals(100_000, h.count());
    assertEquals(55_000, h.percentile(50), 55_000 * 0.02);
    assertEquals(99_100, h.percentile(99), 99_100 * 0.02);
  }

  @Test
  void hugeAndNegativeValuesAreClamped() {
    LatencyHistogram h = new LatencyHistogram();
    h.record(-5);
    h.record(Long.MAX_VALUE);
    assertEquals(0, h.percentile(50));
    assertTrue(h.percentile(100) >= 1L << 43);
    assertThrows(IllegalArgumentException.class, () -> h.percentile(0));
  }
}
