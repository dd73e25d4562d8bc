package io.daos.engine.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.FileAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The engine's logback set-up: D_LOG_FILE (when set) becomes the only appender, D_LOG_MASK the levels;
 * SetLogMasks (dRPC 238) changes levels at run time and can reset to the configured mask. An engine embedded in
 * another program ({@link #embedded}) leaves logback to that program: masks are checked, never applied.
 */
public final class EngineLogging {
  private static final String PATTERN = "%d{yyyy/MM/dd HH:mm:ss.SSS} %-5level [%thread] %logger{20}: %msg%n";

  private final String configuredMask;
  private final boolean owned;
  private final List<String> touched = new ArrayList<>();

  private EngineLogging(String configuredMask, boolean owned) {
    this.configuredMask = configuredMask;
    this.owned = owned;
  }

  /** Applies D_LOG_FILE and D_LOG_MASK; an invalid mask throws before anything changes. */
  public static EngineLogging configure(String logFile, String mask) {
    EngineLogLevels masks = EngineLogLevels.parse(mask);
    EngineLogging l = new EngineLogging(mask, true);
    if (logFile != null && !logFile.isEmpty() && context() != null) {
      l.logToFile(logFile);
    }
    l.apply(masks);
    return l;
  }

  /**
   * For an engine that shares its JVM with others (the in-process cluster): D_LOG_MASK and SetLogMasks are
   * validated as usual but the process-wide logback levels and appenders stay as the host program set them.
   */
  public static EngineLogging embedded(String mask) {
    EngineLogLevels.parse(mask);
    return new EngineLogging(mask, false);
  }

  /** Sets new masks (DAOS's d_log_sync_mask_ex); an empty string or {@code reset} restores D_LOG_MASK. */
  public synchronized void setMasks(String mask, boolean reset) {
    apply(EngineLogLevels.parse(reset || mask.isBlank() ? configuredMask : mask));
  }

  /** The level the engine's own loggers log at now. */
  public Level currentLevel() {
    LoggerContext ctx = context();
    return ctx == null ? null : ctx.getLogger("io.daos").getEffectiveLevel();
  }

  private synchronized void apply(EngineLogLevels masks) {
    LoggerContext ctx = context();
    if (ctx == null || !owned) {
      return; // another slf4j binding; levels are not ours to set
    }
    ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN); // third-party libraries
    ctx.getLogger("io.daos").setLevel(masks.defaultLevel());
    for (String name : touched) {
      ctx.getLogger(name).setLevel(null);
    }
    touched.clear();
    masks.subsystems().forEach((sub, level) -> {
      String name = EngineLogLevels.SUBSYSTEM_LOGGER_PREFIX + sub;
      ctx.getLogger(name).setLevel(level);
      touched.add(name);
    });
  }

  private void logToFile(String file) {
    LoggerContext ctx = context();
    PatternLayoutEncoder enc = new PatternLayoutEncoder();
    enc.setContext(ctx);
    enc.setPattern(PATTERN);
    enc.start();
    FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> app = new FileAppender<>();
    app.setContext(ctx);
    app.setName("D_LOG_FILE");
    app.setFile(file);
    app.setAppend(true);
    app.setEncoder(enc);
    app.start();
    Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(app);
  }

  private static LoggerContext context() {
    return LoggerFactory.getILoggerFactory() instanceof LoggerContext c ? c : null;
  }
}
