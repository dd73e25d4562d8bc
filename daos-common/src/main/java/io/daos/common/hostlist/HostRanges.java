package io.daos.common.hostlist;

import java.util.ArrayList;
import java.util.List;

/** DAOS hostlist mechanics over a list of {@link HostRange}s: parse, append, sort+dedupe, render. */
final class HostRanges {
  static final long MAX_RANGE = 16384;
  private static final String OUTER_SEPARATORS = "\t, ";

  private HostRanges() {
  }

  /** Parses "node[1-3]:10001,other" (hosts separated by commas, spaces or tabs), keeping input order. */
  static List<HostRange> parse(String input) {
    List<HostRange> out = new ArrayList<>();
    if (input == null || input.isEmpty()) {
      return out;
    }
    String rest = input;
    boolean done = false;
    while (!done) {
      String[] next = nextToken(rest);
      rest = next[0];
      done = rest.isEmpty();
      if (!next[1].isEmpty()) { // tolerate doubled or trailing separators
        parseToken(next[1], out);
      }
    }
    return out;
  }

  /** Returns {remaining input, token}; a separator inside brackets does not end a token. */
  private static String[] nextToken(String input) {
    int start = 0;
    for (int i = 0; i < input.length(); i++) {
      if (OUTER_SEPARATORS.indexOf(input.charAt(i)) < 0) {
        start = i;
        break;
      }
    }
    String token = input.substring(start);
    int level = 0;
    for (int i = 0; i < token.length(); i++) {
      char ch = token.charAt(i);
      if (ch == '[' || ch == ']') {
        level += ch == '[' ? 1 : -1;
        continue;
      }
      if (level <= 0 && OUTER_SEPARATORS.indexOf(ch) >= 0) {
        return new String[] {token.substring(i + 1), token.substring(0, i)};
      }
    }
    return new String[] {"", token};
  }

  private static void parseToken(String tok, List<HostRange> out) {
    int left = tok.indexOf('[');
    if (left < 0) {
      push(out, HostNames.parse(tok));
      return;
    }
    int right = tok.indexOf(']');
    if (right < 0 || right <= left) {
      throw new IllegalArgumentException("invalid range \"" + tok + "\"");
    }
    String prefix = tok.substring(0, left);
    if (prefix.isEmpty()) {
      throw new IllegalArgumentException("invalid range: \"" + tok + "\" (missing host name before '[')");
    }
    String suffix = tok.substring(right + 1);
    for (String r : tok.substring(left + 1, right).split(",", -1)) {
      push(out, parseRange(r, prefix, suffix));
    }
  }

  private static HostRange parseRange(String input, String prefix, String suffix) {
    String[] lohi = input.split("-", -1);
    if (lohi.length > 2) {
      throw new IllegalArgumentException("invalid range: \"" + input + "\"");
    }
    long lo = uint(input, lohi[0]);
    long hi = lohi.length == 2 ? uint(input, lohi[1]) : lo;
    if (hi < lo) {
      throw new IllegalArgumentException("invalid range \"" + input + "\" (" + hi + " < " + lo + ")");
    }
    if (hi - lo > MAX_RANGE) {
      throw new IllegalArgumentException("invalid range \"" + input + "\" (> " + MAX_RANGE + " hosts)");
    }
    return new HostRange(prefix, suffix, lo, hi, lohi[0].length(), true);
  }

  private static long uint(String input, String s) {
    String t = s.trim();
    if (t.isEmpty() || t.length() > 18 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("invalid range \"" + input + "\" (\"" + s + "\" is not uint)");
    }
    return Long.parseLong(t);
  }

  /** Appends a range, extending the tail when it continues it. */
  static void push(List<HostRange> list, HostRange hr) {
    if (!list.isEmpty() && list.get(list.size() - 1).canAppend(hr)) {
      list.get(list.size() - 1).hi = hr.hi;
      return;
    }
    list.add(hr);
  }

  static List<HostRange> copy(List<HostRange> ranges) {
    List<HostRange> out = new ArrayList<>(ranges.size());
    for (HostRange hr : ranges) {
      out.add(hr.copy());
    }
    return out;
  }

  /** Sorts (prefix, suffix, number) and removes duplicates, merging adjacent runs. */
  static void uniq(List<HostRange> list) {
    for (int i = 1; i < list.size(); i++) { // insertion sort: stable, and inputs are mostly sorted
      for (int j = i; j > 0 && list.get(j).cmp(list.get(j - 1)) < 0; j--) {
        HostRange t = list.get(j);
        list.set(j, list.get(j - 1));
        list.set(j - 1, t);
      }
    }
    for (int i = 1; i < list.size(); ) {
      if (list.get(i - 1).join(list.get(i)) >= 0) {
        list.remove(i);
      } else {
        i++;
      }
    }
  }

  static long count(List<HostRange> list) {
    long n = 0;
    for (HostRange hr : list) {
      n += hr.count();
    }
    return n;
  }

  /** DAOS's bracketed form, e.g. {@code "node[1-3,5]:10001,other"}. */
  static String rangedString(List<HostRange> list) {
    StringBuilder sb = new StringBuilder();
    boolean open = false;
    for (int i = 0; i < list.size(); i++) {
      HostRange hr = list.get(i);
      HostRange next = i + 1 < list.size() ? list.get(i + 1) : null;
      boolean joinsNext = next != null && hr.within(next);
      if (!open) {
        sb.append(hr.prefix);
        if (hr.count() > 1 || joinsNext) {
          open = true;
          sb.append('[');
        }
      }
      sb.append(hr.rangedString());
      if (open) {
        if (joinsNext) {
          sb.append(',');
          continue;
        }
        open = false;
        sb.append(']');
      }
      sb.append(hr.suffix);
      if (i < list.size() - 1) {
        sb.append(',');
      }
    }
    return sb.toString();
  }

  static List<String> hosts(List<HostRange> list) {
    List<String> out = new ArrayList<>();
    for (HostRange hr : list) {
      if (!hr.isRange) {
        out.add(hr.prefix);
        continue;
      }
      for (long n = hr.lo; n <= hr.hi; n++) {
        out.add(hr.host(n));
      }
    }
    return out;
  }
}
