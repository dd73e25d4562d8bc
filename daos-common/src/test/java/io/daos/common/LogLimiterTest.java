package io.daos.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogLimiterTest {
  private final FakeTicker ticker = new FakeTicker();
  private final LogLimiter limiter = new LogLimiter(ticker, Duration.ofMinutes(1), 3);
  private final Logger log = (Logger) LoggerFactory.getLogger("LogLimiterTest");
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @BeforeEach
  void attach() {
    lines.start();
    log.addAppender(lines);
    log.setAdditive(false);
    log.setLevel(Level.WARN);
  }

  @AfterEach
  void detach() {
    log.detachAppender(lines);
  }

  private List<String> messages() {
    return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void burstThenHeldBackThenCountedInTheNextInterval() {
    for (int i = 0; i < 1000; i++) {
      limiter.error(log, "bad call", "bad call {}", i);
    }
    assertEquals(List.of("bad call 0", "bad call 1", "bad call 2"), messages());
    ticker.advance(Duration.ofMinutes(1));
    limiter.error(log, "bad call", "bad call {}", 1000);
    assertEquals("bad call 1000 (997 similar lines suppressed)", messages().get(3));
    assertEquals(Level.ERROR, lines.list.get(3).getLevel());
  }

  @Test
  void keysAreLimitedSeparately() {
    for (int i = 0; i < 10; i++) {
      limiter.warn(log, "a", "a {}", i);
      limiter.warn(log, "b", "b {}", i);
    }
    assertEquals(List.of("a 0", "b 0", "a 1", "b 1", "a 2", "b 2"), messages());
  }

  @Test
  void throwableArgumentStaysTheCause() {
    limiter.error(log, "x", "failed: {}", "call", new IllegalStateException("boom"));
    assertEquals("failed: call", messages().get(0));
    assertEquals("boom", lines.list.get(0).getThrowableProxy().getMessage());
  }

  @Test
  void admitCountsWhatWasHeldBack() {
    LogLimiter one = new LogLimiter(ticker, Duration.ofSeconds(1), 1);
    assertEquals(0, one.admit("k"));
    assertEquals(-1, one.admit("k"));
    assertEquals(-1, one.admit("k"));
    ticker.advance(Duration.ofSeconds(1));
    assertEquals(2, one.admit("k"));
  }

  @Test
  void badSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new LogLimiter(ticker, Duration.ZERO, 1));
    assertThrows(IllegalArgumentException.class, () -> new LogLimiter(ticker, Duration.ofSeconds(1), 0));
  }
}
