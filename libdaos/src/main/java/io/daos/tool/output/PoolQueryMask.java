package io.daos.tool.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** DAOS's pool query mask ({@code DPI_*} bits of daos_pool.h) and its string form: set option names, sorted. */
public final class PoolQueryMask {
  public static final long SPACE = 1L;
  public static final long REBUILD = 1L << 1;
  public static final long ENGINES_ENABLED = 1L << 2;
  public static final long ENGINES_DISABLED = 1L << 3;
  public static final long ENGINES_DEAD = 1L << 4;
  public static final long SELF_HEAL_POLICY = 1L << 6;
  /** {@code DefaultPoolQueryMask}. */
  public static final long DEFAULT = ~(ENGINES_ENABLED | ENGINES_DEAD | SELF_HEAL_POLICY);
  /** {@code HealthOnlyPoolQueryMask}. */
  public static final long HEALTH_ONLY = ~(ENGINES_ENABLED | SPACE | SELF_HEAL_POLICY);

  private static final Map<String, Long> NAMES = new TreeMap<>(Map.of("space", SPACE, "rebuild", REBUILD,
      "enabled_engines", ENGINES_ENABLED, "disabled_engines", ENGINES_DISABLED, "dead_engines", ENGINES_DEAD,
      "self_heal_policy", SELF_HEAL_POLICY));

  private PoolQueryMask() {
  }

  public static String toString(long mask) {
    List<String> out = new ArrayList<>();
    NAMES.forEach((name, bit) -> {
      if ((mask & bit) != 0) {
        out.add(name);
      }
    });
    return String.join(",", out);
  }
}
