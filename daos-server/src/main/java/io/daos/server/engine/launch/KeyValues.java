package io.daos.server.engine.launch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code NAME=value} lists as DAOS's common/env_utils.go handles them: parse, merge (later wins). */
final class KeyValues {
  private KeyValues() {
  }

  /** Parses {@code NAME=value} entries in order; entries without '=' or with an empty name are skipped. */
  static Map<String, String> parse(List<String> entries) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String kv : entries) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        out.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    return out;
  }

  /** DAOS MergeKeyValues: {@code base} then {@code override}; on a clash the override's value wins. */
  static Map<String, String> merge(Map<String, String> base, Map<String, String> override) {
    Map<String, String> out = new LinkedHashMap<>(base);
    out.putAll(override);
    return out;
  }

  /** DAOS cleanEnvVars: only names in {@code allowed}, and only non-empty values. */
  static Map<String, String> passThrough(Map<String, String> serverEnv, List<String> allowed) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : allowed) {
      String v = serverEnv.get(name);
      if (v != null && !v.isEmpty() && !name.isEmpty()) {
        out.put(name, v);
      }
    }
    return out;
  }
}
