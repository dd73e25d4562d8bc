package io.daos.server.config;

import io.daos.common.yaml.KeyHint;
import io.daos.common.yaml.StrictMapping;
import io.daos.common.yaml.StrictYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One daos_server.yml mapping read through the shared {@link StrictYaml} (node walking, lines, duplicate and
 * unknown keys with a "did you mean" hint), plus the server's typed getters that name the key and line on a
 * bad value and accept hex/octal integers and GiB sizes. Package-private helper of the config parsers.
 */
final class YamlMap {
  private final String file;
  private final String where;
  private final StrictMapping keys;

  private YamlMap(String file, String where, Node node) {
    this.file = file;
    this.where = where;
    this.keys = new StrictYaml(new Faults(), Set.of(), Set.of()).keys(node, where);
  }

  static YamlMap of(String file, String where, Node node) {
    return new YamlMap(file, where, node);
  }

  String file() {
    return file;
  }

  String where() {
    return where;
  }

  int line() {
    return keys.line();
  }

  boolean has(String key) {
    return value(key) != null;
  }

  /** The key's line, or the mapping's line when absent. */
  int lineOf(String key) {
    return keys.lineOf(key);
  }

  private Node value(String key) {
    return keys.get(key);
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
    Long n = StrictYaml.integerLiteral(s.getValue());
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
    Long n = StrictYaml.integerLiteral(digits);
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
      if (StrictYaml.isNull(item)) {
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
      if (!StrictYaml.isNull(item)) {
        out.add(of(file, name(key) + "[" + i + "]", item));
      }
      i++;
    }
    return out;
  }

  /** Fails on the first key that no getter asked for. */
  void rejectUnknown() {
    keys.rejectUnknown();
  }

  ConfigException error(String key, String message) {
    return new ConfigException(file, lineOf(key), message);
  }

  private ConfigException error(Node at, String message) {
    return new ConfigException(file, StrictYaml.line(at), message);
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

  /** The server's wording of the mapping-level errors the shared reader finds. */
  private final class Faults implements StrictYaml.Faults {
    @Override
    public ConfigException unknownKey(int line, String key, String type, List<String> asked) {
      String hint = KeyHint.closest(key, asked);
      return new ConfigException(file, line, "unknown key '" + key + "'" + in()
          + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
    }

    @Override
    public ConfigException duplicateKey(int line, String key) {
      return new ConfigException(file, line, "duplicate key '" + key + "'" + in());
    }

    @Override
    public ConfigException badKey(int line, String value) {
      return new ConfigException(file, line, "a key must be a plain name" + in());
    }

    /** The shared reader checks one type for the server: that the mapping is one. */
    @Override
    public ConfigException typeError(int line, String value, String into) {
      return new ConfigException(file, line, (where.isEmpty() ? "the document" : where)
          + " must be a mapping of key: value pairs");
    }
  }
}
