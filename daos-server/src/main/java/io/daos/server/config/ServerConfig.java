package io.daos.server.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * daos_server.yml as an immutable value: DAOS's keys and defaults ({@link ConfigDefaults}), plus the
 * documented jdaos extensions {@code control_addr} and SCM class {@code dir}. {@link #load(Path)} parses
 * strictly (unknown keys and bad values fail with file and line); {@link #validate()} applies DAOS's
 * validation faults and returns the normalized config. {@code withX} return copies; {@link #builder()} gives a
 * {@link ServerConfigBuilder}.
 */
public final class ServerConfig {
  private final String name;
  private final int port;
  private final String controlIface;
  private final String controlAddr;
  private final List<String> mgmtSvcReplicas;
  private final TransportConfig transport;
  private final FabricConfig fabric;
  private final String socketDir;
  private final String controlLogMask;
  private final String controlLogFile;
  private final boolean controlLogJson;
  private final String helperLogFile;
  private final int telemetryPort;
  private final int systemRamReserved;
  private final long nrHugepages;
  private final boolean disableHugepages;
  private final boolean allowNumaImbalance;
  private final boolean allowThp;
  private final String kernelConfigPath;
  private final boolean disableEngineAutoRestart;
  private final int engineAutoRestartMinDelay;
  private final String faultPath;
  private final String faultCb;
  private final int coreDumpFilter;
  private final List<String> bdevExclude;
  private final boolean disableVfio;
  private final Boolean disableVmd;
  private final Boolean disableHotplug;
  private final Boolean enableHotplug;
  private final boolean hyperthreads;
  private final ControlMetadata controlMetadata;
  private final List<String> clientEnvVars;
  private final SupportConfig supportConfig;
  private final List<EngineConfig> engines;
  private final Path path;

  ServerConfig(ServerConfigBuilder b) {
    name = b.name;
    port = b.port;
    controlIface = b.controlIface;
    controlAddr = b.controlAddr;
    mgmtSvcReplicas = List.copyOf(b.mgmtSvcReplicas);
    transport = b.transport;
    fabric = b.fabric;
    socketDir = b.socketDir;
    controlLogMask = b.controlLogMask;
    controlLogFile = b.controlLogFile;
    controlLogJson = b.controlLogJson;
    helperLogFile = b.helperLogFile;
    telemetryPort = b.telemetryPort;
    systemRamReserved = b.systemRamReserved;
    nrHugepages = b.nrHugepages;
    disableHugepages = b.disableHugepages;
    allowNumaImbalance = b.allowNumaImbalance;
    allowThp = b.allowThp;
    kernelConfigPath = b.kernelConfigPath;
    disableEngineAutoRestart = b.disableEngineAutoRestart;
    engineAutoRestartMinDelay = b.engineAutoRestartMinDelay;
    faultPath = b.faultPath;
    faultCb = b.faultCb;
    coreDumpFilter = b.coreDumpFilter;
    bdevExclude = List.copyOf(b.bdevExclude);
    disableVfio = b.disableVfio;
    disableVmd = b.disableVmd;
    disableHotplug = b.disableHotplug;
    enableHotplug = b.enableHotplug;
    hyperthreads = b.hyperthreads;
    controlMetadata = b.controlMetadata;
    clientEnvVars = List.copyOf(b.clientEnvVars);
    supportConfig = b.supportConfig;
    engines = List.copyOf(b.engines);
    path = b.path;
  }

  public static ServerConfigBuilder builder() {
    return new ServerConfigBuilder();
  }

  public ServerConfigBuilder toBuilder() {
    return new ServerConfigBuilder(this);
  }

  /**
   * Reads and strictly parses a daos_server.yml (DAOS {@code Load}): applies the deprecated
   * {@code access_points} alias and the default replica list. Does not validate.
   *
   * @throws ConfigException naming file, line and key when the file cannot be used
   */
  public static ServerConfig load(Path file) {
    return ServerConfigParser.load(file);
  }

  /** Parses YAML text; {@code sourceName} names it in errors. */
  public static ServerConfig parse(String yaml, String sourceName) {
    return ServerConfigParser.parse(yaml, sourceName, null);
  }

  /** {@link #load} then {@link #validate}. */
  public static ServerConfig loadAndValidate(Path file) {
    return load(file).validate();
  }

  /**
   * DAOS's {@code Validate}: returns the normalized config (replicas with ports, hotplug/VMD flags set).
   *
   * @throws io.daos.common.fault.Fault with a SERVER_CONFIG_* (or storage config) code on invalid settings
   */
  public ServerConfig validate() {
    return ServerConfigValidator.validate(this);
  }

  /**
   * The embedded no-root single-node default: one engine (2 targets, no helpers), SCM class {@code dir} at
   * {@code <stateDir>/scm0}, a 1 GiB sparse file bdev {@code <stateDir>/bdev0.img}, ofi+tcp on lo:31416,
   * sockets in {@code <stateDir>/run}, logs in {@code <stateDir>/log}, insecure transport.
   */
  public static ServerConfig defaultLocal(Path stateDir) {
    return LocalDefaults.build(stateDir);
  }

  /** The YAML rendering, loadable by {@link #load} (and by {@code daos_server start -o}). */
  public String toYaml() {
    return ServerConfigYaml.render(this);
  }

  /** Writes {@link #toYaml()} to {@code file}, creating parent directories. */
  public void writeYaml(Path file) throws IOException {
    ServerConfigYaml.write(this, file);
  }

  /** Engine {@code idx}'s fabric settings with unset fields inherited from the top level. */
  public FabricConfig engineFabric(int idx) {
    return engines.get(idx).fabric().inheritFrom(fabric);
  }

  /** Engine {@code idx}'s {@code daos_nvme.conf} path, or null without bdevs. */
  public Path engineNvmeConfigPath(int idx) {
    return engines.get(idx).nvmeConfigPath(controlMetadata, idx);
  }

  /** True when hotplug is on for engines (DAOS: on unless {@code disable_hotplug: true}). */
  public boolean hotplugEnabled() {
    if (disableHotplug != null) {
      return !disableHotplug;
    }
    return enableHotplug == null || enableHotplug;
  }

  /** {@code name}: the system name (DAOS group). */
  public String name() {
    return name;
  }

  /** {@code port}: gRPC control port. */
  public int port() {
    return port;
  }

  /** {@code control_iface}, "" when unset. */
  public String controlIface() {
    return controlIface;
  }

  /** {@code control_addr} (jdaos extension): IP to bind gRPC/Raft to and to use as identity; "" = all interfaces. */
  public String controlAddr() {
    return controlAddr;
  }

  /** {@code mgmt_svc_replicas} (after load: never empty; after validate: each has a port). */
  public List<String> mgmtSvcReplicas() {
    return mgmtSvcReplicas;
  }

  /** {@code transport_config}. */
  public TransportConfig transport() {
    return transport;
  }

  /** Top-level fabric settings inherited by engines. */
  public FabricConfig fabric() {
    return fabric;
  }

  /** {@code socket_dir}. */
  public String socketDir() {
    return socketDir;
  }

  /** {@code control_log_mask}. */
  public String controlLogMask() {
    return controlLogMask;
  }

  /** {@code control_log_file}. */
  public String controlLogFile() {
    return controlLogFile;
  }

  /** {@code control_log_json}. */
  public boolean controlLogJson() {
    return controlLogJson;
  }

  /** {@code helper_log_file}. */
  public String helperLogFile() {
    return helperLogFile;
  }

  /** {@code telemetry_port}; 0 = disabled. */
  public int telemetryPort() {
    return telemetryPort;
  }

  /** {@code system_ram_reserved} (GiB). */
  public int systemRamReserved() {
    return systemRamReserved;
  }

  /** {@code nr_hugepages}; 0 = automatic. */
  public long nrHugepages() {
    return nrHugepages;
  }

  /** {@code disable_hugepages}. */
  public boolean disableHugepages() {
    return disableHugepages;
  }

  /** {@code allow_numa_imbalance}. */
  public boolean allowNumaImbalance() {
    return allowNumaImbalance;
  }

  /** {@code allow_thp}. */
  public boolean allowThp() {
    return allowThp;
  }

  /** {@code kernel_config_path}. */
  public String kernelConfigPath() {
    return kernelConfigPath;
  }

  /** {@code disable_engine_auto_restart}. */
  public boolean disableEngineAutoRestart() {
    return disableEngineAutoRestart;
  }

  /** {@code engine_auto_restart_min_delay} (seconds). */
  public int engineAutoRestartMinDelay() {
    return engineAutoRestartMinDelay;
  }

  /** {@code fault_path}. */
  public String faultPath() {
    return faultPath;
  }

  /** {@code fault_cb}. */
  public String faultCb() {
    return faultCb;
  }

  /** {@code core_dump_filter}. */
  public int coreDumpFilter() {
    return coreDumpFilter;
  }

  /** {@code bdev_exclude}. */
  public List<String> bdevExclude() {
    return bdevExclude;
  }

  /** {@code disable_vfio}. */
  public boolean disableVfio() {
    return disableVfio;
  }

  /** {@code disable_vmd}; null = unset (false after validate). */
  public Boolean disableVmd() {
    return disableVmd;
  }

  /** {@code disable_hotplug}; null = unset (false after validate). */
  public Boolean disableHotplug() {
    return disableHotplug;
  }

  /** {@code enable_hotplug} (deprecated); null = unset. */
  public Boolean enableHotplug() {
    return enableHotplug;
  }

  /** {@code hyperthreads}. */
  public boolean hyperthreads() {
    return hyperthreads;
  }

  /** {@code control_metadata}. */
  public ControlMetadata controlMetadata() {
    return controlMetadata;
  }

  /** {@code client_env_vars}. */
  public List<String> clientEnvVars() {
    return clientEnvVars;
  }

  /** {@code support_config}. */
  public SupportConfig supportConfig() {
    return supportConfig;
  }

  /** {@code engines}; empty = discovery mode. */
  public List<EngineConfig> engines() {
    return engines;
  }

  /** The file this config was loaded from, or null. */
  public Path path() {
    return path;
  }

  public ServerConfig withName(String v) {
    return toBuilder().name(v).build();
  }

  public ServerConfig withPort(int v) {
    return toBuilder().port(v).build();
  }

  public ServerConfig withControlIface(String v) {
    return toBuilder().controlIface(v).build();
  }

  public ServerConfig withControlAddr(String v) {
    return toBuilder().controlAddr(v).build();
  }

  public ServerConfig withMgmtSvcReplicas(List<String> v) {
    return toBuilder().mgmtSvcReplicas(v).build();
  }

  public ServerConfig withTransport(TransportConfig v) {
    return toBuilder().transport(v).build();
  }

  public ServerConfig withFabric(FabricConfig v) {
    return toBuilder().fabric(v).build();
  }

  public ServerConfig withSocketDir(String v) {
    return toBuilder().socketDir(v).build();
  }

  public ServerConfig withControlLogMask(String v) {
    return toBuilder().controlLogMask(v).build();
  }

  public ServerConfig withControlLogFile(String v) {
    return toBuilder().controlLogFile(v).build();
  }

  public ServerConfig withControlLogJson(boolean v) {
    return toBuilder().controlLogJson(v).build();
  }

  public ServerConfig withHelperLogFile(String v) {
    return toBuilder().helperLogFile(v).build();
  }

  public ServerConfig withTelemetryPort(int v) {
    return toBuilder().telemetryPort(v).build();
  }

  public ServerConfig withSystemRamReserved(int v) {
    return toBuilder().systemRamReserved(v).build();
  }

  public ServerConfig withNrHugepages(long v) {
    return toBuilder().nrHugepages(v).build();
  }

  public ServerConfig withDisableHugepages(boolean v) {
    return toBuilder().disableHugepages(v).build();
  }

  public ServerConfig withAllowNumaImbalance(boolean v) {
    return toBuilder().allowNumaImbalance(v).build();
  }

  public ServerConfig withAllowThp(boolean v) {
    return toBuilder().allowThp(v).build();
  }

  public ServerConfig withKernelConfigPath(String v) {
    return toBuilder().kernelConfigPath(v).build();
  }

  public ServerConfig withDisableEngineAutoRestart(boolean v) {
    return toBuilder().disableEngineAutoRestart(v).build();
  }

  public ServerConfig withEngineAutoRestartMinDelay(int v) {
    return toBuilder().engineAutoRestartMinDelay(v).build();
  }

  public ServerConfig withFaultPath(String v) {
    return toBuilder().faultPath(v).build();
  }

  public ServerConfig withFaultCb(String v) {
    return toBuilder().faultCb(v).build();
  }

  public ServerConfig withCoreDumpFilter(int v) {
    return toBuilder().coreDumpFilter(v).build();
  }

  public ServerConfig withBdevExclude(List<String> v) {
    return toBuilder().bdevExclude(v).build();
  }

  public ServerConfig withDisableVfio(boolean v) {
    return toBuilder().disableVfio(v).build();
  }

  public ServerConfig withDisableVmd(Boolean v) {
    return toBuilder().disableVmd(v).build();
  }

  public ServerConfig withDisableHotplug(Boolean v) {
    return toBuilder().disableHotplug(v).build();
  }

  public ServerConfig withEnableHotplug(Boolean v) {
    return toBuilder().enableHotplug(v).build();
  }

  public ServerConfig withHyperthreads(boolean v) {
    return toBuilder().hyperthreads(v).build();
  }

  public ServerConfig withControlMetadata(ControlMetadata v) {
    return toBuilder().controlMetadata(v).build();
  }

  public ServerConfig withClientEnvVars(List<String> v) {
    return toBuilder().clientEnvVars(v).build();
  }

  public ServerConfig withSupportConfig(SupportConfig v) {
    return toBuilder().supportConfig(v).build();
  }

  public ServerConfig withEngines(List<EngineConfig> v) {
    return toBuilder().engines(v).build();
  }

  public ServerConfig withPath(Path v) {
    return toBuilder().path(v).build();
  }

  public ServerConfig withEngines(EngineConfig... list) {
    return toBuilder().engines(List.of(list)).build();
  }

  public ServerConfig withMgmtSvcReplicas(String... reps) {
    return toBuilder().mgmtSvcReplicas(List.of(reps)).build();
  }

  public ServerConfig withProvider(String provider) {
    return toBuilder().fabric(fabric.withProvider(provider)).build();
  }

  public ServerConfig withEngine(int idx, EngineConfig e) {
    List<EngineConfig> list = new java.util.ArrayList<>(engines);
    list.set(idx, e);
    return toBuilder().engines(list).build();
  }

  @Override
  public String toString() {
    return "ServerConfig{name=" + name + ", port=" + port + ", replicas=" + mgmtSvcReplicas + ", engines="
        + engines.size() + (path == null ? "" : ", path=" + path) + "}";
  }
}
