package io.daos.server.config;

import io.daos.common.yaml.StrictYaml;
import io.daos.common.yaml.YamlText;
import io.daos.server.config.engine.FabricConfig;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Strict daos_server.yml reader: walks snakeyaml's node tree so every error has a line. */
final class ServerConfigParser {
  static final String MSG_APS_MS_REPS = "access_points is deprecated; please use mgmt_svc_replicas instead";

  private ServerConfigParser() {
  }

  static ServerConfig load(Path file) {
    String text;
    try {
      text = YamlText.read(file);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file.toString(), 0, e.getMessage());
    } catch (NoSuchFileException e) {
      throw new ConfigException(file.toString(), 0, "config file not found; give the path of a "
          + "daos_server.yml with -o (examples are in config/)");
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(file.toString(), 0, "cannot read config file: " + e.getMessage());
    }
    return parse(text, file.toString(), file);
  }

  static ServerConfig parse(String yaml, String source, Path path) {
    Node root = compose(yaml, source);
    ServerConfigBuilder b = ServerConfig.builder().path(path);
    if (root == null) {
      return b.build();
    }
    YamlMap m = YamlMap.of(source, "", root);
    readTop(m, b);
    readLists(m, b);
    b.engines(EngineConfigParser.readEngines(m));
    m.rejectUnknown();
    return b.build();
  }

  private static Node compose(String yaml, String source) {
    try {
      YamlText.check(yaml);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source, 0, e.getMessage());
    }
    LoaderOptions opts = new LoaderOptions();
    opts.setMaxAliasesForCollections(20);
    opts.setNestingDepthLimit(20);
    opts.setCodePointLimit(YamlText.MAX_BYTES);
    try {
      return StrictYaml.compose(yaml, opts);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new ConfigException(source, line, "YAML syntax error: " + e.getProblem());
    } catch (YAMLException e) {
      throw new ConfigException(source, 0, "YAML error: " + e.getMessage());
    }
  }

  private static void readTop(YamlMap m, ServerConfigBuilder b) {
    str(m, "name", b::name);
    natural(m, "port", b::port);
    str(m, "control_iface", b::controlIface);
    str(m, "control_addr", b::controlAddr);
    b.transport(readTransport(m.map("transport_config")));
    b.fabric(readFabric(m));
    str(m, "socket_dir", b::socketDir);
    str(m, "control_log_mask", b::controlLogMask);
    str(m, "control_log_file", b::controlLogFile);
    bool(m, "control_log_json", b::controlLogJson);
    str(m, "helper_log_file", b::helperLogFile);
    str(m, "firmware_helper_log_file", v -> { }); // deprecated in DAOS 3.0, ignored
    natural(m, "telemetry_port", b::telemetryPort);
    integer(m, "system_ram_reserved", b::systemRamReserved);
    Long hp = m.integer("nr_hugepages");
    if (hp != null) {
      b.nrHugepages(hp);
    }
    bool(m, "disable_hugepages", b::disableHugepages);
    bool(m, "allow_numa_imbalance", b::allowNumaImbalance);
    bool(m, "allow_thp", b::allowThp);
    str(m, "kernel_config_path", b::kernelConfigPath);
    bool(m, "disable_engine_auto_restart", b::disableEngineAutoRestart);
    integer(m, "engine_auto_restart_min_delay", b::engineAutoRestartMinDelay);
    str(m, "fault_path", b::faultPath);
    str(m, "fault_cb", b::faultCb);
    Integer filter = m.natural("core_dump_filter");
    if (filter != null) {
      if (filter > 0xff) {
        throw m.error("core_dump_filter", "bad value " + filter + " for core_dump_filter: must be 0-0xff");
      }
      b.coreDumpFilter(filter);
    }
    bool(m, "disable_vfio", b::disableVfio);
    b.disableVmd(m.bool("disable_vmd"));
    b.disableHotplug(m.bool("disable_hotplug"));
    b.enableHotplug(m.bool("enable_hotplug"));
    bool(m, "hyperthreads", b::hyperthreads);
    YamlMap md = m.map("control_metadata");
    if (md != null) {
      b.controlMetadata(new ControlMetadata(md.str("path"), md.str("device")));
      md.bool("allow_spdk_conf_override");
      md.rejectUnknown();
    }
    YamlMap sc = m.map("support_config");
    if (sc != null) {
      b.supportConfig(new SupportConfig(sc.str("file_transfer_exec")));
      sc.rejectUnknown();
    }
  }

  private static void readLists(YamlMap m, ServerConfigBuilder b) {
    List<String> reps = m.strList("mgmt_svc_replicas");
    List<String> aps = m.strList("access_points");
    if (aps != null && !aps.isEmpty()) {
      if (reps != null && !reps.isEmpty()) {
        throw m.error("access_points", MSG_APS_MS_REPS + " (both are set; remove access_points)");
      }
      reps = aps;
    }
    b.mgmtSvcReplicas(reps == null || reps.isEmpty() ? ConfigDefaults.MGMT_SVC_REPLICAS : reps);
    b.bdevExclude(m.strList("bdev_exclude"));
    b.clientEnvVars(m.strList("client_env_vars"));
  }

  /** Fabric keys shared by the top level and engines. */
  static FabricConfig readFabric(YamlMap m) {
    Integer port = m.int32("fabric_iface_port");
    if (port != null && port < 0) {
      throw m.error("fabric_iface_port", "bad value " + port + " for " + m.name("fabric_iface_port")
          + ": fabric_iface_port cannot be negative");
    }
    Integer crt = m.natural("crt_timeout");
    Boolean srx = m.bool("disable_srx");
    return new FabricConfig(m.str("provider"), m.str("fabric_iface"), port == null ? 0 : port,
        crt == null ? 0 : crt, srx != null && srx, m.str("fabric_auth_key"));
  }

  private static TransportConfig readTransport(YamlMap t) {
    if (t == null) {
      return TransportConfig.DEFAULT;
    }
    TransportConfig d = TransportConfig.DEFAULT;
    Boolean insecure = t.bool("allow_insecure");
    TransportConfig out = new TransportConfig(insecure != null && insecure,
        or(t.str("client_cert_dir"), d.clientCertDir()), or(t.str("ca_cert"), d.caCert()),
        or(t.str("cert"), d.cert()), or(t.str("key"), d.key()), readCredentialPolicy(t));
    t.rejectUnknown();
    return out;
  }

  private static CredentialPolicy readCredentialPolicy(YamlMap t) {
    Boolean legacy = t.bool("accept_legacy_credentials");
    Integer skew = t.natural("credential_clock_skew");
    long max = CredentialPolicy.MAX_CLOCK_SKEW.toSeconds();
    if (skew != null && skew > max) {
      throw t.error("credential_clock_skew", "bad value " + skew + " for " + t.name("credential_clock_skew")
          + ": at most " + max + " seconds (a larger skew widens every credential's window); fix the hosts' clocks");
    }
    CredentialPolicy d = CredentialPolicy.DEFAULT;
    return new CredentialPolicy(legacy == null ? d.acceptLegacy() : legacy,
        skew == null ? d.clockSkew() : java.time.Duration.ofSeconds(skew));
  }

  private static String or(String v, String dflt) {
    return v == null ? dflt : v;
  }

  private static void str(YamlMap m, String key, java.util.function.Consumer<String> set) {
    String v = m.str(key);
    if (v != null) {
      set.accept(v);
    }
  }

  private static void integer(YamlMap m, String key, java.util.function.IntConsumer set) {
    Integer v = m.int32(key);
    if (v != null) {
      set.accept(v);
    }
  }

  private static void natural(YamlMap m, String key, java.util.function.IntConsumer set) {
    Integer v = m.natural(key);
    if (v != null) {
      set.accept(v);
    }
  }

  private static void bool(YamlMap m, String key, java.util.function.Consumer<Boolean> set) {
    Boolean v = m.bool(key);
    if (v != null) {
      set.accept(v);
    }
  }
}
