package io.daos.server.config;

import io.daos.common.fault.Fault;
import io.daos.server.config.engine.BdevTier;
import io.daos.server.config.engine.StorageClass;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** DAOS's server {@code Validate}, in DAOS's order, returning the normalized config. */
final class ServerConfigValidator {
  private static final Logger LOG = LoggerFactory.getLogger(ServerConfigValidator.class);

  private ServerConfigValidator() {
  }

  static ServerConfig validate(ServerConfig cfg) {
    ServerConfigBuilder b = cfg.toBuilder();
    if (cfg.enableHotplug() != null) {
      if (cfg.disableHotplug() != null) {
        throw ConfigFaults.enableHotplugDeprecated();
      }
      LOG.info("enable_hotplug is deprecated; please use disable_hotplug instead (false by default)");
      b.disableHotplug(!cfg.enableHotplug()).enableHotplug(null);
    } else if (cfg.disableHotplug() == null) {
      b.disableHotplug(false);
    }
    if (cfg.disableVmd() == null) {
      b.disableVmd(false);
    }
    List<String> reps = replicasWithPorts(cfg.mgmtSvcReplicas(), cfg.port());
    b.mgmtSvcReplicas(reps);
    if (!cfg.controlMetadata().device().isEmpty() && !cfg.controlMetadata().hasPath()) {
      throw ConfigFaults.controlMetadataNoPath();
    }
    if (cfg.systemRamReserved() <= 0) {
      throw ConfigFaults.sysRsvdZero();
    }
    if (cfg.engineAutoRestartMinDelay() < 0) {
      throw ConfigFaults.badConfig("engine_auto_restart_min_delay must be >= 0 (got "
          + cfg.engineAutoRestartMinDelay() + ")", "set engine_auto_restart_min_delay to 0 or more seconds");
    }
    checkControlAddr(cfg.controlAddr());
    if (cfg.engines().isEmpty()) {
      LOG.info("No daos_engines in configuration, daos_server starting in discovery mode");
      ConfigLimits.validate(cfg);
      return b.build();
    }
    checkReplicaCount(reps);
    checkPorts(cfg);
    for (int i = 0; i < cfg.engines().size(); i++) {
      EngineConfigValidator.validate(cfg, i);
    }
    if (cfg.engines().size() > 1) {
      MultiEngineValidator.validate(cfg);
    }
    ConfigLimits.validate(cfg);
    if (cfg.nrHugepages() < 0 || cfg.nrHugepages() > Integer.MAX_VALUE) {
      throw ConfigFaults.nrHugepagesOutOfRange(cfg.nrHugepages(), Integer.MAX_VALUE);
    }
    checkBdevExclude(cfg);
    checkHugepagesAndFaultDomain(cfg);
    return b.build();
  }

  /** Appends {@code :port} where missing; rejects bad ports and duplicates (DAOS getReplicaAddrWithPort). */
  static List<String> replicasWithPorts(List<String> reps, int port) {
    List<String> out = new ArrayList<>();
    for (String r : reps) {
      out.add(withPort(r.trim(), port));
    }
    if (new HashSet<>(out).size() != out.size()) {
      LOG.error("duplicate MS replica addresses in {}", out);
      throw ConfigFaults.badMgmtSvcReplicas();
    }
    return out;
  }

  private static String withPort(String addr, int dflt) {
    if (addr.isEmpty()) {
      throw ConfigFaults.badMgmtSvcReplicas();
    }
    boolean bracketed = addr.startsWith("[");
    int colon = addr.lastIndexOf(':');
    boolean hasPort = bracketed ? addr.contains("]:") : colon > 0 && addr.indexOf(':') == colon;
    if (!hasPort) {
      if (!bracketed && addr.indexOf(':') != addr.lastIndexOf(':')) {
        return "[" + addr + "]:" + dflt;
      }
      return addr + ":" + dflt;
    }
    String portText = addr.substring(colon + 1);
    int p;
    try {
      p = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      LOG.error("invalid MS replica port in {}", addr);
      throw ConfigFaults.badControlPort();
    }
    if (p <= 0 || p > 65535) {
      LOG.error("MS replica port cannot be {} in {}", p <= 0 ? (p == 0 ? "zero" : "negative") : "> 65535", addr);
      throw ConfigFaults.badControlPort();
    }
    return addr;
  }

  private static void checkReplicaCount(List<String> reps) {
    if (reps.isEmpty()) {
      throw ConfigFaults.badMgmtSvcReplicas();
    }
    if (reps.size() % 2 == 0) {
      throw ConfigFaults.evenMgmtSvcReplicas();
    }
    if (reps.size() == 1) {
      LOG.info("Configuration includes only one MS replica. This provides no redundancy in the event of a MS "
          + "replica failure.");
    }
  }

  private static void checkPorts(ServerConfig cfg) {
    if (cfg.fabric().provider().isEmpty()) {
      throw ConfigFaults.noProvider();
    }
    if (cfg.port() <= 0 || cfg.port() > 65535) {
      throw ConfigFaults.badControlPort();
    }
    if (cfg.telemetryPort() < 0 || cfg.telemetryPort() > 65535) {
      throw ConfigFaults.badTelemetryPort();
    }
  }

  private static void checkControlAddr(String addr) {
    if (addr.isEmpty()) {
      return;
    }
    boolean v4 = addr.matches("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    boolean v6 = addr.contains(":") && addr.matches("[0-9a-fA-F:.]+");
    if (!v4 && !v6) {
      throw ConfigFaults.badConfig("control_addr \"" + addr + "\" is not an IP address",
          "set control_addr to one of this host's IP addresses (e.g. 10.0.0.5), or remove it to listen on all "
              + "interfaces");
    }
  }

  private static void checkHugepagesAndFaultDomain(ServerConfig cfg) {
    if (!cfg.faultPath().isEmpty() && !cfg.faultCb().isEmpty()) {
      throw ConfigFaults.bothFaultPathAndCb();
    }
    if (!cfg.disableHugepages()) {
      return;
    }
    if (cfg.nrHugepages() != 0) {
      throw ConfigFaults.hugepagesDisabledWithNrSet();
    }
    boolean nvme = cfg.engines().stream().flatMap(e -> e.bdevTiers().stream())
        .anyMatch(t -> t.storageClass() == StorageClass.NVME);
    if (nvme) {
      throw ConfigFaults.hugepagesDisabledWithNvmeBdevs();
    }
  }

  private static void checkBdevExclude(ServerConfig cfg) {
    Set<String> excluded = new HashSet<>(cfg.bdevExclude());
    for (EngineConfig e : cfg.engines()) {
      for (BdevTier t : e.bdevTiers()) {
        if (t.storageClass() == StorageClass.NVME && t.bdevList().stream().anyMatch(excluded::contains)) {
          throw ConfigFaults.bdevExcludeClash();
        }
      }
    }
  }

  static Fault engineFault(int idx, String problem, String resolution) {
    return ConfigFaults.badConfig("I/O Engine " + idx + " failed config validation: " + problem, resolution);
  }
}
