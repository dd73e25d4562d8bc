package io.daos.common.yaml;

import java.io.StringReader;
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
    return new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
  }

  /** The tuples of a mapping whose keys must all be in {@code allowed} (any key when null); null is none. */
  public List<NodeTuple> mapping(Node node, String type, List<String> allowed) {
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
        throw faults.unknownKey(line(t.getKeyNode()), k, type, allowed);
      }
      if (!seen.add(k)) {
        throw faults.duplicateKey(line(t.getKeyNode()), k);
      }
    }
    return m.getValue();
  }

  public String key(NodeTuple t) {
    if (!(t.getKeyNode() instanceof ScalarNode s)) {
      throw typeError(t.getKeyNode(), "into a string key");
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
    String what = node instanceof ScalarNode s ? node.getTag().getValue().replace(Tag.PREFIX, "!!") + " `"
        + s.getValue() + "`" : node.getNodeId().name();
    return faults.typeError(line(node), what, into);
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
}
