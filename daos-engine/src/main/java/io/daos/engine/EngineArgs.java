package io.daos.engine;

import java.nio.file.Path;

/**
 * The daos_engine command line (DAOS's getopt flags, {@code src/engine/init.c}). Unset numeric options
 * are -1 where DAOS distinguishes "unset" (first core, NUMA node); targets 0 means "one per core".
 */
public record EngineArgs(
    int targets,
    int xsHelpers,
    int firstCore,
    int pinnedNumaNode,
    String group,
    Path socketDir,
    Path storage,
    String nvmeConf,
    int storageTiers,
    int instanceIdx,
    int memSizeMib,
    int hugepageSizeMib,
    boolean bypassHealthChk,
    String modules,
    boolean checkMode) {

  /** DAOS's default module list. */
  public static final String DEFAULT_MODULES = "vos,rdb,rsvc,security,mgmt,dtx,pool,cont,obj,rebuild";
  /** The module list in checker mode. */
  public static final String CHECKER_MODULES = DEFAULT_MODULES + ",chk";
  /** Longest DAOS system name (DAOS_SYS_NAME_MAX). */
  public static final int SYS_NAME_MAX = 15;
  /** Longest module list (MAX_MODULE_OPTIONS). */
  public static final int MODULES_MAX = 64;

  /** The defaults DAOS's engine starts with. */
  public static EngineArgs defaults() {
    return new EngineArgs(0, 0, -1, -1, "daos_server", Path.of("/var/run/daos_server"), Path.of("/mnt/daos"),
        "", 2, 0, 0, 0, false, DEFAULT_MODULES, false);
  }

  /** Targets to run: -t, or one per available core when unset. */
  public int effectiveTargets() {
    return targets > 0 ? targets : Runtime.getRuntime().availableProcessors();
  }

  /** CaRT contexts DAOS would create: 2 system contexts + targets + min(helpers, targets). */
  public int contextCount() {
    int t = effectiveTargets();
    return 2 + t + Math.min(xsHelpers, t);
  }

  /** {@code <socket_dir>/daos_server.sock}. */
  public Path serverSocket() {
    return socketDir.resolve("daos_server.sock");
  }

  /** {@code <socket_dir>/daos_engine_<pid>.sock}. */
  public Path engineSocket(long pid) {
    return socketDir.resolve("daos_engine_" + pid + ".sock");
  }
}
