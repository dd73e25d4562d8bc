package io.daos.dmg.output;

import com.google.gson.JsonObject;
import io.daos.common.fault.Fault;
import io.daos.common.hostlist.HostSet;
import io.daos.common.cli.ErrorText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hosts grouped by identical error text (DAOS HostErrorsMap): JSON {@code {"<error>": "host[1-2]:10001"}},
 * keys ordered by host set then error text.
 */
public final class HostErrors {
  private final Map<String, HostSet> hosts = new LinkedHashMap<>();
  private final Map<String, Throwable> errors = new LinkedHashMap<>();

  public void add(String addr, Throwable error) {
    String key = ErrorText.message(error);
    hosts.merge(key, HostSet.parse(addr), HostSet::union);
    errors.putIfAbsent(key, error);
  }

  public boolean isEmpty() {
    return hosts.isEmpty();
  }

  List<String> keys() {
    List<String> keys = new ArrayList<>(hosts.keySet());
    keys.sort(Comparator.comparing((String k) -> hosts.get(k).toString()).thenComparing(Comparator.naturalOrder()));
    return keys;
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    for (String k : keys()) {
      o.addProperty(k, hosts.get(k).toString());
    }
    return o;
  }

  /** Each error text with its host set ("host[1-2]:10001"), in key order. */
  public void forEach(java.util.function.BiConsumer<String, String> action) {
    keys().forEach(k -> action.accept(k, hosts.get(k).toString()));
  }

  /** DAOS's summary error: "N host(s) had errors"; null when none. */
  public String summary() {
    if (hosts.isEmpty()) {
      return null;
    }
    HostSet all = HostSet.empty();
    for (HostSet s : hosts.values()) {
      all = all.union(s);
    }
    int n = all.count();
    return n + (n == 1 ? " host" : " hosts") + " had errors";
  }

  /** "Errors:" and an indented "Hosts Error" table, then a blank line (nothing when no errors). */
  public void print(StringBuilder out) {
    if (hosts.isEmpty()) {
      return;
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (String k : keys()) {
      Throwable e = errors.get(k);
      rows.add(Map.of("Hosts", PrintHosts.strip(hosts.get(k).toString()),
          "Error", e instanceof Fault f ? f.description() : k));
    }
    out.append("Errors:\n").append(PrintHosts.indent(new TableFormatter("Hosts", "Error").format(rows)))
        .append('\n');
  }
}
