package io.daos.control.config;

import io.daos.common.build.BuildInfo;
import io.daos.common.fault.Fault;
import io.daos.common.hostlist.HostPorts;
import io.daos.common.yaml.StrictYaml;
import io.daos.control.errors.ClientFaults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Strict daos_control.yml binding, like Go's yaml.UnmarshalStrict: unknown or repeated keys and wrongly
 * typed values are faults naming the file and line, in yaml.v2's words.
 */
final class ControlConfigParser {
  private static final List<String> TOP_KEYS = List.of("name", "port", "hostlist", "transport_config");
  private static final List<String> TRANSPORT_KEYS =
      List.of("allow_insecure", "client_cert_dir", "ca_cert", "cert", "key");

  private static final Set<String> TRUE = Set.of("true", "True", "TRUE", "yes", "on");
  private static final Set<String> FALSE = Set.of("false", "False", "FALSE", "no", "off");

  private final String source;
  private final StrictYaml y = new StrictYaml(new Faults(), TRUE, FALSE);
  private String name;
  private int port;
  private List<String> hostList;
  private TransportConfig transport;

  private ControlConfigParser(String source, ControlConfig base) {
    this.source = source;
    this.name = base.systemName();
    this.port = base.port();
    this.hostList = base.hostList();
    this.transport = base.transport();
  }

  static ControlConfig parseFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ClientFaults.badConfig("failed to load control configuration: cannot read " + file + ": " + e,
          "check the path given with -o/--config-path and the file's permissions");
    }
    if (text.isEmpty()) {
      throw ClientFaults.badConfig("empty config file: " + file,
          "add at least 'hostlist' to the file, or remove it to use the defaults");
    }
    return parse(text, file.toString(), file);
  }

  static ControlConfig parse(String yaml, String source, Path path) {
    ControlConfigParser p = new ControlConfigParser(source, ControlConfig.defaults());
    Node root;
    try {
      root = StrictYaml.compose(yaml);
    } catch (YAMLException e) {
      throw ClientFaults.badConfig("failed to load control configuration " + source + ": " + e.getMessage(),
          "fix the YAML syntax at the line shown");
    }
    if (root != null) {
      p.top(root);
    }
    p.validate();
    return new ControlConfig(p.name, p.port, p.hostList, p.transport, path);
  }

  private void top(Node root) {
    for (NodeTuple t : y.mapping(root, "control.Config", TOP_KEYS)) {
      Node v = t.getValueNode();
      switch (y.key(t)) {
        case "name" -> name = y.string(v);
        case "port" -> port = y.integer(v, "int");
        case "hostlist" -> hostList = y.strings(v);
        default -> transportConfig(v);
      }
    }
  }

  private void transportConfig(Node node) {
    TransportConfig tc = transport;
    for (NodeTuple t : y.mapping(node, "security.TransportConfig", TRANSPORT_KEYS)) {
      Node v = t.getValueNode();
      tc = switch (y.key(t)) {
        case "allow_insecure" -> new TransportConfig(y.bool(v), tc.caCert(), tc.cert(), tc.key(),
            tc.clientCertDir());
        case "client_cert_dir" -> new TransportConfig(tc.allowInsecure(), tc.caCert(), tc.cert(), tc.key(),
            y.string(v));
        case "ca_cert" -> new TransportConfig(tc.allowInsecure(), y.string(v), tc.cert(), tc.key(),
            tc.clientCertDir());
        case "cert" -> new TransportConfig(tc.allowInsecure(), tc.caCert(), y.string(v), tc.key(),
            tc.clientCertDir());
        default -> new TransportConfig(tc.allowInsecure(), tc.caCert(), tc.cert(), y.string(v),
            tc.clientCertDir());
      };
    }
    transport = tc;
  }

  private void validate() {
    if (name.isEmpty() || name.length() > BuildInfo.SYSTEM_NAME_MAX) {
      throw ClientFaults.badConfig(source + ": invalid system name: \"" + name + "\"",
          "use a system name of 1 to " + BuildInfo.SYSTEM_NAME_MAX + " characters ('name' parameter)");
    }
    if (port <= 0 || port > 65535) {
      throw ClientFaults.badControlPort();
    }
    try {
      HostPorts.resolve(hostList, port);
    } catch (IllegalArgumentException e) {
      throw ClientFaults.badConfig(source + ": invalid hostlist: " + e.getMessage(),
          "list servers as host, host:port or ranges such as node[1-4]:10001");
    }
  }

  private String where(int line) {
    return "failed to load control configuration " + source + ": line " + line + ": ";
  }

  /** daos_control.yml's errors: yaml.v2's words as the fault, what to do as its resolution. */
  private final class Faults implements StrictYaml.Faults {
    @Override
    public Fault unknownKey(int line, String key, String type, List<String> allowed) {
      return ClientFaults.badConfig(where(line) + "field " + key + " not found in type " + type,
          "remove or correct \"" + key + "\"; valid keys here are: " + String.join(", ", allowed));
    }

    @Override
    public Fault duplicateKey(int line, String key) {
      return ClientFaults.badConfig(where(line) + "key \"" + key + "\" already set in map",
          "keep only one \"" + key + "\" entry");
    }

    @Override
    public Fault typeError(int line, String value, String into) {
      return ClientFaults.badConfig(where(line) + "cannot unmarshal " + value + " " + into,
          "correct the value's type (see utils/config/daos_control.yml for an example)");
    }
  }
}
