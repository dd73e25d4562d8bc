package io.daos.dmg.output.storage;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.daos.common.hostlist.HostSet;
import io.daos.dmg.output.JsonEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hosts grouped by identical storage (DAOS HostStorageMap): key = a 64-bit hash of the storage, ignoring the
 * fields DAOS ignores when hashing (serials, namespace UUIDs, free/used memory counters); value =
 * {@code {"storage": {...}, "hosts": "host[1-2]:10001"}}. Our hash is FNV-1a over the canonical JSON, so the
 * key values differ from Go's hashstructure while grouping the same way.
 */
public final class HostStorageMap {
  private static final Set<String> HASH_IGNORED = Set.of("serial", "uuid", "hugepages_total", "hugepages_free",
      "hugepages_reserved", "hugepages_surplus", "mem_free_kb", "mem_available_kb", "mem_used_kb");

  private final Map<String, JsonObject> storage = new LinkedHashMap<>();
  private final Map<String, HostSet> hosts = new LinkedHashMap<>();

  public void add(String addr, JsonObject hostStorage) {
    String key = Long.toUnsignedString(hash(hostStorage));
    storage.putIfAbsent(key, hostStorage);
    hosts.merge(key, HostSet.parse(addr), HostSet::union);
  }

  public boolean isEmpty() {
    return storage.isEmpty();
  }

  /** Keys ordered by their host sets' ranged strings. */
  public List<String> keys() {
    List<String> keys = new ArrayList<>(storage.keySet());
    keys.sort(Comparator.comparing(k -> hosts.get(k).toString()));
    return keys;
  }

  public JsonObject storage(String key) {
    return storage.get(key);
  }

  public String hosts(String key) {
    return hosts.get(key).toString();
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    for (String k : keys()) {
      JsonObject set = new JsonObject();
      set.add("storage", storage.get(k));
      set.addProperty("hosts", hosts(k));
      o.add(k, set);
    }
    return o;
  }

  static long hash(JsonElement e) {
    long h = 0xcbf29ce484222325L;
    for (byte b : JsonEnvelope.gson().toJson(strip(e)).getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static JsonElement strip(JsonElement e) {
    if (e.isJsonObject()) {
      JsonObject out = new JsonObject();
      e.getAsJsonObject().entrySet().stream().filter(en -> !HASH_IGNORED.contains(en.getKey()))
          .forEach(en -> out.add(en.getKey(), strip(en.getValue())));
      return out;
    }
    if (e.isJsonArray()) {
      var arr = new com.google.gson.JsonArray();
      List<String> sorted = new ArrayList<>();
      e.getAsJsonArray().forEach(x -> sorted.add(JsonEnvelope.gson().toJson(strip(x))));
      sorted.sort(null); // DAOS hashes device slices as sets
      sorted.forEach(arr::add);
      return arr;
    }
    return e;
  }
}
