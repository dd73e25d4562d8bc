package io.daos.dmg.command.system;

import io.daos.dmg.command.CommandError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DAOS's property-style positional arguments: {@code key:val[,key:val...]} and {@code key[,key...]}. */
final class KeyValueArgs {
  private KeyValueArgs() {
  }

  /** Parses {@code key:val[,key:val...]}; keys and values are trimmed and must not be empty. */
  static Map<String, String> pairs(String arg) {
    if (arg == null || arg.isBlank()) {
      throw new CommandError("no properties specified (expected key:val[,key:val...])");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String item : arg.split(",")) {
      int colon = item.indexOf(':');
      if (colon < 0) {
        throw new CommandError("invalid property \"" + item.trim() + "\" (must be key:val)");
      }
      String key = item.substring(0, colon).trim();
      String val = item.substring(colon + 1).trim();
      if (key.isEmpty() || val.isEmpty()) {
        throw new CommandError("invalid property \"" + item.trim() + "\" (must be key:val)");
      }
      out.put(key, val);
    }
    return out;
  }

  /** Parses {@code key[,key...]}; null or blank gives no keys. */
  static List<String> keys(String arg) {
    List<String> out = new ArrayList<>();
    if (arg == null || arg.isBlank()) {
      return out;
    }
    for (String k : arg.split(",")) {
      String key = k.trim();
      if (key.isEmpty()) {
        throw new CommandError("invalid property list \"" + arg + "\" (empty key)");
      }
      if (key.contains(":")) {
        throw new CommandError("key:val pairs are not allowed here: \"" + key + "\"");
      }
      out.add(key);
    }
    return out;
  }
}
