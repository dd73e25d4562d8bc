package io.daos.agent.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Strict readers of snakeyaml nodes in the manner of Go's yaml.UnmarshalStrict; errors name file and line. */
final class YamlNodes {
  private final String source;

  YamlNodes(String source) {
    this.source = source;
  }

  /** The tuples of a mapping whose keys must all be in {@code allowed}; null maps to no tuples. */
  List<NodeTuple> mapping(Node node, String type, List<String> allowed) {
    if (isNull(node)) {
      return List.of();
    }
    if (!(node instanceof MappingNode m)) {
      throw typeError(node, "into " + type);
    }
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : m.getValue()) {
      String k = key(t);
      if (allowed != null && !allowed.contains(k)) {
        throw error(t.getKeyNode(), "field " + k + " not found in type " + type
            + " (remove or correct \"" + k + "\"; valid keys here: " + String.join(", ", allowed) + ")");
      }
      if (!seen.add(k)) {
        throw error(t.getKeyNode(), "key \"" + k + "\" already set in map (keep only one)");
      }
    }
    return m.getValue();
  }

  String key(NodeTuple t) {
    if (!(t.getKeyNode() instanceof ScalarNode s)) {
      throw typeError(t.getKeyNode(), "into a string key");
    }
    return s.getValue();
  }

  String string(Node node) {
    if (!(node instanceof ScalarNode s)) {
      throw typeError(node, "into string");
    }
    return isNull(node) ? "" : s.getValue();
  }

  int integer(Node node, String type) {
    String v = nonNullScalar(node, type);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw typeError(node, "into " + type);
    }
  }

  long unsigned(Node node, String type) {
    String v = nonNullScalar(node, type);
    try {
      long n = Long.parseLong(v);
      if (n < 0) {
        throw typeError(node, "into " + type);
      }
      return n;
    } catch (NumberFormatException e) {
      throw typeError(node, "into " + type);
    }
  }

  boolean bool(Node node) {
    return switch (nonNullScalar(node, "bool")) {
      case "true", "True", "TRUE", "yes", "Yes", "on", "On" -> true;
      case "false", "False", "FALSE", "no", "No", "off", "Off" -> false;
      default -> throw typeError(node, "into bool");
    };
  }

  List<String> strings(Node node) {
    return sequence(node, "[]string").stream().map(this::string).toList();
  }

  List<Node> sequence(Node node, String type) {
    if (isNull(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode seq)) {
      throw typeError(node, "into " + type);
    }
    return new ArrayList<>(seq.getValue());
  }

  AgentConfigException error(Node node, String what) {
    return new AgentConfigException("failed to load agent configuration " + source + ": line " + line(node) + ": "
        + what);
  }

  AgentConfigException typeError(Node node, String into) {
    String what = node instanceof ScalarNode s ? node.getTag().getValue().replace(Tag.PREFIX, "!!") + " `"
        + s.getValue() + "`" : node.getNodeId().name();
    return error(node, "yaml: unmarshal error: cannot unmarshal " + what + " " + into);
  }

  private String nonNullScalar(Node node, String type) {
    if (!(node instanceof ScalarNode s) || isNull(node)) {
      throw typeError(node, "into " + type);
    }
    return s.getValue();
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }

  static int line(Node n) {
    return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
  }
}
