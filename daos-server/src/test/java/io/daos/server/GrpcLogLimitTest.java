package io.daos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.LogLimiter;
import io.daos.common.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class GrpcLogLimitTest {
  @Test
  void burstPassesThenHeldBack() {
    GrpcLogLimit f = new GrpcLogLimit(new LogLimiter(Ticker.SYSTEM, Duration.ofHours(1), 2));
    assertTrue(f.isLoggable(new LogRecord(Level.SEVERE, "Exception while executing runnable")));
    assertTrue(f.isLoggable(new LogRecord(Level.SEVERE, "Exception while executing runnable")));
    for (int i = 0; i < 100; i++) {
      assertFalse(f.isLoggable(new LogRecord(Level.SEVERE, "Exception while executing runnable")));
    }
  }

  @Test
  void installedOnGrpcsExecutorLogger() {
    GrpcLogLimit.install();
    Logger jul = Logger.getLogger("io.grpc.internal.SerializingExecutor");
    List<LogRecord> seen = new ArrayList<>();
    Handler h = new Handler() {
      @Override
      public void publish(LogRecord r) {
        seen.add(r);
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    boolean parents = jul.getUseParentHandlers();
    jul.setUseParentHandlers(false);
    jul.addHandler(h);
    try {
      for (int i = 0; i < 50; i++) {
        jul.log(Level.SEVERE, "Exception while executing runnable", new IllegalStateException("bad request"));
      }
      assertEquals(10, seen.size());
    } finally {
      jul.removeHandler(h);
      jul.setUseParentHandlers(parents);
    }
  }
}
