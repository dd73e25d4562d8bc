package io.daos.server.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * DAOS's user-visible system properties (lib/daos/system_prop.go, system/properties.go): their keys,
 * defaults and allowed values. Values live among the system attributes under {@code prop.<key>}; keys with the
 * {@code prop.} or {@code mgmt.} prefix are reserved and cannot be set as plain attributes. Computed properties
 * ({@code daos_version}, {@code daos_system}) cannot be set.
 */
public final class SystemProperties {
  /** Prefix of user-visible properties among the system attributes. */
  public static final String USER_PREFIX = "prop.";
  /** Prefix of MS-internal properties among the system attributes. */
  public static final String MGMT_PREFIX = "mgmt.";
  public static final String SELF_HEAL = "self_heal";

  private static final List<String> SELF_HEAL_FLAGS = List.of("exclude", "pool_exclude", "pool_rebuild");

  private final Map<String, Prop> props = new LinkedHashMap<>();

  /** One property: its description, default (or computed value) and the values it accepts. */
  private record Prop(String description, Supplier<String> value, boolean computed, List<String> choices,
      boolean numeric) {
  }

  /** The standard properties of a system named {@code systemName} running {@code version}. */
  public SystemProperties(String systemName, String version) {
    props.put("daos_version", new Prop("DAOS version", () -> version, true, List.of(), false));
    props.put("daos_system", new Prop("DAOS system name", () -> systemName, true, List.of(), false));
    props.put("pool_scrub_mode", new Prop("Checksum scrubbing mode", () -> "off", false,
        List.of("off", "lazy", "timed"), false));
    props.put("pool_scrub_thresh", new Prop("Checksum scrubbing threshold", () -> "0", false, List.of(), true));
    props.put(SELF_HEAL, new Prop("Self-heal policy for the system", () -> Membership.DEFAULT_SELF_HEAL, false,
        selfHealChoices(), false));
  }

  /** Every subset of the self-heal flags joined with ';' in DAOS's order, and "none". */
  static List<String> selfHealChoices() {
    List<String> out = new ArrayList<>();
    int n = SELF_HEAL_FLAGS.size();
    for (int mask = (1 << n) - 1; mask > 0; mask--) {
      List<String> set = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if ((mask & (1 << (n - 1 - i))) != 0) {
          set.add(SELF_HEAL_FLAGS.get(i));
        }
      }
      out.add(String.join(";", set));
    }
    out.add("none");
    return out;
  }

  public static boolean isReservedKey(String key) {
    return key.startsWith(USER_PREFIX) || key.startsWith(MGMT_PREFIX);
  }

  public boolean isKnown(String key) {
    return props.containsKey(key);
  }

  /** Sorted property keys. */
  public List<String> keys() {
    return new ArrayList<>(new TreeMap<>(props).keySet());
  }

  public Optional<String> description(String key) {
    return Optional.ofNullable(props.get(key)).map(Prop::description);
  }

  /**
   * The attribute entries ({@code prop.<key>} → value) that setting {@code toSet} writes.
   *
   * @throws IllegalArgumentException for an unknown key, a computed key or an invalid value
   */
  public Map<String, String> toAttributes(Map<String, String> toSet) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(toSet).entrySet()) {
      Prop p = props.get(e.getKey());
      if (p == null) {
        throw new IllegalArgumentException("unknown property \"" + e.getKey() + "\"");
      }
      out.put(USER_PREFIX + e.getKey(), validate(e.getKey(), p, e.getValue()));
    }
    return out;
  }

  private static String validate(String key, Prop p, String value) {
    String v = value == null ? "" : value.trim();
    if (p.computed()) {
      throw invalid(key, "computed property values may not be set");
    }
    if (p.numeric() && !v.replace("%", "").matches("\\d+")) {
      throw invalid(key, "invalid value \"" + v + "\"");
    }
    if (!p.choices().isEmpty() && !p.choices().contains(v)) {
      throw invalid(key, "invalid value \"" + v + "\" (valid: " + String.join(",", p.choices()) + ")");
    }
    return p.numeric() ? v.replace("%", "") : v;
  }

  private static IllegalArgumentException invalid(String key, String why) {
    return new IllegalArgumentException("invalid value for property \"" + key + "\": " + why);
  }

  /**
   * User-visible values of {@code keys} (all properties if empty) from the system attributes, with defaults
   * (or computed values) for unset ones.
   *
   * @throws IllegalArgumentException for an unknown key
   */
  public Map<String, String> values(Map<String, String> attrs, Collection<String> keys) {
    Map<String, String> out = new TreeMap<>();
    for (String k : keys.isEmpty() ? keys() : keys) {
      Prop p = props.get(k);
      if (p == null) {
        throw new IllegalArgumentException("unknown property \"" + k + "\"");
      }
      String stored = p.computed() ? null : attrs.get(USER_PREFIX + k);
      out.put(k, stored == null ? p.value().get() : stored);
    }
    return out;
  }
}
