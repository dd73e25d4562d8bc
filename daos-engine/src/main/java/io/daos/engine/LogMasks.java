package io.daos.engine;

import ch.qos.logback.classic.Level;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A DAOS log mask such as {@code "ERR,mgmt=DEBUG"}: a default priority and per-subsystem overrides,
 * mapped onto logback levels (DEBUG/DBUG→DEBUG, INFO/NOTE→INFO, WARN→WARN, ERR/ERROR/CRIT/ALRT/EMRG/
 * EMIT→ERROR). Subsystem {@code x} is the logger {@code io.daos.engine.x}.
 */
public record LogMasks(Level defaultLevel, Map<String, Level> subsystems) {
  public static final String SUBSYSTEM_LOGGER_PREFIX = "io.daos.engine.";

  public static LogMasks parse(String mask) throws IllegalArgumentException {
    Level def = null;
    Map<String, Level> subs = new LinkedHashMap<>();
    for (String part : mask.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq < 0) {
        def = level(p);
      } else {
        subs.put(p.substring(0, eq).trim().toLowerCase(Locale.ROOT), level(p.substring(eq + 1)));
      }
    }
    return new LogMasks(def == null ? Level.ERROR : def, Map.copyOf(subs));
  }

  static Level level(String name) {
    switch (name.trim().toUpperCase(Locale.ROOT)) {
      case "DEBUG", "DBUG":
        return Level.DEBUG;
      case "INFO", "NOTE":
        return Level.INFO;
      case "WARN", "WARNING":
        return Level.WARN;
      case "ERR", "ERROR", "CRIT", "ALRT", "EMRG", "EMIT", "FATAL":
        return Level.ERROR;
      default:
        throw new IllegalArgumentException("unknown log priority '" + name.trim()
            + "' (use DEBUG, INFO, NOTE, WARN, ERR, CRIT, ALRT, EMRG or EMIT)");
    }
  }
}
