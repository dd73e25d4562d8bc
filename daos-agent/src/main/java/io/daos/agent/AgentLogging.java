package io.daos.agent;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import io.daos.agent.config.AgentConfig;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/** Applies {@code control_log_mask} (DAOS levels) and {@code log_file} of daos_agent.yml to logback. */
final class AgentLogging {
  private AgentLogging() {
  }

  static void configure(AgentConfig cfg) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return;
    }
    Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(level(cfg.controlLogMask()));
    if (!cfg.logFile().isEmpty()) {
      root.addAppender(fileAppender(ctx, cfg.logFile()));
    }
  }

  /** DISABLED, TRACE, DEBUG, INFO, NOTICE, ERROR (default INFO). */
  static Level level(String mask) {
    return switch (mask == null ? "" : mask.trim().toUpperCase(Locale.ROOT)) {
      case "DISABLED" -> Level.OFF;
      case "TRACE" -> Level.TRACE;
      case "DEBUG" -> Level.DEBUG;
      case "NOTICE" -> Level.WARN;
      case "ERROR" -> Level.ERROR;
      default -> Level.INFO;
    };
  }

  private static FileAppender<ILoggingEvent> fileAppender(LoggerContext ctx, String file) {
    PatternLayoutEncoder enc = new PatternLayoutEncoder();
    enc.setContext(ctx);
    enc.setPattern("%d{yyyy/MM/dd HH:mm:ss.SSS} %-5level %logger{0}: %msg%n");
    enc.start();
    FileAppender<ILoggingEvent> app = new FileAppender<>();
    app.setContext(ctx);
    app.setName("AGENT_LOG_FILE");
    app.setFile(file);
    app.setAppend(true);
    app.setEncoder(enc);
    app.start();
    return app;
  }
}
