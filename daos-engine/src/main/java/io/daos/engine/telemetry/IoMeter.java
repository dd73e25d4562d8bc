package io.daos.engine.telemetry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One object operation's meters (DAOS {@code io/ops/<op>/active} and {@code io/latency/<op>/<size>}): requests in
 * progress and the processing time, in microseconds, per I/O size bucket as DAOS sizes them (256B … 4MB, GT4MB).
 */
public final class IoMeter {
  private final String op;
  private final AtomicLong active = new AtomicLong();
  private final Map<String, LatencyStats> latency = new ConcurrentHashMap<>();

  IoMeter(String op) {
    this.op = op;
  }

  public String op() {
    return op;
  }

  /** A request of this operation started. */
  public void begin() {
    active.incrementAndGet();
  }

  /** The request that {@link #begin} counted finished after {@code micros}, moving {@code bytes}. */
  public void end(long micros, long bytes) {
    active.decrementAndGet();
    latency.computeIfAbsent(sizeBucket(bytes), k -> new LatencyStats()).add(micros);
  }

  long active() {
    return active.get();
  }

  Map<String, LatencyStats> latency() {
    return latency;
  }

  /** DAOS's bucket name for an I/O of {@code bytes}: the smallest power of two from 256 B up that holds it. */
  static String sizeBucket(long bytes) {
    long max = 256;
    while (max <= 4L << 20) {
      if (bytes <= max) {
        return max < 1024 ? max + "B" : max < 1 << 20 ? (max >> 10) + "KB" : (max >> 20) + "MB";
      }
      max <<= 1;
    }
    return "GT4MB";
  }
}
