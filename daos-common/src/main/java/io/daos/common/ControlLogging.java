package io.daos.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Applies a daemon's DAOS control log settings ({@code control_log_mask} and its log file: daos_server's
 * {@code control_log_file}, daos_agent's {@code log_file}) to logback. Only daemons that run on logback call
 * it; logback is an optional dependency of daos-common.
 */
public final class ControlLogging {
  private ControlLogging() {
  }

  /**
   * Sets jdaos's level from {@code mask} and, unless {@code file} is empty, adds a file appender. Third-party
   * libraries (Ratis, gRPC, Netty) log at WARN unless the mask asks for DEBUG or TRACE: their INFO lines are not
   * what an operator's INFO means (DAOS's Go daemons have none).
   */
  public static void configure(String mask, String file, String appenderName) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return;
    }
    Level level = level(mask);
    Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(level.isGreaterOrEqual(Level.WARN) || level.toInt() <= Level.DEBUG.toInt() ? level : Level.WARN);
    ctx.getLogger("io.daos").setLevel(level);
    if (file != null && !file.isEmpty()) {
      root.addAppender(fileAppender(ctx, file, appenderName));
    }
  }

  /** DAOS control_log_mask: DISABLED, TRACE, DEBUG, INFO, NOTICE, ERROR (default INFO). */
  public static Level level(String mask) {
    return switch (mask == null ? "" : mask.trim().toUpperCase(Locale.ROOT)) {
      case "DISABLED" -> Level.OFF;
      case "TRACE" -> Level.TRACE;
      case "DEBUG" -> Level.DEBUG;
      case "NOTICE" -> Level.WARN;
      case "ERROR" -> Level.ERROR;
      default -> Level.INFO;
    };
  }

  private static FileAppender<ILoggingEvent> fileAppender(LoggerContext ctx, String file, String name) {
    PatternLayoutEncoder enc = new PatternLayoutEncoder();
    enc.setContext(ctx);
    enc.setPattern("%d{yyyy/MM/dd HH:mm:ss.SSS} %-5level %logger{0}: %msg%n");
    enc.start();
    FileAppender<ILoggingEvent> app = new FileAppender<>();
    app.setContext(ctx);
    app.setName(name);
    app.setFile(file);
    app.setAppend(true);
    app.setEncoder(enc);
    app.start();
    return app;
  }
}
