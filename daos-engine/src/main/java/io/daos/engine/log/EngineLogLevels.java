package io.daos.engine.log;

import ch.qos.logback.classic.Level;
import io.daos.common.LogMasks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DAOS log mask such as {@code "ERR,mgmt=DEBUG"} ({@link LogMasks#parse}) mapped onto logback levels
 * (DEBUG/DBUG→DEBUG, INFO/NOTE→INFO, WARN→WARN, ERR/ERROR/CRIT/ALRT/EMRG/EMIT→ERROR). Subsystem {@code x}
 * is the logger {@code io.daos.engine.x}.
 */
public record EngineLogLevels(Level defaultLevel, Map<String, Level> subsystems) {
  public static final String SUBSYSTEM_LOGGER_PREFIX = "io.daos.engine.";

  public static EngineLogLevels parse(String mask) throws IllegalArgumentException {
    LogMasks.Priorities p = LogMasks.parse(mask);
    Map<String, Level> subs = new LinkedHashMap<>();
    p.subsystems().forEach((sub, priority) -> subs.put(sub, level(priority)));
    return new EngineLogLevels(level(p.defaultLevel()), Map.copyOf(subs));
  }

  static Level level(int priority) {
    if (priority <= LogMasks.DBUG) {
      return Level.DEBUG;
    }
    if (priority <= LogMasks.NOTE) {
      return Level.INFO;
    }
    return priority == LogMasks.WARN ? Level.WARN : Level.ERROR;
  }
}
