package io.daos.dmg.command.pool;

import io.daos.dmg.command.CommandError;
import io.daos.proto.mgmt.PoolProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DAOS's {@code key:val[,key:val...]} and {@code key[,key...]} property arguments (lib/ui/prop_flags.go and
 * dmg's pool_properties.go): commas and colons inside quotes do not split; keys at most 255 characters; each
 * key once; values parsed by the property's rules. Results are in name order, as DAOS sorts them.
 */
final class PoolPropFlags {
  static final int MAX_KEY_LEN = 255;

  private PoolPropFlags() {
  }

  static List<PoolProperty> parseSet(String fv) {
    if (fv == null || fv.isEmpty()) {
      throw new CommandError("empty property");
    }
    Map<String, PoolProperty> out = new TreeMap<>();
    for (String kv : split(fv, ',', -1)) {
      List<String> parts = split(kv, ':', 1);
      if (parts.size() != 2) {
        throw new CommandError("invalid property \"" + kv + "\" (must be key:val)");
      }
      String key = parts.get(0).trim();
      String value = parts.get(1).trim();
      PoolPropDef def = PoolProps.all().get(key);
      if (def == null) {
        throw new CommandError("\"" + key + "\" is not a settable property (valid: " + valid() + ")");
      }
      checkKey(key);
      if (value.isEmpty()) {
        throw new CommandError("value must not be empty");
      }
      if (out.containsKey(key)) {
        throw new CommandError("\"" + key + "\": same key was specified more than once");
      }
      out.put(key, PoolProps.toWire(def, def.parser().apply(value)));
    }
    return List.copyOf(out.values());
  }

  /** The properties named (all, in name order, when none are). */
  static List<PoolPropDef> parseGet(List<String> args) {
    if (args == null || args.isEmpty()) {
      return List.copyOf(PoolProps.all().values());
    }
    Map<String, PoolPropDef> out = new TreeMap<>();
    for (String arg : args) {
      if (arg.isEmpty()) {
        throw new CommandError("key must not be empty");
      }
      for (String k : split(arg, ',', -1)) {
        String key = k.trim();
        PoolPropDef def = PoolProps.all().get(PoolProps.canonical(key));
        if (def == null) {
          throw new CommandError("\"" + key + "\" is not a gettable property (valid: " + valid() + ")");
        }
        checkKey(key);
        out.put(def.name(), def);
      }
    }
    return List.copyOf(out.values());
  }

  private static void checkKey(String key) {
    if (key.isEmpty()) {
      throw new CommandError("key must not be empty");
    }
    if (key.length() > MAX_KEY_LEN) {
      throw new CommandError("\"" + key + "\": key too long (" + key.length() + " > " + MAX_KEY_LEN + ")");
    }
  }

  private static String valid() {
    return String.join(",", PoolProps.all().keySet());
  }

  /** Splits on {@code sep} outside single/double quotes, at most {@code max} times (-1: no limit); drops empties. */
  static List<String> split(String s, char sep, int max) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean dq = false;
    boolean sq = false;
    int splits = 0;
    for (char c : s.toCharArray()) {
      if (c == '"' && !sq) {
        dq = !dq;
      } else if (c == '\'' && !dq) {
        sq = !sq;
      }
      if (c == sep && !dq && !sq && (max < 0 || splits < max)) {
        splits++;
        addNonEmpty(out, cur);
        continue;
      }
      cur.append(c);
    }
    addNonEmpty(out, cur);
    return out;
  }

  private static void addNonEmpty(List<String> out, StringBuilder cur) {
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    cur.setLength(0);
  }
}
