package io.daos.agent.config;

import io.daos.common.yaml.StrictYaml;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** daos_agent.yml's errors in yaml.v2's words, each naming the file and line. */
final class AgentYamlFaults implements StrictYaml.Faults {
  private static final Set<String> TRUE = Set.of("true", "True", "TRUE", "yes", "Yes", "on", "On");
  private static final Set<String> FALSE = Set.of("false", "False", "FALSE", "no", "No", "off", "Off");

  private final String source;

  AgentYamlFaults(String source) {
    this.source = source;
  }

  /** The strict reader of daos_agent.yml. */
  StrictYaml reader() {
    return new StrictYaml(this, TRUE, FALSE);
  }

  @Override
  public AgentConfigException unknownKey(int line, String key, String type, List<String> allowed) {
    return error(line, "field " + key + " not found in type " + type + " (remove or correct \"" + key
        + "\"; valid keys here: " + String.join(", ", allowed) + ")");
  }

  @Override
  public AgentConfigException duplicateKey(int line, String key) {
    return error(line, "key \"" + key + "\" already set in map (keep only one)");
  }

  @Override
  public AgentConfigException typeError(int line, String value, String into) {
    return error(line, "yaml: unmarshal error: cannot unmarshal " + value + " " + into);
  }

  AgentConfigException error(Node node, String what) {
    return error(StrictYaml.line(node), what);
  }

  private AgentConfigException error(int line, String what) {
    return new AgentConfigException("failed to load agent configuration " + source + ": line " + line + ": "
        + what);
  }
}
