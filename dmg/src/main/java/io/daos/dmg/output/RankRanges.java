package io.daos.dmg.output;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * DAOS's rendering of a set of ranks: sorted, consecutive runs collapsed ("0-1,5-6"); the ranged form adds
 * brackets when more than one rank is present ("[0-1,5-6]", but "3").
 */
public final class RankRanges {
  private RankRanges() {
  }

  public static String plain(Collection<Long> ranks) {
    List<String> parts = new ArrayList<>();
    Long start = null;
    Long prev = null;
    for (long r : new TreeSet<>(ranks)) {
      if (prev != null && r == prev + 1) {
        prev = r;
        continue;
      }
      if (start != null) {
        parts.add(run(start, prev));
      }
      start = r;
      prev = r;
    }
    if (start != null) {
      parts.add(run(start, prev));
    }
    return String.join(",", parts);
  }

  public static String ranged(Collection<Long> ranks) {
    String plain = plain(ranks);
    return new TreeSet<>(ranks).size() > 1 ? "[" + plain + "]" : plain;
  }

  /** Parses "0-3,5" (brackets allowed) into ranks; throws IllegalArgumentException on bad input. */
  public static TreeSet<Long> parse(String text) {
    TreeSet<Long> out = new TreeSet<>();
    String s = text == null ? "" : text.trim();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    for (String part : s.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int dash = p.indexOf('-');
      long lo = parseRank(dash < 0 ? p : p.substring(0, dash), text);
      long hi = dash < 0 ? lo : parseRank(p.substring(dash + 1), text);
      if (hi < lo) {
        throw new IllegalArgumentException("invalid rank range \"" + p + "\" in \"" + text + "\"");
      }
      for (long r = lo; r <= hi; r++) {
        out.add(r);
      }
    }
    return out;
  }

  private static long parseRank(String s, String whole) {
    try {
      long v = Long.parseLong(s.trim());
      if (v < 0 || v > 0xFFFFFFFEL) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid rank \"" + s.trim() + "\" in \"" + whole + "\"", e);
    }
  }

  private static String run(long start, long end) {
    return start == end ? Long.toString(start) : start + "-" + end;
  }
}
