package io.daos.server.config;

import io.daos.server.config.engine.FabricConfig;
import java.nio.file.Path;
import java.util.List;

/** Builder for {@link ServerConfig}; starts from the defaults in {@link ConfigDefaults}. */
public final class ServerConfigBuilder {
  String name = ConfigDefaults.SYSTEM_NAME;
  int port = ConfigDefaults.CONTROL_PORT;
  String controlIface = "";
  String controlAddr = "";
  List<String> mgmtSvcReplicas = ConfigDefaults.MGMT_SVC_REPLICAS;
  TransportConfig transport = TransportConfig.DEFAULT;
  FabricConfig fabric = FabricConfig.EMPTY;
  String socketDir = ConfigDefaults.SOCKET_DIR;
  String controlLogMask = ConfigDefaults.CONTROL_LOG_MASK;
  String controlLogFile = "";
  boolean controlLogJson = false;
  String helperLogFile = "";
  int telemetryPort = 0;
  int systemRamReserved = ConfigDefaults.SYSTEM_RAM_RESERVED_GIB;
  long nrHugepages = 0;
  boolean disableHugepages = false;
  boolean allowNumaImbalance = false;
  boolean allowThp = false;
  String kernelConfigPath = "";
  boolean disableEngineAutoRestart = false;
  int engineAutoRestartMinDelay = ConfigDefaults.ENGINE_AUTO_RESTART_MIN_DELAY_SECS;
  String faultPath = "";
  String faultCb = "";
  int coreDumpFilter = ConfigDefaults.CORE_DUMP_FILTER;
  List<String> bdevExclude = List.of();
  boolean disableVfio = false;
  Boolean disableVmd = null;
  Boolean disableHotplug = null;
  Boolean enableHotplug = null;
  boolean hyperthreads = false;
  ControlMetadata controlMetadata = ControlMetadata.NONE;
  List<String> clientEnvVars = List.of();
  SupportConfig supportConfig = SupportConfig.NONE;
  List<EngineConfig> engines = List.of();
  Path path = null;

  ServerConfigBuilder() {
  }

  ServerConfigBuilder(ServerConfig c) {
    name = c.name();
    port = c.port();
    controlIface = c.controlIface();
    controlAddr = c.controlAddr();
    mgmtSvcReplicas = c.mgmtSvcReplicas();
    transport = c.transport();
    fabric = c.fabric();
    socketDir = c.socketDir();
    controlLogMask = c.controlLogMask();
    controlLogFile = c.controlLogFile();
    controlLogJson = c.controlLogJson();
    helperLogFile = c.helperLogFile();
    telemetryPort = c.telemetryPort();
    systemRamReserved = c.systemRamReserved();
    nrHugepages = c.nrHugepages();
    disableHugepages = c.disableHugepages();
    allowNumaImbalance = c.allowNumaImbalance();
    allowThp = c.allowThp();
    kernelConfigPath = c.kernelConfigPath();
    disableEngineAutoRestart = c.disableEngineAutoRestart();
    engineAutoRestartMinDelay = c.engineAutoRestartMinDelay();
    faultPath = c.faultPath();
    faultCb = c.faultCb();
    coreDumpFilter = c.coreDumpFilter();
    bdevExclude = c.bdevExclude();
    disableVfio = c.disableVfio();
    disableVmd = c.disableVmd();
    disableHotplug = c.disableHotplug();
    enableHotplug = c.enableHotplug();
    hyperthreads = c.hyperthreads();
    controlMetadata = c.controlMetadata();
    clientEnvVars = c.clientEnvVars();
    supportConfig = c.supportConfig();
    engines = c.engines();
    path = c.path();
  }

  public ServerConfigBuilder name(String v) {
    name = v == null ? "" : v;
    return this;
  }

  public ServerConfigBuilder port(int v) {
    port = v;
    return this;
  }

  public ServerConfigBuilder controlIface(String v) {
    controlIface = v == null ? "" : v;
    return this;
  }

  public ServerConfigBuilder controlAddr(String v) {
    controlAddr = v == null ? "" : v;
    return this;
  }

