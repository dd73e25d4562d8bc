package io.daos.dmg.command;

import io.daos.dmg.output.RankRanges;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Expands DAOS host list syntax ("host[1-3]:10001,other") into "host:port" addresses. */
public final class HostLists {
  private HostLists() {
  }

  public static List<String> expand(String list, int defaultPort) {
    Set<String> out = new LinkedHashSet<>();
    for (String item : splitTop(list == null ? "" : list)) {
      for (String host : expandOne(item.trim())) {
        out.add(withPort(host, defaultPort));
      }
    }
    return new ArrayList<>(out);
  }

  public static String withPort(String host, int port) {
    int colon = host.lastIndexOf(':');
    if (colon > 0 && host.indexOf(']', colon) < 0) {
      String p = host.substring(colon + 1);
      if (!p.matches("\\d{1,5}")) {
        throw new IllegalArgumentException("invalid port \"" + p + "\" in host address \"" + host + "\"");
      }
      return host;
    }
    return host + ":" + port;
  }

  private static List<String> splitTop(String list) {
    List<String> items = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      depth += c == '[' ? 1 : c == ']' ? -1 : 0;
      if (c == ',' && depth == 0) {
        items.add(list.substring(start, i));
        start = i + 1;
      }
    }
    items.add(list.substring(start));
    items.removeIf(String::isBlank);
    if (depth != 0) {
      throw new IllegalArgumentException("unbalanced brackets in host list \"" + list + "\"");
    }
    return items;
  }

  private static List<String> expandOne(String item) {
    int open = item.indexOf('[');
    if (open < 0) {
      return List.of(item);
    }
    int close = item.indexOf(']', open);
    String prefix = item.substring(0, open);
    String suffix = item.substring(close + 1);
    String range = item.substring(open + 1, close);
    List<String> out = new ArrayList<>();
    for (String part : range.split(",")) {
      String p = part.trim();
      int width = p.contains("-") ? p.indexOf('-') : p.length();
      for (long n : RankRanges.parse(p)) {
        out.add(prefix + String.format("%0" + width + "d", n) + suffix);
      }
    }
    return out;
  }
}
