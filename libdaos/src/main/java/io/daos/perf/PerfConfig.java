package io.daos.perf;

import io.daos.placement.object.ObjectClass;
import java.util.Locale;

/**
 * One {@code daos_perf} run: what to drive and how hard. Validated on construction; every error says which flag is
 * wrong and what would be accepted.
 *
 * @param op the operation
 * @param size bytes per operation (value size, or bytes per array read/write)
 * @param qd operations kept in flight through the async API
 * @param seconds length of the measured phase
 * @param warmup length of the unmeasured phase before it
 * @param pool pool label or UUID
 * @param cont container label or UUID (created if absent)
 * @param oclass object class name (DAOS's, without OC_)
 * @param keys working-set size: distinct keys (or array ranges) the run cycles through
 */
public record PerfConfig(PerfOp op, int size, int qd, double seconds, double warmup, String pool, String cont,
                         String oclass, long keys) {
  /** Largest {@code --size}: one array read or write is one Java array. */
  public static final int MAX_SIZE = 256 << 20;
  public static final int MAX_QD = 4096;
  /** The default working set is capped at this many bytes (and at {@link #DEFAULT_KEYS} keys). */
  public static final long DEFAULT_WORKING_SET = 64L << 20;
  public static final long DEFAULT_KEYS = 1024;

  public PerfConfig {
    if (op == null) {
      throw new IllegalArgumentException("missing op: use one of " + PerfOp.names());
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("--size must be 1 B .. 256 MiB, got " + size);
    }
    if (qd < 1 || qd > MAX_QD) {
      throw new IllegalArgumentException("--qd (operations in flight) must be 1.." + MAX_QD + ", got " + qd);
    }
    if (!(seconds > 0) || seconds > 86_400) {
      throw new IllegalArgumentException("--seconds must be > 0 and at most 86400, got " + seconds);
    }
    if (!(warmup >= 0) || warmup > 3_600) {
      throw new IllegalArgumentException("--warmup must be 0..3600 seconds, got " + warmup);
    }
    if (pool == null || pool.isBlank()) {
      throw new IllegalArgumentException("--pool is required: the label or UUID of an existing pool"
          + " (create one with: dmg pool create <label> -z 2G)");
    }
    if (cont == null || cont.isBlank()) {
      throw new IllegalArgumentException("--cont must be a container label or UUID");
    }
    ObjectClass.byName(oclass);
    if (keys < 1) {
      throw new IllegalArgumentException("--keys (working-set size) must be >= 1, got " + keys);
    }
  }

  /** The default working set for {@code size}: {@value #DEFAULT_KEYS} keys, at most 64 MiB in all. */
  public static long defaultKeys(int size) {
    return Math.max(1, Math.min(DEFAULT_KEYS, DEFAULT_WORKING_SET / size));
  }

  public ObjectClass objectClass() {
    return ObjectClass.byName(oclass);
  }

  /**
   * A byte count: a number with an optional unit {@code K/KiB/KB} or {@code M/MiB/MB} (all powers of 2, as
   * {@code daos_perf}), e.g. {@code 4096}, {@code 4K}, {@code 1MiB}.
   */
  public static int parseSize(String s) {
    String t = s.trim().toUpperCase(Locale.ROOT);
    long mult = 1;
    String num = t;
    for (String[] u : new String[][] {{"KIB", "10"}, {"MIB", "20"}, {"KB", "10"}, {"MB", "20"}, {"K", "10"},
        {"M", "20"}, {"B", "0"}}) {
      if (t.endsWith(u[0])) {
        mult = 1L << Integer.parseInt(u[1]);
        num = t.substring(0, t.length() - u[0].length()).trim();
        break;
      }
    }
    try {
      long v = Long.parseLong(num) * mult;
      if (v < 1 || v > MAX_SIZE) {
        throw new IllegalArgumentException("--size must be 1 B .. 256 MiB, got " + s);
      }
      return (int) v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--size \"" + s + "\" is not a size: use bytes or K/M units,"
          + " e.g. 64, 4K, 1M");
    }
  }
}