  public ServerConfigBuilder mgmtSvcReplicas(List<String> v) {
    mgmtSvcReplicas = v == null ? List.of() : v;
    return this;
  }

  public ServerConfigBuilder transport(TransportConfig v) {
    transport = v == null ? TransportConfig.DEFAULT : v;
    return this;
  }

  public ServerConfigBuilder fabric(FabricConfig v) {
    fabric = v == null ? FabricConfig.EMPTY : v;
    return this;
  }

  public ServerConfigBuilder socketDir(String v) {
    socketDir = v == null ? "" : v;
    return this;
  }

  public ServerConfigBuilder controlLogMask(String v) {
    controlLogMask = v == null ? "" : v;
    return this;
  }

  public ServerConfigBuilder controlLogFile(String v) {
    controlLogFile = v == null ? "" : v;
    return this;
  }

  public ServerConfigBuilder controlLogJson(boolean v) {
    controlLogJson = v;
    return this;
  }

  public ServerConfigBuilder helperLogFile(String v) {
    helperLogFile = v == null ? "" : v;
    return this;
  }

  public ServerConfigBuilder telemetryPort(int v) {
    telemetryPort = v;
    return this;
  }

  public ServerConfigBuilder systemRamReserved(int v) {
    systemRamReserved = v;
    return this;
  }

  public ServerConfigBuilder nrHugepages(long v) {
    nrHugepages = v;
    return this;
  }

  public ServerConfigBuilder disableHugepages(boolean v) {
    disableHugepages = v;
    return this;
  }

  public ServerConfigBuilder allowNumaImbalance(boolean v) {
    allowNumaImbalance = v;
    return this;
  }

  public ServerConfigBuilder allowThp(boolean v) {
    allowThp = v;
    return this;
  }

  public ServerConfigBuilder kernelConfigPath(String v) {
    kernelConfigPath = v == null ? "" : v;
    return this;
  }

  public ServerConfigBuilder disableEngineAutoRestart(boolean v) {
    disableEngineAutoRestart = v;
    return this;
  }

  public ServerConfigBuilder engineAutoRestartMinDelay(int v) {
    engineAutoRestartMinDelay = v;
    return this;
  }

  public ServerConfigBuilder faultPath(String v) {
    faultPath = v == null ? "" : v;
    return this;
  }

  public ServerConfigBuilder faultCb(String v) {
    faultCb = v == null ? "" : v;
    return this;
  }

  public ServerConfigBuilder coreDumpFilter(int v) {
    coreDumpFilter = v;
    return this;
  }

  public ServerConfigBuilder bdevExclude(List<String> v) {
    bdevExclude = v == null ? List.of() : v;
    return this;
  }

  public ServerConfigBuilder disableVfio(boolean v) {
    disableVfio = v;
    return this;
  }

  public ServerConfigBuilder disableVmd(Boolean v) {
    disableVmd = v;
    return this;
  }

  public ServerConfigBuilder disableHotplug(Boolean v) {
    disableHotplug = v;
    return this;
  }

  public ServerConfigBuilder enableHotplug(Boolean v) {
    enableHotplug = v;
    return this;
  }

  public ServerConfigBuilder hyperthreads(boolean v) {
    hyperthreads = v;
    return this;
  }

  public ServerConfigBuilder controlMetadata(ControlMetadata v) {
    controlMetadata = v == null ? ControlMetadata.NONE : v;
    return this;
  }

  public ServerConfigBuilder clientEnvVars(List<String> v) {
    clientEnvVars = v == null ? List.of() : v;
    return this;
  }

  public ServerConfigBuilder supportConfig(SupportConfig v) {
    supportConfig = v == null ? SupportConfig.NONE : v;
    return this;
  }

  public ServerConfigBuilder engines(List<EngineConfig> v) {
    engines = v == null ? List.of() : v;
    return this;
  }

  public ServerConfigBuilder path(Path v) {
    path = v;
    return this;
  }

  public ServerConfig build() {
    return new ServerConfig(this);
  }
}
