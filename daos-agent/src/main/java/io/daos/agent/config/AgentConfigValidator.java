package io.daos.agent.config;

import io.daos.common.build.BuildInfo;
import io.daos.common.hostlist.HostPorts;
import java.util.List;
import java.util.Locale;

/** DAOS's Config.Validate() and TelemetryConfig.Validate(), plus the access_points parse of processConfig. */
final class AgentConfigValidator {
  static final List<String> LOG_LEVELS = List.of("DISABLED", "TRACE", "DEBUG", "INFO", "NOTICE", "ERROR");

  private AgentConfigValidator() {
  }

  static void validate(AgentConfig c) {
    if (c.name().isEmpty() || c.name().length() > BuildInfo.SYSTEM_NAME_MAX) {
      fail("invalid system name: " + c.name() + " (use 1 to " + BuildInfo.SYSTEM_NAME_MAX + " characters)");
    }
    if (!c.controlLogMask().isEmpty() && !LOG_LEVELS.contains(c.controlLogMask().toUpperCase(Locale.ROOT))) {
      fail("\"" + c.controlLogMask() + "\" is not a valid log level");
    }
    if (!c.excludeFabricIfaces().isEmpty() && !c.includeFabricIfaces().isEmpty()) {
      fail("cannot specify both exclude_fabric_ifaces and include_fabric_ifaces");
    }
    if (c.port() <= 0 || c.port() > 65535) {
      fail("invalid control port " + c.port() + " (set 'port' to the servers' control port, default 10001)");
    }
    telemetry(c.telemetry());
    try {
      HostPorts.resolve(c.accessPoints(), c.port());
    } catch (IllegalArgumentException e) {
      fail("Failed to parse config access_points: " + e.getMessage());
    }
    if (c.accessPoints().isEmpty()) {
      fail("no access_points (list the MS replicas, e.g. ['server1:10001'])");
    }
  }

  private static void telemetry(TelemetryConfig t) {
    if (t.retain().compareTo(java.time.Duration.ZERO) > 0 && !t.enabled()) {
      fail("telemetry_retain requires telemetry_enabled: true");
    }
    if (t.enabled() && t.port() == 0) {
      fail("telemetry_enabled requires telemetry_port");
    }
    if (t.enabledProcs() != null && !t.enabled()) {
      fail("cannot specify telemetry_enabled_procs without telemetry_enabled");
    }
    if (t.disabledProcs() != null && !t.enabled()) {
      fail("cannot specify telemetry_disabled_procs without telemetry_enabled");
    }
    if (t.enabledProcs() != null && t.disabledProcs() != null) {
      fail("cannot specify both telemetry_enabled_procs and telemetry_disabled_procs");
    }
  }

  private static void fail(String what) {
    throw new AgentConfigException("agent config validation failed: " + what);
  }
}
