package io.daos.common.yaml;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * A mapping read key by key, for parsers that ask for each key they know: duplicate and non-string keys
 * failed when {@link StrictYaml#keys} opened it, and {@link #rejectUnknown()} fails on the first key that
 * no one asked for, handing the asked keys (in asking order) to {@link StrictYaml.Faults#unknownKey}.
 */
public final class StrictMapping {
  private final MappingNode node;
  private final String type;
  private final Map<String, NodeTuple> entries;
  private final StrictYaml.Faults faults;
  private final Set<String> asked = new LinkedHashSet<>();

  StrictMapping(MappingNode node, String type, Map<String, NodeTuple> entries, StrictYaml.Faults faults) {
    this.node = node;
    this.type = type;
    this.entries = entries;
    this.faults = faults;
  }

  /** The value of {@code key}, which now counts as known; null when absent or YAML null. */
  public Node get(String key) {
    asked.add(key);
    NodeTuple t = entries.get(key);
    if (t == null || StrictYaml.isNull(t.getValueNode())) {
      return null;
    }
    return t.getValueNode();
  }

  /** The 1-based line of the mapping. */
  public int line() {
    return StrictYaml.line(node);
  }

  /** The line of {@code key}, or the mapping's line when absent. */
  public int lineOf(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? line() : StrictYaml.line(t.getKeyNode());
  }

  /** Fails on the first key that no {@link #get} asked for. */
  public void rejectUnknown() {
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (!asked.contains(e.getKey())) {
        int line = StrictYaml.line(e.getValue().getKeyNode());
        throw faults.unknownKey(line, e.getKey(), type, List.copyOf(asked));
      }
    }
  }
}
