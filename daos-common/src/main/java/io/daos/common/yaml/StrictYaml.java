package io.daos.common.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Strict readers of snakeyaml nodes in the manner of Go's {@code yaml.UnmarshalStrict}: a mapping's keys must
 * be known and appear once, values must have the wanted type. Each config words its errors through
 * {@link Faults}, as its Go counterpart does.
 */
public final class StrictYaml {
  /** How one config file words the errors, each naming the 1-based line of the offending node. */
  public interface Faults {
    /** Key {@code key} is not one of {@code allowed} in a mapping read as Go type {@code type}. */
    RuntimeException unknownKey(int line, String key, String type, List<String> allowed);

    /** Key {@code key} appears twice in one mapping. */
    RuntimeException duplicateKey(int line, String key);

    /** {@code value} (such as {@code !!str `x`} or {@code MAPPING}) cannot be read {@code into} a type. */
    RuntimeException typeError(int line, String value, String into);

    /** A mapping key {@code value} that is not a string; by default Go's "cannot unmarshal" wording. */
    default RuntimeException badKey(int line, String value) {
      return typeError(line, value, "into a string key");
    }
  }

  private final Faults faults;
  private final Set<String> trueWords;
  private final Set<String> falseWords;

  /** A reader that words errors with {@code faults} and reads booleans from the given words. */
  public StrictYaml(Faults faults, Set<String> trueWords, Set<String> falseWords) {
    this.faults = faults;
    this.trueWords = Set.copyOf(trueWords);
    this.falseWords = Set.copyOf(falseWords);
  }

  /** The document's root node, or null for an empty document. */
  public static Node compose(String yaml) throws YAMLException {
    return compose(yaml, new LoaderOptions());
  }

  /** The document's root node read within the limits of {@code options}, or null for an empty document. */
  public static Node compose(String yaml, LoaderOptions options) throws YAMLException {
    return new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
  }

  /** The tuples of a mapping whose keys must all be in {@code allowed} (any key when null); null is none. */
  public List<NodeTuple> mapping(Node node, String type, List<String> allowed) {
    if (isNull(node)) {
      return List.of();
    }
    MappingNode m = mappingNode(node, type);
    byKey(m, type, allowed);
    return m.getValue();
  }

  /**
   * A mapping read as {@code type} whose keys are asked for one by one; repeated keys fail here, keys no one
   * asked for at {@link StrictMapping#rejectUnknown()}.
   */
  public StrictMapping keys(Node node, String type) {
    MappingNode m = mappingNode(node, type);
    return new StrictMapping(m, type, byKey(m, type, null), faults);
  }

  private MappingNode mappingNode(Node node, String type) {
    if (node instanceof MappingNode m) {
      return m;
    }
    throw typeError(node, "into " + type);
  }

  /** The tuples by key, checked key by key: a string, in {@code allowed} (when not null), not repeated. */
  private Map<String, NodeTuple> byKey(MappingNode m, String type, List<String> allowed) {
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      String k = key(t);
      if (allowed != null && !allowed.contains(k)) {
        throw faults.unknownKey(line(t.getKeyNode()), k, type, allowed);
      }
      if (out.putIfAbsent(k, t) != null) {
        throw faults.duplicateKey(line(t.getKeyNode()), k);
      }
    }
    return out;
  }

  public String key(NodeTuple t) {
    if (!(t.getKeyNode() instanceof ScalarNode s)) {
      throw faults.badKey(line(t.getKeyNode()), describe(t.getKeyNode()));
    }
    return s.getValue();
  }

  /** A string; null reads as empty. */
  public String string(Node node) {
    if (!(node instanceof ScalarNode s)) {
      throw typeError(node, "into string");
    }
    return isNull(node) ? "" : s.getValue();
  }

  public int integer(Node node, String type) {
    String v = nonNullScalar(node, type);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw typeError(node, "into " + type);
    }
  }

  public long unsigned(Node node, String type) {
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

  public boolean bool(Node node) {
    String v = nonNullScalar(node, "bool");
    if (trueWords.contains(v)) {
      return true;
    }
    if (falseWords.contains(v)) {
      return false;
    }
    throw typeError(node, "into bool");
  }

  /** A list of strings; null is the empty list. */
  public List<String> strings(Node node) {
    return sequence(node, "[]string").stream().map(this::string).toList();
  }

  /** The items of a sequence read as Go type {@code type}; null is the empty list. */
  public List<Node> sequence(Node node, String type) {
    if (isNull(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode seq)) {
      throw typeError(node, "into " + type);
    }
    return new ArrayList<>(seq.getValue());
  }

  /** Go's "cannot unmarshal" error for {@code node}, worded by the {@link Faults}. */
  public RuntimeException typeError(Node node, String into) {
    return faults.typeError(line(node), describe(node), into);
  }

  /** A node as Go's yaml.v2 names it in errors: {@code !!str `x`} for a scalar, else its kind. */
  private static String describe(Node node) {
    return node instanceof ScalarNode s ? node.getTag().getValue().replace(Tag.PREFIX, "!!") + " `"
        + s.getValue() + "`" : node.getNodeId().name();
  }

  private String nonNullScalar(Node node, String type) {
    if (!(node instanceof ScalarNode s) || isNull(node)) {
      throw typeError(node, "into " + type);
    }
    return s.getValue();
  }

  public static boolean isNull(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }

  /** The 1-based line of {@code n}, 0 when unknown. */
  public static int line(Node n) {
    return n == null || n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
  }

  /**
   * An integer as YAML config files write it: decimal, {@code 0x} hex (signed) or {@code 0o} octal, with
   * {@code _} separators; null when it is not one.
   */
  public static Long integerLiteral(String text) {
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
