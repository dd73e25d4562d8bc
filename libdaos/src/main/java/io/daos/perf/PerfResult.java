package io.daos.perf;

import java.util.Locale;

/**
 * What {@code daos_perf} measured, printed as one JSON object. MB are 10^6 bytes; latencies are microseconds from
 * the start of an operation to its completion, for successful operations of the measured phase.
 *
 * @param op operation name
 * @param size bytes per operation
 * @param qd operations in flight
 * @param oclass object class of the object driven
 * @param keys working-set size
 * @param seconds wall time of the measured phase
 * @param ops successful operations in it
 * @param errors failed operations (including read-back mismatches) in every phase
 * @param p50Nanos median latency
 * @param p99Nanos 99th percentile latency
 */
public record PerfResult(String op, int size, int qd, String oclass, long keys, double seconds, long ops,
                         long errors, long p50Nanos, long p99Nanos) {
  public double opsPerSec() {
    return seconds > 0 ? ops / seconds : 0;
  }

  public double mbPerSec() {
    return opsPerSec() * size / 1e6;
  }

  /** The single-line JSON object {@code daos_perf} prints. */
  public String toJson() {
    return String.format(Locale.ROOT, "{\"op\":\"%s\",\"size\":%d,\"qd\":%d,\"oclass\":\"%s\",\"keys\":%d,"
            + "\"seconds\":%.3f,\"ops\":%d,\"ops_per_sec\":%.1f,\"mb_per_sec\":%.2f,\"p50_us\":%.1f,"
            + "\"p99_us\":%.1f,\"errors\":%d}",
        op, size, qd, oclass, keys, seconds, ops, opsPerSec(), mbPerSec(), p50Nanos / 1e3, p99Nanos / 1e3, errors);
  }
}
