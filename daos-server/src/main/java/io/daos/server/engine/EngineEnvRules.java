package io.daos.server.engine;

import io.daos.common.fault.Fault;
import io.daos.server.config.ConfigFaults;
import io.daos.server.config.EngineConfig;
import io.daos.server.config.StorageClass;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DAOS's adjustments to an engine's yml {@code env_vars} before launch: PMDK's shutdown-state setting
 * ({@code PMEMOBJ_CONF=sds.at_create=0} unless SCM is dcpm) and Argobots' minimum stack sizes for dcpm,
 * MD-on-SSD and ucx providers.
 */
final class EngineEnvRules {
  static final String PMEMOBJ_CONF = "PMEMOBJ_CONF";
  static final String ABT_STACK = "ABT_THREAD_STACKSIZE";
  static final int MIN_ABT_STACK_DCPM = 20480;
  static final int MIN_ABT_STACK_MD_ON_SSD = 24576;
  static final int MIN_ABT_STACK_UCX = 32768;

  private EngineEnvRules() {
  }

  /** Returns {@code vars} (yml env_vars) with the rules applied; a Fault when a var contradicts them. */
  static Map<String, String> apply(Map<String, String> vars, EngineConfig e, String provider, int idx) {
    Map<String, String> out = new LinkedHashMap<>(vars);
    boolean dcpm = e.scmTier() != null && e.scmTier().storageClass() == StorageClass.DCPM;
    pmemobjConf(out, dcpm, idx);
    if (dcpm) {
      stack(out, MIN_ABT_STACK_DCPM, "DCPM storage class", idx);
    }
    if (e.hasBdevRoleMeta()) {
      stack(out, MIN_ABT_STACK_MD_ON_SSD, "MD on SSD", idx);
    }
    if (provider.startsWith("ucx+")) {
      stack(out, MIN_ABT_STACK_UCX, "UCX provider", idx);
    }
    return out;
  }

  private static void pmemobjConf(Map<String, String> out, boolean dcpm, int idx) {
    String conf = out.get(PMEMOBJ_CONF);
    boolean hasSds = conf != null && conf.contains("sds.at_create");
    if (dcpm) {
      if (hasSds) {
        throw bad(idx, "env_var PMEMOBJ_CONF should NOT contain 'sds.at_create=?' for DCPM storage class, found '"
            + conf + "'", "remove sds.at_create from PMEMOBJ_CONF in env_vars");
      }
      return;
    }
    if (conf == null) {
      out.put(PMEMOBJ_CONF, "sds.at_create=0");
    } else if (!hasSds) {
      out.put(PMEMOBJ_CONF, conf + ";sds.at_create=0");
    } else if (conf.contains("sds.at_create=1")) {
      throw bad(idx, "env_var PMEMOBJ_CONF should contain 'sds.at_create=0' for non-DCPM storage class, found '"
          + conf + "'", "set sds.at_create=0 (or remove it) in PMEMOBJ_CONF in env_vars");
    }
  }

  private static void stack(Map<String, String> out, int min, String why, int idx) {
    String v = out.get(ABT_STACK);
    if (v == null) {
      out.put(ABT_STACK, Integer.toString(min));
      return;
    }
    int n;
    try {
      n = Integer.parseInt(v.trim());
    } catch (NumberFormatException ex) {
      throw bad(idx, "env_var ABT_THREAD_STACKSIZE has invalid value: " + v, "set a number of bytes");
    }
    if (n < min) {
      throw bad(idx, "env_var ABT_THREAD_STACKSIZE should be >= " + min + " for " + why + ", found " + n,
          "raise ABT_THREAD_STACKSIZE in env_vars to at least " + min + " or remove it");
    }
  }

  private static Fault bad(int idx, String problem, String resolution) {
    return ConfigFaults.badConfig("I/O Engine " + idx + ": " + problem, resolution + " of engine " + idx);
  }
}
