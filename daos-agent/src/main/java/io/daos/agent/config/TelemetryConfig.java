package io.daos.agent.config;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The {@code telemetry_*} keys (DAOS TelemetryConfig, inlined in the agent config): client metrics export on
 * {@code telemetry_port} (0 = off), {@code telemetry_enabled}, {@code telemetry_retain} and process-name
 * patterns (null when unset).
 */
public record TelemetryConfig(int port, boolean enabled, Duration retain, Pattern enabledProcs,
    Pattern disabledProcs) {
  public static final TelemetryConfig DISABLED = new TelemetryConfig(0, false, Duration.ZERO, null, null);

  /** Whether the Prometheus exporter runs (DAOS TelemetryExportEnabled: port > 0). */
  public boolean exportEnabled() {
    return port > 0;
  }
}
