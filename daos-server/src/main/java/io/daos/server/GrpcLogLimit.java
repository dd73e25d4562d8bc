package io.daos.server;

import io.daos.common.LogLimiter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * grpc-java reports each request message it cannot decode twice: the call ends with INTERNAL ("Invalid protobuf
 * byte sequence"), which our interceptors log, and its executor writes the exception with a 30-line stack trace at
 * SEVERE through java.util.logging. A client sending bad requests could fill the log with the second; this filter
 * lets {@code limiter}'s burst of them through per interval and says how many it held back.
 */
final class GrpcLogLimit implements Filter {
  /** Held here: java.util.logging keeps only weak references to its loggers, and a filter lives on the logger. */
  static final Logger EXECUTOR_LOG = Logger.getLogger("io.grpc.internal.SerializingExecutor");

  private final LogLimiter limiter;

  GrpcLogLimit(LogLimiter limiter) {
    this.limiter = limiter;
  }

  /** Rate-limits grpc-java's executor log in this process (10 lines a minute). */
  static void install() {
    EXECUTOR_LOG.setFilter(new GrpcLogLimit(LogLimiter.perMinute()));
  }

  @Override
  public boolean isLoggable(LogRecord r) {
    long held = limiter.admit("grpc executor");
    if (held > 0) {
      r.setMessage(r.getMessage() + " (" + held + " similar lines suppressed)");
    }
    return held >= 0;
  }
}
