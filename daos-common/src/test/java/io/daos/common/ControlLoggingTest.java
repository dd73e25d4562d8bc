package io.daos.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ControlLoggingTest {
  static Stream<Arguments> masks() {
    return Stream.of(Arguments.of("DISABLED", Level.OFF), Arguments.of("trace", Level.TRACE),
        Arguments.of("DEBUG", Level.DEBUG), Arguments.of("INFO", Level.INFO), Arguments.of("NOTICE", Level.WARN),
        Arguments.of("error", Level.ERROR), Arguments.of("", Level.INFO), Arguments.of(null, Level.INFO));
  }

  @ParameterizedTest(name = "mask \"{0}\"")
  @MethodSource("masks")
  void controlLogMaskMapsToLogbackLevel(String mask, Level want) {
    assertEquals(want, ControlLogging.level(mask));
  }
}
