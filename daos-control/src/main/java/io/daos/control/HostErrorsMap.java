package io.daos.control;

import com.google.gson.JsonObject;
import io.daos.common.hostlist.HostSet;
import io.daos.control.errors.GrpcErrors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hosts grouped by identical error text, as DAOS's {@code HostErrorsMap}: JSON
 * {@code {"<error>": "host[1-3]:10001"}}; {@link #summary()} gives "N hosts had errors". Not thread-safe.
 */
public final class HostErrorsMap {
  /** The hosts sharing one error, and the first error object seen with that text. */
  public record Entry(HostSet hosts, Throwable error) {
  }

  private final Map<String, Entry> byError = new LinkedHashMap<>();

  /** Records that {@code address} failed with {@code error} (ignored if null). */
  public void add(String address, Throwable error) {
    if (error == null) {
      return;
    }
    String key = GrpcErrors.errorString(error);
    Entry e = byError.get(key);
    byError.put(key, e == null ? new Entry(HostSet.parse(address), error) : new Entry(e.hosts().insert(address),
        e.error()));
  }

  public boolean isEmpty() {
    return byError.isEmpty();
  }

  public Entry get(String errorText) {
    return byError.get(errorText);
  }

  /** Error texts sorted by their host set's ranged form, then by text (DAOS's stable order). */
  public List<String> keys() {
    List<String> keys = new ArrayList<>(byError.keySet());
    keys.sort(Comparator.<String, String>comparing(k -> byError.get(k).hosts().toString())
        .thenComparing(Comparator.naturalOrder()));
    return keys;
  }

  /** Number of (host, error) pairs. */
  public int errorCount() {
    return byError.values().stream().mapToInt(e -> e.hosts().count()).sum();
  }

  /** {@code "1 host had errors"} / {@code "N hosts had errors"}, or empty when no host failed. */
  public Optional<String> summary() {
    if (byError.isEmpty()) {
      return Optional.empty();
    }
    Set<String> hosts = new HashSet<>();
    byError.values().forEach(e -> hosts.addAll(e.hosts().hosts()));
    return Optional.of(hosts.size() + (hosts.size() == 1 ? " host" : " hosts") + " had errors");
  }

  /** DAOS's JSON form: error text → ranged host set. */
  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    for (String k : keys()) {
      o.addProperty(k, byError.get(k).hosts().toString());
    }
    return o;
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}
