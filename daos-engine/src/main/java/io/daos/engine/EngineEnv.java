package io.daos.engine;

import io.daos.engine.swim.SwimConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The environment daos_server gives its engine: D_PROVIDER, D_INTERFACE, D_PORT, D_LOG_FILE, D_LOG_MASK,
 * CRT_TIMEOUT, SWIM's SWIM_PROTOCOL_PERIOD_LEN, SWIM_PING_TIMEOUT, SWIM_SUSPECT_TIMEOUT, SWIM_SUBGROUP_SIZE,
 * DAOS_REBUILD ("no": map changes schedule no rebuild, DAOS's REBUILD_ENV_DISABLED) and RDB_ELECTION_TIMEOUT (the
 * pool services' Raft election timeout in ms, DAOS's rdb default 7000; the timeout is random in [T, 2T]) and
 * DAOS_VOS_AGG_GAP (seconds background aggregation stays behind HLC now: 20-180, default 20, as DAOS), and
 * jdaos's own JDAOS_MAP_RAM_BLOB ("yes"/"1": a pool with NVMe maps its blob where the SCM mount is tmpfs, see
 * {@code PoolTargets#optsFor}; off by default, as the mapped pages then count in the engine's resident size).
 * Port 0 means "any free port" (the URI sent in NotifyReady carries the real one).
 */
public record EngineEnv(String provider, String iface, int port, String logFile, String logMask,
    int crtTimeoutSec, SwimConfig swim, boolean rebuildDisabled, Duration rdbElectionTimeout, int aggGapSec,
    boolean mapRamBlob) {

  /** With the blob of pools with NVMe in a file written with write(2) wherever it is. */
  public EngineEnv(String provider, String iface, int port, String logFile, String logMask, int crtTimeoutSec,
      SwimConfig swim, boolean rebuildDisabled, Duration rdbElectionTimeout, int aggGapSec) {
    this(provider, iface, port, logFile, logMask, crtTimeoutSec, swim, rebuildDisabled, rdbElectionTimeout,
        aggGapSec, false);
  }

  /** With DAOS's aggregation gap. */
  public EngineEnv(String provider, String iface, int port, String logFile, String logMask, int crtTimeoutSec,
      SwimConfig swim, boolean rebuildDisabled, Duration rdbElectionTimeout) {
    this(provider, iface, port, logFile, logMask, crtTimeoutSec, swim, rebuildDisabled, rdbElectionTimeout,
        DEFAULT_AGG_GAP);
  }

  /** With DAOS's rdb election timeout. */
  public EngineEnv(String provider, String iface, int port, String logFile, String logMask, int crtTimeoutSec,
      SwimConfig swim, boolean rebuildDisabled) {
    this(provider, iface, port, logFile, logMask, crtTimeoutSec, swim, rebuildDisabled,
        DEFAULT_RDB_ELECTION_TIMEOUT);
  }

  /** With rebuild enabled. */
  public EngineEnv(String provider, String iface, int port, String logFile, String logMask, int crtTimeoutSec,
      SwimConfig swim) {
    this(provider, iface, port, logFile, logMask, crtTimeoutSec, swim, false);
  }

  /** With DAOS's SWIM defaults. */
  public EngineEnv(String provider, String iface, int port, String logFile, String logMask, int crtTimeoutSec) {
    this(provider, iface, port, logFile, logMask, crtTimeoutSec, SwimConfig.DEFAULTS);
  }

  /** Providers the CART-J transport serves (DESIGN D6). */
  public static final Set<String> PROVIDERS = Set.of("ofi+tcp", "ofi+tcp;ofi_rxm");
  public static final String DEFAULT_PROVIDER = "ofi+tcp";
  public static final String DEFAULT_LOG_MASK = "ERR";
  public static final int DEFAULT_CRT_TIMEOUT = 60;
  /** DAOS rdb_raft_get_election_timeout's default. */
  public static final Duration DEFAULT_RDB_ELECTION_TIMEOUT = Duration.ofMillis(7000);
  /** DAOS's VOS_AGG_GAP_DEF, seconds. */
  public static final int DEFAULT_AGG_GAP = 20;

  /** Reads and validates the variables; a bad value throws with the variable's name. */
  public static EngineEnv from(Map<String, String> env) throws EngineUsageException {
    String provider = env.getOrDefault("D_PROVIDER", DEFAULT_PROVIDER).trim();
    if (!PROVIDERS.contains(provider)) {
      throw new EngineUsageException("D_PROVIDER=" + provider + " is not supported by this engine; use one of "
          + PROVIDERS + " (fabric provider in daos_server.yml)");
    }
    String iface = env.getOrDefault("D_INTERFACE", "lo").trim();
    int port = intVar(env, "D_PORT", 0, 65535);
    // As CaRT's crt_init: 0 (what daos_server passes when crt_timeout is not set) means the default.
    int timeout = intVar(env, "CRT_TIMEOUT", DEFAULT_CRT_TIMEOUT, Integer.MAX_VALUE);
    timeout = timeout == 0 ? DEFAULT_CRT_TIMEOUT : timeout;
    String logFile = env.getOrDefault("D_LOG_FILE", "").trim();
    String mask = env.getOrDefault("D_LOG_MASK", DEFAULT_LOG_MASK).trim();
    SwimConfig swim;
    try {
      swim = SwimConfig.fromEnv(env);
    } catch (IllegalArgumentException e) {
      throw new EngineUsageException(e.getMessage());
    }
    // As DAOS's rdb: 0 means the default.
    int election = intVar(env, "RDB_ELECTION_TIMEOUT", 0, Integer.MAX_VALUE);
    return new EngineEnv(provider, iface.isEmpty() ? "lo" : iface, port, logFile,
        mask.isEmpty() ? DEFAULT_LOG_MASK : mask, timeout, swim,
        "no".equalsIgnoreCase(env.getOrDefault("DAOS_REBUILD", "").trim()),
        election == 0 ? DEFAULT_RDB_ELECTION_TIMEOUT : Duration.ofMillis(election),
        intVar(env, "DAOS_VOS_AGG_GAP", DEFAULT_AGG_GAP, Integer.MAX_VALUE),
        yes(env, "JDAOS_MAP_RAM_BLOB"));
  }

  /** Whether {@code name} is set to "yes", "true" or "1" (anything else, or unset, is no). */
  private static boolean yes(Map<String, String> env, String name) {
    String v = env.getOrDefault(name, "").trim().toLowerCase(java.util.Locale.ROOT);
    return v.equals("yes") || v.equals("true") || v.equals("1");
  }

  private static int intVar(Map<String, String> env, String name, int def, int max)
      throws EngineUsageException {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return def;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < 0 || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new EngineUsageException(name + "=" + v + " is not a number in [0, " + max + "]");
    }
  }
}
