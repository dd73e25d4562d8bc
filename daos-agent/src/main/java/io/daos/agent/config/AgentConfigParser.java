package io.daos.agent.config;

import io.daos.agent.config.CredentialConfig.MappedClientUser;
import io.daos.common.yaml.StrictYaml;
import io.daos.control.config.TransportConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Strict daos_agent.yml binding over {@link AgentConfig#defaults()} (DAOS ReadConfig), then validation. */
final class AgentConfigParser {
  private static final List<String> TOP_KEYS = List.of("name", "access_points", "port", "runtime_dir", "log_file",
      "control_log_mask", "credential_config", "transport_config", "disable_caching", "cache_expiration",
      "disable_auto_evict", "enable_evict_on_start", "exclude_fabric_ifaces", "include_fabric_ifaces",
      "fabric_ifaces", "telemetry_port", "telemetry_enabled", "telemetry_retain", "telemetry_enabled_procs",
      "telemetry_disabled_procs");
  private static final List<String> TRANSPORT_KEYS =
      List.of("allow_insecure", "client_cert_dir", "ca_cert", "cert", "key");
  private static final List<String> CRED_KEYS = List.of("cache_expiration", "client_user_map", "validity");
  private static final List<String> USER_KEYS = List.of("user", "group", "groups");
  private static final List<String> NUMA_KEYS = List.of("numa_node", "devices");
  private static final List<String> DEVICE_KEYS = List.of("iface", "domain");

  private final AgentYamlFaults faults;
  private final StrictYaml y;
  private final AgentConfig d = AgentConfig.defaults();
  private final Map<String, Object> v = new HashMap<>();

  private AgentConfigParser(String source) {
    this.faults = new AgentYamlFaults(source);
    this.y = faults.reader();
  }

  static AgentConfig parseFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AgentConfigException("failed to load agent configuration: reading config file \"" + file + "\": "
          + e + " (check the path given with -o and the file's permissions)");
    }
    return parse(text, file.toString());
  }

  static AgentConfig parse(String yaml, String source) {
    AgentConfigParser p = new AgentConfigParser(source);
    Node root;
    try {
      root = StrictYaml.compose(yaml);
    } catch (YAMLException e) {
      throw new AgentConfigException("failed to load agent configuration " + source + ": yaml: " + e.getMessage());
    }
    if (root != null) {
      p.top(root);
    }
    return p.build().validate();
  }

  private void top(Node root) {
    for (NodeTuple t : y.mapping(root, "main.Config", TOP_KEYS)) {
      Node n = t.getValueNode();
      String k = y.key(t);
      v.put(k, switch (k) {
        case "name", "runtime_dir", "log_file" -> y.string(n);
        case "control_log_mask" -> logMask(n);
        case "access_points" -> y.strings(n);
        case "port", "telemetry_port" -> y.integer(n, "int");
        case "disable_caching", "disable_auto_evict", "enable_evict_on_start", "telemetry_enabled" -> y.bool(n);
        case "cache_expiration" -> Duration.ofMinutes(y.unsigned(n, "uint"));
        case "telemetry_retain" -> duration(n);
        case "exclude_fabric_ifaces", "include_fabric_ifaces" -> new LinkedHashSet<>(y.strings(n));
        case "fabric_ifaces" -> fabricIfaces(n);
        case "telemetry_enabled_procs", "telemetry_disabled_procs" -> regexp(n);
        case "credential_config" -> credentials(n);
        default -> transport(n);
      });
    }
  }

  private String logMask(Node n) {
    String mask = y.string(n);
    if (!AgentConfigValidator.LOG_LEVELS.contains(mask.toUpperCase(java.util.Locale.ROOT))) {
      throw faults.error(n, "\"" + mask + "\" is not a valid log level (use one of "
          + String.join(", ", AgentConfigValidator.LOG_LEVELS) + ")");
    }
    return mask;
  }

  private Duration duration(Node n) {
    String s = y.string(n);
    try {
      return GoDuration.parse(s);
    } catch (IllegalArgumentException e) {
      throw y.typeError(n, "into time.Duration");
    }
  }

  private Pattern regexp(Node n) {
    String s = y.string(n);
    if (s.isEmpty()) {
      throw faults.error(n, "empty regular expression");
    }
    try {
      return Pattern.compile(s);
    } catch (PatternSyntaxException e) {
      throw faults.error(n, "invalid regular expression: " + s);
    }
  }

  private List<NumaFabricConfig> fabricIfaces(Node n) {
    List<NumaFabricConfig> out = new ArrayList<>();
    for (Node item : y.sequence(n, "[]*main.NUMAFabricConfig")) {
      int numa = 0;
      List<NumaFabricConfig.Device> devs = new ArrayList<>();
      for (NodeTuple t : y.mapping(item, "main.NUMAFabricConfig", NUMA_KEYS)) {
        if (y.key(t).equals("numa_node")) {
          numa = y.integer(t.getValueNode(), "int");
        } else {
          y.sequence(t.getValueNode(), "[]*main.FabricInterfaceConfig").forEach(dn -> devs.add(device(dn)));
        }
      }
      out.add(new NumaFabricConfig(numa, devs));
    }
    return out;
  }

  private NumaFabricConfig.Device device(Node n) {
    Map<String, String> m = new HashMap<>();
    for (NodeTuple t : y.mapping(n, "main.FabricInterfaceConfig", DEVICE_KEYS)) {
      m.put(y.key(t), y.string(t.getValueNode()));
    }
    return new NumaFabricConfig.Device(m.get("iface"), m.get("domain"));
  }

  private CredentialConfig credentials(Node n) {
    Duration exp = Duration.ZERO;
    Duration validity = CredentialConfig.DEFAULT_VALIDITY;
    Map<Long, MappedClientUser> users = Map.of();
    for (NodeTuple t : y.mapping(n, "security.CredentialConfig", CRED_KEYS)) {
      switch (y.key(t)) {
        case "cache_expiration" -> exp = duration(t.getValueNode());
        case "validity" -> validity = duration(t.getValueNode());
        default -> users = userMap(t.getValueNode());
      }
    }
    try {
      return new CredentialConfig(exp, users, validity);
    } catch (IllegalArgumentException e) {
      throw faults.error(n, e.getMessage());
    }
  }

  private Map<Long, MappedClientUser> userMap(Node n) {
    Map<Long, MappedClientUser> out = new HashMap<>();
    for (NodeTuple t : y.mapping(n, "security.ClientUserMap", null)) {
      out.put(uidKey(t), mappedUser(t.getValueNode()));
    }
    return out;
  }

  private long uidKey(NodeTuple t) {
    String k = y.key(t);
    if (k.equals("default")) {
      return CredentialConfig.DEFAULT_KEY;
    }
    long uid;
    try {
      uid = Long.parseLong(k);
    } catch (NumberFormatException e) {
      throw faults.error(t.getKeyNode(), "invalid uid " + k + " (use a numeric uid or \"default\")");
    }
    if (uid < 0 || uid > CredentialConfig.DEFAULT_KEY) {
      throw faults.error(t.getKeyNode(), "invalid uid " + k + " (uids are 0 to 4294967294)");
    }
    if (uid == CredentialConfig.DEFAULT_KEY) {
      throw faults.error(t.getKeyNode(), "uid " + uid + " is reserved");
    }
    return uid;
  }

  private MappedClientUser mappedUser(Node n) {
    String user = "";
    String group = "";
    List<String> groups = List.of();
    for (NodeTuple t : y.mapping(n, "security.MappedClientUser", USER_KEYS)) {
      switch (y.key(t)) {
        case "user" -> user = y.string(t.getValueNode());
        case "group" -> group = y.string(t.getValueNode());
        default -> groups = y.strings(t.getValueNode());
      }
    }
    return new MappedClientUser(user, group, groups);
  }

  private TransportConfig transport(Node n) {
    TransportConfig tc = d.transport();
    Map<String, Object> m = new HashMap<>();
    for (NodeTuple t : y.mapping(n, "security.TransportConfig", TRANSPORT_KEYS)) {
      String k = y.key(t);
      m.put(k, k.equals("allow_insecure") ? (Object) y.bool(t.getValueNode()) : y.string(t.getValueNode()));
    }
    return new TransportConfig((Boolean) m.getOrDefault("allow_insecure", false),
        (String) m.getOrDefault("ca_cert", tc.caCert()), (String) m.getOrDefault("cert", tc.cert()),
        (String) m.getOrDefault("key", tc.key()), (String) m.getOrDefault("client_cert_dir", tc.clientCertDir()));
  }

  @SuppressWarnings("unchecked")
  private <T> T get(String key, T dflt) {
    return (T) v.getOrDefault(key, dflt);
  }

  private AgentConfig build() {
    TelemetryConfig tel = new TelemetryConfig(get("telemetry_port", 0), get("telemetry_enabled", false),
        get("telemetry_retain", Duration.ZERO), get("telemetry_enabled_procs", null),
        get("telemetry_disabled_procs", null));
    return new AgentConfig(get("name", d.name()), get("access_points", d.accessPoints()), get("port", d.port()),
        get("runtime_dir", d.runtimeDir()), get("log_file", d.logFile()),
        get("control_log_mask", d.controlLogMask()), get("credential_config", d.credentialConfig()),
        get("transport_config", d.transport()), get("disable_caching", false),
        get("cache_expiration", Duration.ZERO), get("disable_auto_evict", false),
        get("enable_evict_on_start", false), get("exclude_fabric_ifaces", Set.<String>of()),
        get("include_fabric_ifaces", Set.<String>of()), get("fabric_ifaces", List.<NumaFabricConfig>of()), tel);
  }
}
