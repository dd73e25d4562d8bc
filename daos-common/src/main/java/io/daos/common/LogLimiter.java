package io.daos.common;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Rate-limits a log line that a peer can make a daemon repeat: per key, at most {@code burst} lines in each
 * {@code interval}; the lines held back are counted and the next line let through says how many there were. Keys
 * are fixed strings chosen by the caller (one per kind of event), never text from the peer, so the map stays small.
 * Thread-safe.
 */
public final class LogLimiter {
  private final Ticker ticker;
  private final long intervalNanos;
  private final int burst;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public LogLimiter(Ticker ticker, Duration interval, int burst) {
    if (interval.isNegative() || interval.isZero() || burst < 1) {
      throw new IllegalArgumentException("log limit needs a positive interval and burst: " + interval + ", " + burst);
    }
    this.ticker = ticker;
    this.intervalNanos = interval.toNanos();
    this.burst = burst;
  }

  /** 10 lines per key per minute on the system clock: the default for lines a peer can cause. */
  public static LogLimiter perMinute() {
    return new LogLimiter(Ticker.SYSTEM, Duration.ofMinutes(1), 10);
  }

  /** Logs at ERROR unless this key has used its burst in the current interval. */
  public void error(Logger log, String key, String format, Object... args) {
    long held = admit(key);
    if (held >= 0) {
      log.error(format + suffix(held), args);
    }
  }

  /** Logs at WARN unless this key has used its burst in the current interval. */
  public void warn(Logger log, String key, String format, Object... args) {
    long held = admit(key);
    if (held >= 0) {
      log.warn(format + suffix(held), args);
    }
  }

  /** Logs at INFO unless this key has used its burst in the current interval. */
  public void info(Logger log, String key, String format, Object... args) {
    long held = admit(key);
    if (held >= 0) {
      log.info(format + suffix(held), args);
    }
  }

  /** -1 when the line is to be held back, else how many lines of this key were held back since the last one. */
  public long admit(String key) {
    return windows.computeIfAbsent(key, k -> new Window()).admit(ticker.nanoTime());
  }

  private static String suffix(long held) {
    return held == 0 ? "" : " (" + held + " similar lines suppressed)";
  }

  private final class Window {
    private long start = Long.MIN_VALUE;
    private int used;
    private long held;

    synchronized long admit(long now) {
      if (start == Long.MIN_VALUE || now - start >= intervalNanos) {
        start = now;
        used = 0;
      }
      if (used >= burst) {
        held++;
        return -1;
      }
      used++;
      long h = held;
      held = 0;
      return h;
    }
  }
}
