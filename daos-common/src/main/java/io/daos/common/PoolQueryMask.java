package io.daos.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** DAOS's pool query mask (daos_pool.h DPI_* bits) and its string form: the set options' names, sorted. */
public final class PoolQueryMask {
  public static final long SPACE = 1L;
  public static final long REBUILD = 1L << 1;
  public static final long ENGINES_ENABLED = 1L << 2;
  public static final long ENGINES_DISABLED = 1L << 3;
  public static final long ENGINES_DEAD = 1L << 4;
  public static final long SELF_HEAL_POLICY = 1L << 6;
  /** DAOS DefaultPoolQueryMask: every bit but enabled/dead engines and the self-heal policy. */
  public static final long DEFAULT = ~(ENGINES_ENABLED | ENGINES_DEAD | SELF_HEAL_POLICY);
  /** DAOS HealthOnlyPoolQueryMask: every bit but enabled engines, space and the self-heal policy. */
  public static final long HEALTH_ONLY = ~(ENGINES_ENABLED | SPACE | SELF_HEAL_POLICY);

  private static final Map<String, Long> NAMES = new TreeMap<>(Map.of("space", SPACE, "rebuild", REBUILD,
      "enabled_engines", ENGINES_ENABLED, "disabled_engines", ENGINES_DISABLED, "dead_engines", ENGINES_DEAD,
      "self_heal_policy", SELF_HEAL_POLICY));

  private PoolQueryMask() {
  }

  /** "disabled_engines,rebuild,space" for the default mask; "" for 0. */
  public static String toString(long mask) {
    List<String> out = new ArrayList<>();
    NAMES.forEach((name, bit) -> {
      if ((mask & bit) != 0) {
        out.add(name);
      }
    });
    return String.join(",", out);
  }

  public static boolean has(long mask, long bit) {
    return (mask & bit) != 0;
  }
}
