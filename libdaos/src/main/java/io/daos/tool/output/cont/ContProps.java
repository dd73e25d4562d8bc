package io.daos.tool.output.cont;

import io.daos.client.ContainerProps;
import io.daos.common.ByteSize;
import io.daos.tool.output.CliError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The container properties the daos tool knows, by name, in DAOS's name order; and user input parsing. */
public final class ContProps {
  private static final List<ContProp> ALL = ContPropTable.all().stream()
      .sorted(Comparator.comparing(ContProp::name)).toList();

  private ContProps() {
  }

  /** Every property, sorted by name (the order {@code get-prop} shows them). */
  public static List<ContProp> all() {
    return ALL;
  }

  /** DAOS's lookup by name or deprecated name. */
  public static ContProp byName(String name) {
    String key = name.trim().toLowerCase(java.util.Locale.ROOT);
    for (ContProp p : ALL) {
      if (p.name().equals(key) || p.deprecated().contains(key)) {
        return p;
      }
    }
    throw CliError.of("properties: unknown property \"" + name + "\" (valid: " + String.join(",", names()) + ")");
  }

  /** The property names, sorted. */
  public static List<String> names() {
    return ALL.stream().map(ContProp::name).toList();
  }

  /** The names users may set on create (not read-only), with deprecated ones, sorted. */
  public static List<String> writableNames() {
    List<String> out = new ArrayList<>();
    for (ContProp p : ALL) {
      if (!p.readOnly()) {
        out.add(p.name());
        out.addAll(p.deprecated());
      }
    }
    out.sort(null);
    return out;
  }

  /** Adds {@code name:value} to {@code props} as DAOS's {@code ContainerProperty.Set} would. */
  public static ContainerProps set(ContainerProps props, String name, String value) {
    ContProp p = byName(name);
    if (p.readOnly()) {
      throw CliError.of("property \"" + p.name() + "\" is read-only");
    }
    Object v = parse(p, value);
    return v instanceof String s ? props.withString(p.type(), s) : props.withNumber(p.type(), (Long) v);
  }

  private static Object parse(ContProp p, String value) {
    if (p.parser() != null) {
      return p.parser().apply(value);
    }
    Long v = p.choices().get(value.toLowerCase(java.util.Locale.ROOT));
    if (v == null) {
      throw CliError.of("properties: invalid choice \"" + value + "\" for " + p.name() + " (valid: "
          + String.join(",", p.choices().keySet().stream().sorted().toList()) + ")");
    }
    return v;
  }

  /** Parses {@code key:val[,key:val...]} into an ordered map (DAOS's SetPropertiesFlag). */
  public static Map<String, String> parsePairs(String text, List<String> settable) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      throw CliError.of("empty property");
    }
    for (String pair : PropSplit.split(text, ',', -1)) {
      List<String> kv = PropSplit.split(pair, ':', 1);
      if (kv.size() != 2) {
        throw CliError.of("invalid property \"" + pair + "\" (must be key:val)");
      }
      String key = kv.get(0).trim();
      String val = kv.get(1).trim();
      checkPair(out, key, val, settable);
      out.put(key, val);
    }
    return out;
  }

  private static void checkPair(Map<String, String> out, String key, String val, List<String> settable) {
    if (!settable.isEmpty() && !settable.contains(key)) {
      throw CliError.of("\"" + key + "\" is not a settable property (valid: " + String.join(",", settable) + ")");
    }
    if (key.isEmpty()) {
      throw CliError.of("key must not be empty");
    }
    if (key.length() > PropSplit.MAX_KEY_LEN) {
      throw CliError.of("\"" + key + "\": key too long (" + key.length() + " > " + PropSplit.MAX_KEY_LEN + ")");
    }
    if (val.isEmpty()) {
      throw CliError.of("value must not be empty");
    }
    if (out.containsKey(key)) {
      throw CliError.of("\"" + key + "\": same key was specified more than once");
    }
  }

  /** Parses {@code key[,key...]} (DAOS's GetPropertiesFlag): sorted, de-duplicated. */
  public static List<String> parseKeys(String text) {
    if (text == null || text.isEmpty()) {
      throw CliError.of("key must not be empty");
    }
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    for (String k : PropSplit.split(text, ',', -1)) {
      String key = k.trim();
      if (key.isEmpty()) {
        throw CliError.of("key must not be empty");
      }
      if (key.length() > PropSplit.MAX_KEY_LEN) {
        throw CliError.of("\"" + key + "\": key too long (" + key.length() + " > " + PropSplit.MAX_KEY_LEN + ")");
      }
      if (PropSplit.split(key, ':', -1).size() > 1) {
        throw CliError.of("\"" + key + "\": key cannot contain ':'");
      }
      out.add(key);
    }
    return List.copyOf(out);
  }

  static Function<String, Object> bytes(String name, java.util.function.LongPredicate valid) {
    return v -> {
      long size;
      try {
        size = ByteSize.parse(v).bytes();
      } catch (IllegalArgumentException e) {
        throw CliError.of("properties: invalid " + name + " \"" + v + "\" (try N<unit>)");
      }
      if (!valid.test(size)) {
        throw CliError.of("invalid " + name + " " + Long.toUnsignedString(size));
      }
      return size;
    };
  }

  static String iBytes(Object v) {
    return ByteSize.ofBytes((Long) v).toIecString();
  }
}
