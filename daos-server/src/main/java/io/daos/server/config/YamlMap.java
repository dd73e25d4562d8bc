package io.daos.server.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML mapping read strictly: typed getters that name the key and line on a bad value, and
 * {@link #rejectUnknown()} that names the first key no getter asked for. Package-private helper of the
 * config parsers.
 */
final class YamlMap {
  private final String file;
  private final String where;
  private final Node node;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final Set<String> asked = new LinkedHashSet<>();

  private YamlMap(String file, String where, MappingNode node) {
    this.file = file;
    this.where = where;
    this.node = node;
    for (NodeTuple t : node.getValue()) {
      String key = keyOf(t);
      if (entries.putIfAbsent(key, t) != null) {
        throw error(t.getKeyNode(), "duplicate key '" + key + "'" + in());
      }
    }
  }

  static YamlMap of(String file, String where, Node node) {
    if (!(node instanceof MappingNode m)) {
      throw new ConfigException(file, line(node), (where.isEmpty() ? "the document" : where)
          + " must be a mapping of key: value pairs");
    }
    return new YamlMap(file, where, m);
  }

  private String keyOf(NodeTuple t) {
    if (t.getKeyNode() instanceof ScalarNode s) {
      return s.getValue();
    }
    throw error(t.getKeyNode(), "a key must be a plain name" + in());
  }

  String file() {
    return file;
  }

  String where() {
    return where;
  }

  int line() {
    return line(node);
  }

  boolean has(String key) {
    asked.add(key);
    Node v = value(key);
    return v != null;
  }

  /** The key's line, or the mapping's line when absent. */
  int lineOf(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? line() : line(t.getKeyNode());
  }

  private Node value(String key) {
    asked.add(key);
    NodeTuple t = entries.get(key);
    if (t == null || isNull(t.getValueNode())) {
      return null;
    }
    return t.getValueNode();
  }

  String str(String key) {
    Node v = value(key);
    if (v == null) {
      return null;
    }
    return scalar(key, v, "a string").getValue();
  }

  Long integer(String key) {
    Node v = value(key);
    if (v == null) {
      return null;
    }
    ScalarNode s = scalar(key, v, "an integer");
    Long n = parseInt(s.getValue());
    if (n == null) {
      throw error(v, "bad value '" + s.getValue() + "' for " + name(key) + ": want an integer");
    }
    return n;
  }

  Integer int32(String key) {
    Long n = integer(key);
    if (n == null) {
      return null;
    }
    if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
      throw error(value(key), "value " + n + " for " + name(key) + " is out of range");
    }
    return n.intValue();
  }

  /** An integer that may not be negative. */
  Integer natural(String key) {
    Integer n = int32(key);
    if (n != null && n < 0) {
      throw error(value(key), "bad value " + n + " for " + name(key) + ": must not be negative");
    }
    return n;
  }

  Boolean bool(String key) {
    Node v = value(key);
    if (v == null) {
      return null;
    }
    ScalarNode s = scalar(key, v, "true or false");
    if (!Tag.BOOL.equals(s.getTag())) {
      throw error(v, "bad value '" + s.getValue() + "' for " + name(key) + ": want true or false");
    }
    return Set.of("true", "yes", "on", "y").contains(s.getValue().toLowerCase(Locale.ROOT));
  }

  /**
   * A size in GiB, as DAOS's {@code scm_size}/{@code bdev_size}: a plain integer, or a string with a
   * {@code G}, {@code GB}, {@code GiB} suffix.
   */
  Integer sizeGib(String key) {
    Node v = value(key);
    if (v == null) {
      return null;
    }
    String text = scalar(key, v, "a size in GiB").getValue().trim();
    String digits = text.replaceFirst("(?i)\\s*(g|gb|gib)$", "");
    Long n = parseInt(digits);
    if (n == null || n < 0 || n > Integer.MAX_VALUE) {
      throw error(v, "bad size '" + text + "' for " + name(key) + ": want a whole number of GiB, e.g. 16");
    }
    return n.intValue();
  }

  /** A list of strings; a single scalar is accepted as a one-element list. */
  List<String> strList(String key) {
    Node v = value(key);
    if (v == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (v instanceof ScalarNode s) {
      out.add(s.getValue());
      return out;
    }
    for (Node item : sequence(key, v).getValue()) {
      if (isNull(item)) {
        continue;
      }
      out.add(scalar(key, item, "a list of strings").getValue());
    }
    return out;
  }

  YamlMap map(String key) {
    Node v = value(key);
    return v == null ? null : of(file, name(key), v);
  }

  /** A list of mappings; null entries are skipped, as DAOS skips them for storage tiers. */
  List<YamlMap> mapList(String key) {
    Node v = value(key);
    List<YamlMap> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    int i = 0;
    for (Node item : sequence(key, v).getValue()) {
      if (!isNull(item)) {
        out.add(of(file, name(key) + "[" + i + "]", item));
      }
      i++;
    }
    return out;
  }

  /** Fails on the first key that no getter asked for. */
  void rejectUnknown() {
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (!asked.contains(e.getKey())) {
        String hint = KeyHint.closest(e.getKey(), asked);
        throw error(e.getValue().getKeyNode(), "unknown key '" + e.getKey() + "'" + in()
            + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
      }
    }
  }

  ConfigException error(String key, String message) {
    return new ConfigException(file, lineOf(key), message);
  }

  private ConfigException error(Node at, String message) {
    return new ConfigException(file, line(at), message);
  }

  private String in() {
    return where.isEmpty() ? "" : " in " + where;
  }

  String name(String key) {
    return where.isEmpty() ? key : where + "." + key;
  }

  private ScalarNode scalar(String key, Node v, String want) {
    if (v instanceof ScalarNode s) {
      return s;
    }
    throw error(v, "bad value for " + name(key) + ": want " + want);
  }

  private SequenceNode sequence(String key, Node v) {
    if (v instanceof SequenceNode s) {
      return s;
    }
    throw error(v, "bad value for " + name(key) + ": want a list");
  }

  private static boolean isNull(Node n) {
    return n instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
  }

  static int line(Node n) {
    return n == null || n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
  }

  private static Long parseInt(String text) {
    String t = text.replace("_", "").trim();
    try {
      if (t.matches("[-+]?0[xX][0-9a-fA-F]+")) {
        boolean neg = t.startsWith("-");
        long v = Long.parseLong(t.replaceFirst("^[-+]?0[xX]", ""), 16);
        return neg ? -v : v;
      }
      if (t.matches("0o[0-7]+")) {
        return Long.parseLong(t.substring(2), 8);
      }
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
