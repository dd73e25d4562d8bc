package io.daos.server.system;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands DAOS-style host lists: comma-separated entries, each with at most one bracketed range group
 * ("foo-[1-3,5]:10001" is foo-1:10001, foo-2:10001, foo-3:10001, foo-5:10001).
 */
public final class HostList {
  private HostList() {
  }

  /**
   * @throws IllegalArgumentException naming the bad entry
   */
  public static List<String> expand(String hosts) {
    List<String> out = new ArrayList<>();
    if (hosts == null || hosts.isBlank()) {
      return out;
    }
    for (String entry : splitTopLevel(hosts)) {
      expandEntry(entry.trim(), out);
    }
    return out;
  }

  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      depth += c == '[' ? 1 : c == ']' ? -1 : 0;
      if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  private static void expandEntry(String entry, List<String> out) {
    int open = entry.indexOf('[');
    if (entry.isEmpty() || !entry.matches("[A-Za-z0-9._:\\-\\[\\],]+") || entry.matches("\\d+")) {
      throw new IllegalArgumentException("invalid hostname \"" + entry + "\" in host list");
    }
    if (open < 0) {
      out.add(entry);
      return;
    }
    int close = entry.indexOf(']', open);
    if (close < 0) {
      throw new IllegalArgumentException("invalid hostname \"" + entry + "\": missing ']'");
    }
    String prefix = entry.substring(0, open);
    String suffix = entry.substring(close + 1);
    String range = entry.substring(open + 1, close);
    for (String part : range.split(",")) {
      expandRange(prefix, part.trim(), suffix, entry, out);
    }
  }

  private static void expandRange(String prefix, String part, String suffix, String entry, List<String> out) {
    String[] ends = part.split("-");
    try {
      int lo = Integer.parseInt(ends[0]);
      int hi = ends.length > 1 ? Integer.parseInt(ends[1]) : lo;
      int width = ends[0].length();
      for (int i = lo; i <= hi; i++) {
        out.add(prefix + String.format("%0" + width + "d", i) + suffix);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid hostname \"" + entry + "\": bad range \"" + part + "\"");
    }
  }
}
