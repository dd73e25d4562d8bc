package io.daos.common;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * DAOS's hybrid logical clock (gurt/hlc.c): a 64-bit unsigned timestamp in units of 1/16 ns since
 * 2021-01-01 00:00:00 UTC whose low 18 bits are a logical counter. {@link #now()} never goes backwards;
 * {@link #update(long)} merges a timestamp received from another node. Thread-safe; the physical clock
 * is injectable for tests.
 */
public final class Hlc {
  /** Unix seconds of the HLC epoch (2021-01-01T00:00:00Z). */
  public static final long START_UNIX_SECONDS = 1_609_459_200L;
  /** HLC units per nanosecond. */
  public static final long UNITS_PER_NANO = 16;
  /** The 18 logical bits. */
  public static final long LOGICAL_MASK = 0x3FFFFL;
  private static final long START_UNIX_NANOS = START_UNIX_SECONDS * 1_000_000_000L;
  private static final Hlc SYSTEM = new Hlc(Hlc::systemUnixNanos);

  private final LongSupplier unixNanos;
  private final AtomicLong last = new AtomicLong();
  private volatile long epsilon = 1_000_000_000L * UNITS_PER_NANO;

  /** A clock reading physical time from {@code unixNanos} (nanoseconds since the Unix epoch). */
  public Hlc(LongSupplier unixNanos) {
    this.unixNanos = unixNanos;
  }

  /** The process-wide clock on the system's real-time clock. */
  public static Hlc system() {
    return SYSTEM;
  }

  private static long systemUnixNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  private long physical() {
    long ns = unixNanos.getAsLong();
    if (ns <= START_UNIX_NANOS) {
      throw new IllegalStateException("system clock is before 2021-01-01; fix the clock (HLC cannot run)");
    }
    return ((ns - START_UNIX_NANOS) * UNITS_PER_NANO) & ~LOGICAL_MASK;
  }

  /** A new timestamp, greater than every timestamp this clock returned or merged before. */
  public long now() {
    long pt = physical();
    while (true) {
      long hlc = last.get();
      long next = Long.compareUnsigned(hlc & ~LOGICAL_MASK, pt) < 0 ? pt : hlc + 1;
      if (last.compareAndSet(hlc, next)) {
        return next;
      }
    }
  }

  /**
   * Merges a remote timestamp and returns a new local one greater than both.
   *
   * @throws DaosException {@link DaosStatus#HLC_SYNC} if the remote clock is ahead by more than
   *     {@link #epsilon()}
   */
  public long update(long remote) {
    long pt = physical();
    long ml = remote & ~LOGICAL_MASK;
    long offset = Long.compareUnsigned(ml, pt) > 0 ? ml - pt : 0;
    if (Long.compareUnsigned(offset, epsilon) > 0) {
      throw new DaosException(DaosStatus.HLC_SYNC, "remote clock is " + Duration.ofNanos(offset / UNITS_PER_NANO)
          + " ahead (max " + epsilon() + "); synchronise the nodes' clocks (NTP/chrony)");
    }
    while (true) {
      long hlc = last.get();
      long next = merge(hlc, remote, ml, pt);
      if (last.compareAndSet(hlc, next)) {
        return next;
      }
    }
  }

  private static long merge(long hlc, long msg, long ml, long pt) {
    long hl = hlc & ~LOGICAL_MASK;
    if (Long.compareUnsigned(hl, ml) < 0) {
      return Long.compareUnsigned(ml, pt) < 0 ? pt : msg + 1;
    }
    if (Long.compareUnsigned(hl, pt) < 0) {
      return pt;
    }
    if (Long.compareUnsigned(pt, ml) <= 0) {
      return (Long.compareUnsigned(hlc, msg) < 0 ? msg : hlc) + 1;
    }
    return hlc + 1;
  }

  /** The largest accepted clock offset (default 1 s); rounded up to whole physical ticks as DAOS does. */
  public void setEpsilon(Duration maxOffset) {
    long units = maxOffset.toNanos() * UNITS_PER_NANO;
    this.epsilon = (units + LOGICAL_MASK) & ~LOGICAL_MASK;
  }

  public Duration epsilon() {
    return Duration.ofNanos(epsilon / UNITS_PER_NANO);
  }

  /** Nanoseconds since the Unix epoch for an HLC timestamp. */
  public static long toUnixNanos(long hlc) {
    return Long.divideUnsigned(hlc, UNITS_PER_NANO) + START_UNIX_NANOS;
  }

  /** The HLC timestamp for Unix nanoseconds; 0 for times before 2021 (as DAOS). */
  public static long fromUnixNanos(long unixNanos) {
    return unixNanos < START_UNIX_NANOS ? 0 : (unixNanos - START_UNIX_NANOS) * UNITS_PER_NANO;
  }

  public static Instant toInstant(long hlc) {
    long ns = toUnixNanos(hlc);
    return Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
  }

  public static long fromInstant(Instant t) {
    return fromUnixNanos(t.getEpochSecond() * 1_000_000_000L + t.getNano());
  }
}
