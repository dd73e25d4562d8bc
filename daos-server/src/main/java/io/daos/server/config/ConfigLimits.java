package io.daos.server.config;

import io.daos.server.config.engine.FabricConfig;
import java.util.List;

/**
 * Checks jdaos adds to DAOS's {@code Validate} (docs/admin-guide.md, "Configuration limits"): bounds on
 * {@code targets} and {@code nr_xs_helpers}, and fabric ports that leave room for the pool service Raft port
 * ({@code fabric_iface_port + 1}) and do not collide with the control port or its Raft port.
 */
final class ConfigLimits {
  /** Most targets one jdaos engine runs (one thread and one VOS environment each). */
  static final int MAX_TARGETS = 128;

  private ConfigLimits() {
  }

  static void validate(ServerConfig cfg) {
    List<EngineConfig> engines = cfg.engines();
    for (int i = 0; i < engines.size(); i++) {
      engine(cfg, i);
    }
  }

  private static void engine(ServerConfig cfg, int idx) {
    EngineConfig e = cfg.engines().get(idx);
    if (e.targets() > MAX_TARGETS) {
      throw EngineConfigValidator.fail(idx, "target count " + e.targets() + " is above " + MAX_TARGETS,
          "set targets of engine " + idx + " to at most " + MAX_TARGETS + " (one per core is usual)");
    }
    if (e.nrXsHelpers() > 2 * e.targets()) {
      throw EngineConfigValidator.fail(idx, "#nr_xs_helpers(" + e.nrXsHelpers() + ") cannot exceed 2 times "
          + "#targets (2 x " + e.targets() + " = " + 2 * e.targets() + ")",
          "set nr_xs_helpers of engine " + idx + " to at most " + 2 * e.targets());
    }
    fabricPort(cfg, idx);
  }

  private static void fabricPort(ServerConfig cfg, int idx) {
    FabricConfig f = cfg.engineFabric(idx);
    int p = f.fabricIfacePort();
    String key = "engines[" + idx + "].fabric_iface_port";
    if (p >= 65535) {
      throw EngineConfigValidator.fail(idx, key + " " + p + " leaves no room for the pool service Raft port "
          + "(fabric_iface_port + 1)", "set " + key + " between 1024 and 65534");
    }
    if (p + 1 >= cfg.port() && p <= cfg.port() + 1) {
      throw EngineConfigValidator.fail(idx, key + " " + p + " (and " + (p + 1) + ") overlaps the control port "
          + cfg.port() + " or its Raft port " + (cfg.port() + 1), "give " + key + " a value away from port "
          + cfg.port() + " (e.g. 31416)");
    }
    for (int j = 0; j < idx; j++) {
      FabricConfig o = cfg.engineFabric(j);
      if (o.fabricIface().equals(f.fabricIface()) && Math.abs(o.fabricIfacePort() - p) < 2) {
        throw EngineConfigValidator.fail(idx, key + " " + p + " is within 1 of engine " + j + "'s "
            + o.fabricIfacePort() + " on the same fabric_iface " + f.fabricIface() + "; each engine uses its port "
            + "and the next one (pool service Raft)", "space the engines' fabric_iface_port at least 2 apart "
            + "(DAOS's examples use 31416 and 32416)");
      }
    }
  }
}
