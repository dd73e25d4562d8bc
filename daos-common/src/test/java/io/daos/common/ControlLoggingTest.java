package io.daos.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

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

  @ParameterizedTest(name = "mask \"{0}\"")
  @MethodSource("libraryLevels")
  void thirdPartyLibrariesLogAtWarnUnlessDebugging(String mask, Level jdaos, Level libraries) {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.classic.Logger daos = ctx.getLogger("io.daos");
    Level rootBefore = root.getLevel();
    Level daosBefore = daos.getLevel();
    try {
      ControlLogging.configure(mask, "", "test");
      assertEquals(jdaos, daos.getEffectiveLevel());
      assertEquals(libraries, ctx.getLogger("org.apache.ratis.server.RaftServer").getEffectiveLevel());
    } finally {
      root.setLevel(rootBefore);
      daos.setLevel(daosBefore);
    }
  }

  static Stream<Arguments> libraryLevels() {
    return Stream.of(Arguments.of("INFO", Level.INFO, Level.WARN), Arguments.of("DEBUG", Level.DEBUG, Level.DEBUG),
        Arguments.of("ERROR", Level.ERROR, Level.ERROR), Arguments.of("NOTICE", Level.WARN, Level.WARN));
  }
}
