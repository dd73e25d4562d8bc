package io.daos.agent.config;

import io.daos.common.build.BuildInfo;
import io.daos.control.config.ControlConfig;
import io.daos.control.config.TransportConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * daos_agent.yml (DAOS cmd/daos_agent/config.go): immutable, DAOS's defaults in {@link #defaults()},
 * {@link #load(Path)} parses strictly and validates; {@code withX} copies apply command-line overrides.
 *
 * @param cacheExpiration attach-info refresh period ({@code cache_expiration} minutes; zero = never)
 */
public record AgentConfig(String name, List<String> accessPoints, int port, String runtimeDir, String logFile,
    String controlLogMask, CredentialConfig credentialConfig, TransportConfig transport, boolean disableCaching,
    Duration cacheExpiration, boolean disableAutoEvict, boolean enableEvictOnStart, Set<String> excludeFabricIfaces,
    Set<String> includeFabricIfaces, List<NumaFabricConfig> fabricIfaces, TelemetryConfig telemetry) {
  /** File name DAOS looks for in /etc/daos. */
  public static final String FILE_NAME = "daos_agent.yml";
  public static final Path DEFAULT_PATH = Path.of("/etc/daos", FILE_NAME);
  public static final String DEFAULT_RUNTIME_DIR = "/var/run/daos_agent";
  public static final String SOCKET_NAME = "daos_agent.sock";
  static final String CERT_DIR = "/etc/daos/certs/";

  public AgentConfig {
    Objects.requireNonNull(name, "name");
    accessPoints = List.copyOf(accessPoints);
    Objects.requireNonNull(runtimeDir, "runtimeDir");
    logFile = logFile == null ? "" : logFile;
    controlLogMask = controlLogMask == null ? "" : controlLogMask;
    Objects.requireNonNull(credentialConfig, "credentialConfig");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(cacheExpiration, "cacheExpiration");
    excludeFabricIfaces = Set.copyOf(excludeFabricIfaces);
    includeFabricIfaces = Set.copyOf(includeFabricIfaces);
    fabricIfaces = List.copyOf(fabricIfaces);
    Objects.requireNonNull(telemetry, "telemetry");
  }

  /** DAOS's DefaultConfig(): system daos_server, localhost:10001, /var/run/daos_agent, TLS with agent certs. */
  public static AgentConfig defaults() {
    return new AgentConfig(BuildInfo.DEFAULT_SYSTEM_NAME, List.of("localhost:" + BuildInfo.DEFAULT_CONTROL_PORT),
        BuildInfo.DEFAULT_CONTROL_PORT, DEFAULT_RUNTIME_DIR, "", "INFO", CredentialConfig.NONE,
        agentTransportDefaults(), false, Duration.ZERO, false, false, Set.of(), Set.of(), List.of(),
        TelemetryConfig.DISABLED);
  }

  /** DAOS's DefaultAgentTransportConfig(). */
  public static TransportConfig agentTransportDefaults() {
    return new TransportConfig(false, CERT_DIR + "daosCA.crt", CERT_DIR + "agent.crt", CERT_DIR + "agent.key", "");
  }

  /**
   * Reads and validates {@code file}.
   *
   * @throws AgentConfigException naming the file (and line and key where there is one)
   */
  public static AgentConfig load(Path file) {
    return AgentConfigParser.parseFile(file);
  }

  /** Parses and validates YAML text; {@code source} names it in errors. */
  public static AgentConfig parse(String yaml, String source) {
    return AgentConfigParser.parse(yaml, source);
  }

  /** DAOS's Config.Validate(); returns this. */
  public AgentConfig validate() {
    AgentConfigValidator.validate(this);
    return this;
  }

  public Path socketPath() {
    return Path.of(runtimeDir, SOCKET_NAME);
  }

  /** Whether the attach-info cache is off ({@code disable_caching} or env DAOS_AGENT_DISABLE_CACHE=true). */
  public boolean attachInfoCacheDisabled() {
    return disableCaching || "true".equals(System.getenv("DAOS_AGENT_DISABLE_CACHE"));
  }

  /** The control-client settings the agent uses to reach the MS (component agent). */
  public ControlConfig controlConfig() {
    return new ControlConfig(name, port, accessPoints, transport, null);
  }

  public AgentConfig withRuntimeDir(String dir) {
    return new AgentConfig(name, accessPoints, port, dir, logFile, controlLogMask, credentialConfig, transport,
        disableCaching, cacheExpiration, disableAutoEvict, enableEvictOnStart, excludeFabricIfaces,
        includeFabricIfaces, fabricIfaces, telemetry);
  }

  public AgentConfig withLogFile(String file) {
    return new AgentConfig(name, accessPoints, port, runtimeDir, file, controlLogMask, credentialConfig, transport,
        disableCaching, cacheExpiration, disableAutoEvict, enableEvictOnStart, excludeFabricIfaces,
        includeFabricIfaces, fabricIfaces, telemetry);
  }

  public AgentConfig withControlLogMask(String mask) {
    return new AgentConfig(name, accessPoints, port, runtimeDir, logFile, mask, credentialConfig, transport,
        disableCaching, cacheExpiration, disableAutoEvict, enableEvictOnStart, excludeFabricIfaces,
        includeFabricIfaces, fabricIfaces, telemetry);
  }

  public AgentConfig withTransport(TransportConfig t) {
    return new AgentConfig(name, accessPoints, port, runtimeDir, logFile, controlLogMask, credentialConfig, t,
        disableCaching, cacheExpiration, disableAutoEvict, enableEvictOnStart, excludeFabricIfaces,
        includeFabricIfaces, fabricIfaces, telemetry);
  }

  public AgentConfig withAccessPoints(List<String> aps) {
    return new AgentConfig(name, aps, port, runtimeDir, logFile, controlLogMask, credentialConfig, transport,
        disableCaching, cacheExpiration, disableAutoEvict, enableEvictOnStart, excludeFabricIfaces,
        includeFabricIfaces, fabricIfaces, telemetry);
  }

  public AgentConfig withCaching(boolean disable, Duration expiration) {
    return new AgentConfig(name, accessPoints, port, runtimeDir, logFile, controlLogMask, credentialConfig, transport,
        disable, expiration, disableAutoEvict, enableEvictOnStart, excludeFabricIfaces, includeFabricIfaces,
        fabricIfaces, telemetry);
  }

  public AgentConfig withCredentialConfig(CredentialConfig c) {
    return new AgentConfig(name, accessPoints, port, runtimeDir, logFile, controlLogMask, c, transport,
        disableCaching, cacheExpiration, disableAutoEvict, enableEvictOnStart, excludeFabricIfaces,
        includeFabricIfaces, fabricIfaces, telemetry);
  }

  public AgentConfig withTelemetry(TelemetryConfig t) {
    return new AgentConfig(name, accessPoints, port, runtimeDir, logFile, controlLogMask, credentialConfig, transport,
        disableCaching, cacheExpiration, disableAutoEvict, enableEvictOnStart, excludeFabricIfaces,
        includeFabricIfaces, fabricIfaces, t);
  }
}
