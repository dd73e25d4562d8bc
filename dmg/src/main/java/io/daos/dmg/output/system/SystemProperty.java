package io.daos.dmg.output.system;

import java.util.Map;

/** One system property as DAOS's dmg prints it in JSON: {"key","value","description"}. */
public record SystemProperty(String key, String value, String description) {
  private static final Map<String, String> DESCRIPTIONS = Map.of(
      "daos_version", "DAOS version",
      "daos_system", "DAOS system name",
      "pool_scrub_mode", "Checksum scrubbing mode",
      "pool_scrub_thresh", "Checksum scrubbing threshold",
      "self_heal", "Self-heal policy for the system");

  /** The property with its description (dmg's own table, as DAOS's client fills it in). */
  public static SystemProperty of(String key, String value) {
    return new SystemProperty(key, value, DESCRIPTIONS.getOrDefault(key, ""));
  }

  /** True if {@code key} is a DAOS system property. */
  public static boolean isKnown(String key) {
    return DESCRIPTIONS.containsKey(key);
  }
}
