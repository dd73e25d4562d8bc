package io.daos.server.config;

import io.daos.server.config.engine.AccelProps;
import io.daos.server.config.engine.BdevAutoFaulty;
import io.daos.server.config.engine.BdevTier;
import io.daos.server.config.engine.FabricConfig;
import io.daos.server.config.engine.ScmTier;
import io.daos.server.config.engine.SpdkRpcServer;
import io.daos.server.config.engine.StorageTier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Renders a {@link ServerConfig} as daos_server.yml: defaults are written out, unset options left out. */
final class ServerConfigYaml {
  private static final String HEADER = "# daos_server.yml written by jdaos; see config/daos_server.yml for "
      + "every option.\n";

  private ServerConfigYaml() {
  }

  static String render(ServerConfig c) {
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setIndent(2);
    o.setIndicatorIndent(0);
    o.setWidth(120);
    return HEADER + new Yaml(o).dump(top(c));
  }

  static void write(ServerConfig c, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, ".daos_server", ".tmp");
    try {
      Files.writeString(tmp, render(c), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static Map<String, Object> top(ServerConfig c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    m.put("port", c.port());
    putIf(m, "control_addr", c.controlAddr());
    putIf(m, "control_iface", c.controlIface());
    m.put("mgmt_svc_replicas", c.mgmtSvcReplicas());
    fabric(m, c.fabric());
    m.put("socket_dir", c.socketDir());
    m.put("control_log_mask", c.controlLogMask());
    putIf(m, "control_log_file", c.controlLogFile());
    putTrue(m, "control_log_json", c.controlLogJson());
    putIf(m, "helper_log_file", c.helperLogFile());
    putNonZero(m, "telemetry_port", c.telemetryPort());
    m.put("system_ram_reserved", c.systemRamReserved());
    putNonZero(m, "nr_hugepages", c.nrHugepages());
    putTrue(m, "disable_hugepages", c.disableHugepages());
    putTrue(m, "allow_numa_imbalance", c.allowNumaImbalance());
    putTrue(m, "allow_thp", c.allowThp());
    putIf(m, "kernel_config_path", c.kernelConfigPath());
    putTrue(m, "disable_engine_auto_restart", c.disableEngineAutoRestart());
    if (c.engineAutoRestartMinDelay() != ConfigDefaults.ENGINE_AUTO_RESTART_MIN_DELAY_SECS) {
      m.put("engine_auto_restart_min_delay", c.engineAutoRestartMinDelay());
    }
    putIf(m, "fault_path", c.faultPath());
    putIf(m, "fault_cb", c.faultCb());
    hardware(m, c);
    transport(m, c.transport());
    if (c.controlMetadata().hasPath()) {
      Map<String, Object> md = new LinkedHashMap<>();
      md.put("path", c.controlMetadata().path());
      putIf(md, "device", c.controlMetadata().device());
      m.put("control_metadata", md);
    }
    putList(m, "client_env_vars", c.clientEnvVars());
    if (!c.supportConfig().fileTransferExec().isEmpty()) {
      m.put("support_config", Map.of("file_transfer_exec", c.supportConfig().fileTransferExec()));
    }
    List<Object> engines = new ArrayList<>();
    c.engines().forEach(e -> engines.add(engine(e)));
    m.put("engines", engines);
    return m;
  }

  private static void hardware(Map<String, Object> m, ServerConfig c) {
    if (c.coreDumpFilter() != ConfigDefaults.CORE_DUMP_FILTER) {
      m.put("core_dump_filter", c.coreDumpFilter());
    }
    putList(m, "bdev_exclude", c.bdevExclude());
    putTrue(m, "disable_vfio", c.disableVfio());
    if (c.disableVmd() != null) {
      m.put("disable_vmd", c.disableVmd());
    }
    if (c.disableHotplug() != null) {
      m.put("disable_hotplug", c.disableHotplug());
    } else if (c.enableHotplug() != null) {
      m.put("enable_hotplug", c.enableHotplug());
    }
    putTrue(m, "hyperthreads", c.hyperthreads());
  }

  private static void transport(Map<String, Object> m, TransportConfig t) {
    Map<String, Object> tm = new LinkedHashMap<>();
    tm.put("allow_insecure", t.allowInsecure());
    tm.put("client_cert_dir", t.clientCertDir());
    tm.put("ca_cert", t.caCert());
    tm.put("cert", t.cert());
    tm.put("key", t.key());
    if (!t.credentials().equals(CredentialPolicy.DEFAULT)) { // jdaos keys: only when set, DAOS rejects them
      tm.put("accept_legacy_credentials", t.credentials().acceptLegacy());
      tm.put("credential_clock_skew", t.credentials().clockSkew().toSeconds());
    }
    m.put("transport_config", tm);
  }

  private static void fabric(Map<String, Object> m, FabricConfig f) {
    putIf(m, "provider", f.provider());
    putIf(m, "fabric_iface", f.fabricIface());
    putNonZero(m, "fabric_iface_port", f.fabricIfacePort());
    putNonZero(m, "crt_timeout", f.crtTimeout());
    putTrue(m, "disable_srx", f.disableSrx());
    putIf(m, "fabric_auth_key", f.fabricAuthKey());
  }

  private static Map<String, Object> engine(EngineConfig e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("targets", e.targets());
    m.put("nr_xs_helpers", e.nrXsHelpers());
    if (e.firstCore() != null) {
      m.put("first_core", e.firstCore());
    }
    if (e.pinnedNumaNode() != null) {
      m.put("pinned_numa_node", e.pinnedNumaNode());
    }
    if (e.bypassHealthChk() != null) {
      m.put("bypass_health_chk", e.bypassHealthChk());
    }
    fabric(m, e.fabric());
    putIf(m, "log_mask", e.logMask());
    putIf(m, "log_file", e.logFile());
    putList(m, "env_vars", e.envVars());
    putList(m, "env_pass_through", e.envPassThrough());
    List<Object> tiers = new ArrayList<>();
    e.storage().forEach(t -> tiers.add(tier(t)));
    m.put("storage", tiers);
    engineExtras(m, e);
    return m;
  }

  private static void engineExtras(Map<String, Object> m, EngineConfig e) {
    BdevAutoFaulty af = e.bdevAutoFaulty();
    if (!af.equals(BdevAutoFaulty.NONE)) {
      m.put("bdev_auto_faulty", Map.of("enable", af.enable(), "max_io_errs", af.maxIoErrs(), "max_csum_errs",
          af.maxCsumErrs()));
    }
    if (!e.spdkIobuf().isEmpty()) {
      m.put("spdk_iobuf", Map.of("small_pool_count", e.spdkIobuf().smallPoolCount(), "large_pool_count",
          e.spdkIobuf().largePoolCount()));
    }
    AccelProps a = e.acceleration();
    if (!a.equals(AccelProps.NONE)) {
      List<String> opts = new ArrayList<>();
      if ((a.options() & AccelProps.OPT_CRC) != 0) {
        opts.add("crc");
      }
      if ((a.options() & AccelProps.OPT_MOVE) != 0) {
        opts.add("move");
      }
      m.put("acceleration", Map.of("engine", a.engine(), "options", opts));
    }
    SpdkRpcServer r = e.spdkRpcServer();
    if (!r.equals(SpdkRpcServer.NONE)) {
      m.put("spdk_rpc_server", Map.of("enable", r.enable(), "sock_addr", r.sockAddr()));
    }
  }

  private static Map<String, Object> tier(StorageTier t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("class", t.storageClass().yamlName());
    if (t instanceof ScmTier s) {
      m.put("scm_mount", s.scmMount());
      putNonZero(m, "scm_size", s.scmSize());
      putList(m, "scm_list", s.scmList());
      if (s.scmHugepagesDisabled() != null) {
        m.put("scm_hugepages_disabled", s.scmHugepagesDisabled());
      }
      return m;
    }
    BdevTier b = (BdevTier) t;
    m.put("bdev_list", b.bdevList());
    putNonZero(m, "bdev_size", b.bdevSize());
    if (b.bdevBusidRange() != null) {
      m.put("bdev_busid_range", b.bdevBusidRange());
    }
    if (!b.bdevRoles().isEmpty()) {
      m.put("bdev_roles", b.bdevRoles().names());
    }
    return m;
  }

  private static void putIf(Map<String, Object> m, String k, String v) {
    if (v != null && !v.isEmpty()) {
      m.put(k, v);
    }
  }

  private static void putTrue(Map<String, Object> m, String k, boolean v) {
    if (v) {
      m.put(k, true);
    }
  }

  private static void putNonZero(Map<String, Object> m, String k, long v) {
    if (v != 0) {
      m.put(k, v);
    }
  }

  private static void putList(Map<String, Object> m, String k, List<String> v) {
    if (!v.isEmpty()) {
      m.put(k, v);
    }
  }
}
