package io.daos.server.config;

import io.daos.common.LogMasks;

/** DAOS's engine {@code Config.Validate} (targets, cores, fabric, storage, log masks) for engine {@code idx}. */
final class EngineConfigValidator {
  private EngineConfigValidator() {
  }

  static void validate(ServerConfig cfg, int idx) {
    EngineConfig e = cfg.engines().get(idx);
    if (e.pinnedNumaNode() != null && e.firstCore() != null && e.firstCore() != 0) {
      throw fail(idx, "cannot specify both pinned_numa_node and first_core",
          "remove either pinned_numa_node or first_core from engine " + idx);
    }
    if (e.targets() < 0) {
      throw fail(idx, "target count must not be negative", "set targets to a positive number");
    }
    if (e.nrXsHelpers() < 0) {
      throw fail(idx, "helper stream count must not be negative", "set nr_xs_helpers to 0 or more");
    }
    if (e.firstCore() != null && e.firstCore() < 0) {
      throw fail(idx, "service thread core index must not be negative", "set first_core to 0 or more");
    }
    if (e.targets() == 0) {
      throw fail(idx, "target count must be nonzero",
          "set 'targets' (number of I/O targets, > 0) in engine " + idx + " and restart daos_server");
    }
    validateFabric(cfg.engineFabric(idx), idx);
    StorageTierValidator.validate(e, cfg.controlMetadata(), idx);
    String p = LogMasks.problem(e.logMask());
    if (p != null) {
      throw fail(idx, "validate engine log masks: " + p, "fix log_mask of engine " + idx);
    }
    validateEnvLogVars(e, idx);
  }

  private static void validateFabric(FabricConfig f, int idx) {
    String res = " in engine " + idx + " (or at top level) and restart daos_server";
    if (f.provider().isEmpty()) {
      throw fail(idx, "fabric config validation failed: provider not set", "set 'provider' (e.g. ofi+tcp)" + res);
    }
    if (f.fabricIface().isEmpty()) {
      throw fail(idx, "fabric config validation failed: fabric_iface not set",
          "set 'fabric_iface' (e.g. eth0)" + res);
    }
    if (f.fabricIfacePort() == 0) {
      throw fail(idx, "fabric config validation failed: fabric_iface_port not set",
          "set 'fabric_iface_port' (\"fabric_iface_port\" is required; e.g. 31416, distinct per engine on the "
              + "same interface)" + res);
    }
    if (f.fabricIfacePort() < 0) {
      throw fail(idx, "fabric config validation failed: fabric_iface_port cannot be negative",
          "set a positive 'fabric_iface_port'" + res);
    }
    if (f.provider().contains(",")) {
      throw fail(idx, "fabric provider string \"" + f.provider() + "\" includes more than one provider",
          "configure a single provider");
    }
  }

  private static void validateEnvLogVars(EngineConfig e, int idx) {
    for (String kv : e.envVars()) {
      if (kv.startsWith("DD_SUBSYS=")) {
        String p = LogMasks.subsystemsProblem(kv.substring("DD_SUBSYS=".length()));
        if (p != null) {
          throw fail(idx, "validate engine log subsystems: " + p, "fix DD_SUBSYS in env_vars of engine " + idx);
        }
      }
    }
  }

  static io.daos.common.fault.Fault fail(int idx, String problem, String resolution) {
    return ServerConfigValidator.engineFault(idx, problem, resolution);
  }
}
