package io.daos.control.config;

import io.daos.common.build.BuildInfo;
import io.daos.common.hostlist.HostPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The control-client configuration, daos_control.yml (DAOS lib/control/config.go): system {@code name}
 * (daos_server), control {@code port} (10001), {@code hostlist} (["localhost:10001"]) and
 * {@code transport_config}. Immutable; {@code withX} copies for command-line overrides.
 */
public final class ControlConfig {
  /** File name DAOS looks for. */
  public static final String FILE_NAME = "daos_control.yml";
  /** System property naming an extra config directory searched before /etc/daos (DAOS's build CONF_DIR). */
  public static final String CONFIG_DIR_PROPERTY = "daos.config.dir";

  private final String systemName;
  private final int port;
  private final List<String> hostList;
  private final TransportConfig transport;
  private final Path path;

  public ControlConfig(String systemName, int port, List<String> hostList, TransportConfig transport, Path path) {
    this.systemName = Objects.requireNonNull(systemName, "systemName");
    this.port = port;
    this.hostList = List.copyOf(hostList);
    this.transport = Objects.requireNonNull(transport, "transport");
    this.path = path;
  }

  /** DAOS's built-in defaults (used when no file is found). */
  public static ControlConfig defaults() {
    return new ControlConfig(BuildInfo.DEFAULT_SYSTEM_NAME, BuildInfo.DEFAULT_CONTROL_PORT,
        List.of("localhost:" + BuildInfo.DEFAULT_CONTROL_PORT), TransportConfig.adminDefaults(), null);
  }

  /**
   * Loads as DAOS does: {@code explicitPath} if given (must exist); else {@code ~/.daos_control.yml}; else
   * {@code daos_control.yml} in the config directories ({@value #CONFIG_DIR_PROPERTY}, then /etc/daos);
   * else the built-in defaults.
   *
   * @throws io.daos.common.fault.Fault naming the file, line and key for unreadable or invalid files
   */
  public static ControlConfig load(Path explicitPath) {
    return load(explicitPath, Path.of(System.getProperty("user.home", "")), searchDirs());
  }

  /** As {@link #load(Path)} with the home directory and search directories given (for tests). */
  public static ControlConfig load(Path explicitPath, Path home, List<Path> configDirs) {
    Optional<Path> file = Optional.ofNullable(explicitPath).or(() -> find(home, configDirs));
    return file.map(ControlConfigParser::parseFile).orElseGet(ControlConfig::defaults);
  }

  /** Parses YAML text (for tests and embedded configs); {@code source} names it in errors. */
  public static ControlConfig parse(String yaml, String source) {
    return ControlConfigParser.parse(yaml, source, null);
  }

  static List<Path> searchDirs() {
    List<Path> dirs = new ArrayList<>();
    String extra = System.getProperty(CONFIG_DIR_PROPERTY);
    if (extra != null && !extra.isBlank()) {
      dirs.add(Path.of(extra));
    }
    dirs.add(Path.of("/etc/daos"));
    return dirs;
  }

  private static Optional<Path> find(Path home, List<Path> configDirs) {
    Path user = home.resolve("." + FILE_NAME);
    if (Files.isRegularFile(user)) {
      return Optional.of(user);
    }
    return configDirs.stream().map(d -> d.resolve(FILE_NAME)).filter(Files::isRegularFile).findFirst();
  }

  public String systemName() {
    return systemName;
  }

  public int port() {
    return port;
  }

  /** The host list as configured (entries may be ranged and may lack a port). */
  public List<String> hostList() {
    return hostList;
  }

  /** The host list expanded to {@code host:port} addresses, the configured port appended where missing. */
  public List<String> hostAddresses() {
    return HostPorts.resolve(hostList, port);
  }

  public TransportConfig transport() {
    return transport;
  }

  /** The file this was loaded from; empty for defaults. */
  public Optional<Path> path() {
    return Optional.ofNullable(path);
  }

  public ControlConfig withHostList(List<String> hosts) {
    return new ControlConfig(systemName, port, hosts, transport, path);
  }

  public ControlConfig withInsecure(boolean insecure) {
    return new ControlConfig(systemName, port, hostList, transport.withAllowInsecure(insecure), path);
  }

  public ControlConfig withPort(int newPort) {
    return new ControlConfig(systemName, newPort, hostList, transport, path);
  }

  public ControlConfig withSystemName(String name) {
    return new ControlConfig(name, port, hostList, transport, path);
  }

  @Override
  public String toString() {
    return "ControlConfig{name=" + systemName + ", port=" + port + ", hostlist=" + hostList + ", allow_insecure="
        + transport.allowInsecure() + (path == null ? "" : ", path=" + path) + "}";
  }
}
