package io.daos.engine;

/** The daos_engine help text (our wording; the flags are DAOS's). */
final class EngineUsage {
  private EngineUsage() {
  }

  static String text() {
    EngineArgs d = EngineArgs.defaults();
    return String.join("\n",
        "Usage:",
        "  daos_engine -h",
        "  daos_engine [options]",
        "Options:",
        "  -t, --targets=N            number of VOS targets (default: one per core)",
        "  -c, --cores=N              deprecated alias of --targets",
        "  -x, --xshelpernr=N         helper xstreams (default " + d.xsHelpers() + ")",
        "  -f, --firstcore=N          first core for the service threads",
        "  -p, --pinned_numa_node=N   bind to the cores of this NUMA node",
        "  -g, --group=NAME           DAOS system name (default \"" + d.group() + "\", at most "
            + EngineArgs.SYS_NAME_MAX + " bytes)",
        "  -d, --socket_dir=DIR       directory of daos_server.sock (default \"" + d.socketDir() + "\")",
        "  -s, --storage=PATH         SCM mount point (default \"" + d.storage() + "\")",
        "  -n, --nvme=FILE            daos_nvme.conf path",
        "  -T, --storage_tiers=N      number of storage tiers, 1 to 4 (default " + d.storageTiers() + ")",
        "  -I, --instance_idx=N       engine index within its daos_server (default 0)",
        "  -r, --mem_size=MIB         hugepage memory for SPDK, MiB",
        "  -H, --hugepage_size=MIB    hugepage size, MiB",
        "  -b, --bypass_health_chk    do not collect NVMe health data",
        "  -m, --modules=LIST         modules to load (default \"" + EngineArgs.DEFAULT_MODULES + "\")",
        "  -C, --check, --checker     start in checker mode",
        "  -h, --help                 print this help",
        "Environment: D_PROVIDER (ofi+tcp), D_INTERFACE, D_PORT, D_LOG_FILE, D_LOG_MASK, CRT_TIMEOUT.",
        "");
  }
}
