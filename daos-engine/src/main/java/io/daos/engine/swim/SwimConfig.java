package io.daos.engine.swim;

import java.util.Map;

/**
 * SWIM's protocol parameters, DAOS's defaults ({@code src/cart/swim/swim_internal.h}): a 1000 ms protocol period,
 * a 900 ms ping timeout, a 20 s suspect timeout (20 default periods, not 20 overridden ones), 2 indirect-ping
 * subgroup members, 8 piggybacked updates per message, each sent 50 times. The engine's environment overrides the
 * first four with {@code SWIM_PROTOCOL_PERIOD_LEN}, {@code SWIM_PING_TIMEOUT}, {@code SWIM_SUSPECT_TIMEOUT}
 * (milliseconds) and {@code SWIM_SUBGROUP_SIZE}, as DAOS's engine does. A suspect timeout of 0 declares an
 * unanswering member dead at once.
 */
public record SwimConfig(long periodMs, long pingTimeoutMs, long suspectTimeoutMs, int subgroupSize,
    int piggybackEntries, int piggybackTxMax) {
  public static final String PERIOD_VAR = "SWIM_PROTOCOL_PERIOD_LEN";
  public static final String PING_TIMEOUT_VAR = "SWIM_PING_TIMEOUT";
  public static final String SUSPECT_TIMEOUT_VAR = "SWIM_SUSPECT_TIMEOUT";
  public static final String SUBGROUP_SIZE_VAR = "SWIM_SUBGROUP_SIZE";

  public static final SwimConfig DEFAULTS = new SwimConfig(1000, 900, 20 * 1000, 2, 8, 50);

  public SwimConfig {
    if (periodMs < 1 || pingTimeoutMs < 1 || suspectTimeoutMs < 0 || subgroupSize < 0 || piggybackEntries < 0
        || piggybackTxMax < 1) {
      throw new IllegalArgumentException("invalid SWIM parameters: period " + periodMs + " ms, ping timeout "
          + pingTimeoutMs + " ms, suspect timeout " + suspectTimeoutMs + " ms, subgroup " + subgroupSize);
    }
  }

  /**
   * DAOS's defaults with the SWIM_* variables of {@code env} applied.
   *
   * @throws IllegalArgumentException naming the variable when one is not a number in range
   */
  public static SwimConfig fromEnv(Map<String, String> env) {
    SwimConfig d = DEFAULTS;
    return new SwimConfig(ms(env, PERIOD_VAR, d.periodMs, 1), ms(env, PING_TIMEOUT_VAR, d.pingTimeoutMs, 1),
        ms(env, SUSPECT_TIMEOUT_VAR, d.suspectTimeoutMs, 0), (int) ms(env, SUBGROUP_SIZE_VAR, d.subgroupSize, 0),
        d.piggybackEntries, d.piggybackTxMax);
  }

  private static long ms(Map<String, String> env, String name, long def, long min) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return def;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n >= min && n <= Integer.MAX_VALUE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + "=" + v + " is not a number in [" + min + ", " + Integer.MAX_VALUE
        + "]; unset it or fix it in the engine's env_vars");
  }

  /** How often the driver runs the state machine: a fifth of the shorter of period and ping timeout. */
  public long tickMs() {
    return Math.max(1, Math.min(periodMs, pingTimeoutMs) / 5);
  }
}
