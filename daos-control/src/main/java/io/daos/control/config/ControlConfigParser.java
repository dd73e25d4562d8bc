package io.daos.control.config;

import io.daos.common.build.BuildInfo;
import io.daos.common.fault.Fault;
import io.daos.common.hostlist.HostPorts;
import io.daos.control.errors.ClientFaults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Strict daos_control.yml binding, like Go's yaml.UnmarshalStrict: unknown or repeated keys and wrongly
 * typed values are faults naming the file and line, in yaml.v2's words.
 */
final class ControlConfigParser {
  private static final List<String> TOP_KEYS = List.of("name", "port", "hostlist", "transport_config");
  private static final List<String> TRANSPORT_KEYS =
      List.of("allow_insecure", "client_cert_dir", "ca_cert", "cert", "key");

  private final String source;
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
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new java.io.StringReader(yaml));
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
    for (NodeTuple t : mapping(root, "control.Config", TOP_KEYS)) {
      Node v = t.getValueNode();
      switch (key(t)) {
        case "name" -> name = scalar(v, "string");
        case "port" -> port = integer(v);
        case "hostlist" -> hostList = strings(v);
        default -> transportConfig(v);
      }
    }
  }

  private void transportConfig(Node node) {
    TransportConfig tc = transport;
    for (NodeTuple t : mapping(node, "security.TransportConfig", TRANSPORT_KEYS)) {
      Node v = t.getValueNode();
      tc = switch (key(t)) {
        case "allow_insecure" -> new TransportConfig(bool(v), tc.caCert(), tc.cert(), tc.key(), tc.clientCertDir());
        case "client_cert_dir" -> new TransportConfig(tc.allowInsecure(), tc.caCert(), tc.cert(), tc.key(),
            scalar(v, "string"));
        case "ca_cert" -> new TransportConfig(tc.allowInsecure(), scalar(v, "string"), tc.cert(), tc.key(),
            tc.clientCertDir());
        case "cert" -> new TransportConfig(tc.allowInsecure(), tc.caCert(), scalar(v, "string"), tc.key(),
            tc.clientCertDir());
        default -> new TransportConfig(tc.allowInsecure(), tc.caCert(), tc.cert(), scalar(v, "string"),
            tc.clientCertDir());
      };
    }
    transport = tc;
  }

  private List<NodeTuple> mapping(Node node, String type, List<String> allowed) {
    if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
      return List.of();
    }
    if (!(node instanceof MappingNode m)) {
      throw typeError(node, "into " + type);
    }
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : m.getValue()) {
      String k = key(t);
      int line = line(t.getKeyNode());
      if (!allowed.contains(k)) {
        throw ClientFaults.badConfig(where(line) + "field " + k + " not found in type " + type,
            "remove or correct \"" + k + "\"; valid keys here are: " + String.join(", ", allowed));
      }
      if (!seen.add(k)) {
        throw ClientFaults.badConfig(where(line) + "key \"" + k + "\" already set in map",
            "keep only one \"" + k + "\" entry");
      }
    }
    return m.getValue();
  }

  private String key(NodeTuple t) {
    if (!(t.getKeyNode() instanceof ScalarNode s)) {
      throw typeError(t.getKeyNode(), "into a string key");
    }
    return s.getValue();
  }

  private String scalar(Node node, String type) {
    if (!(node instanceof ScalarNode s) || node.getTag().equals(Tag.NULL) && !type.equals("string")) {
      throw typeError(node, "into " + type);
    }
    return node.getTag().equals(Tag.NULL) ? "" : s.getValue();
  }

  private int integer(Node node) {
    String v = scalar(node, "int");
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw typeError(node, "into int");
    }
  }

  private boolean bool(Node node) {
    String v = scalar(node, "bool");
    return switch (v) {
      case "true", "True", "TRUE", "yes", "on" -> true;
      case "false", "False", "FALSE", "no", "off" -> false;
      default -> throw typeError(node, "into bool");
    };
  }

  private List<String> strings(Node node) {
    if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode seq)) {
      throw typeError(node, "into []string");
    }
    List<String> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      out.add(scalar(item, "string"));
    }
    return out;
  }

  private Fault typeError(Node node, String into) {
    String what = node instanceof ScalarNode s ? node.getTag().getValue().replace(Tag.PREFIX, "!!") + " `"
        + s.getValue() + "`" : node.getNodeId().name();
    return ClientFaults.badConfig(where(line(node)) + "cannot unmarshal " + what + " " + into,
        "correct the value's type (see utils/config/daos_control.yml for an example)");
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

  private static int line(Node n) {
    return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
  }
}
