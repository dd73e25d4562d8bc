package io.daos.common.ranklist;

import java.util.Arrays;

/** Parses DAOS's numeric range lists ("0-3,5", "[0-3,5]") with DAOS's error wording. */
final class RankListParser {
  /** The widest range DAOS accepts in one element (hi - lo). */
  static final long MAX_RANGE = 16384;

  private RankListParser() {
  }

  static RankSet parse(String text) {
    if (text == null) {
      return RankSet.empty();
    }
    String inner = stripBrackets(text);
    if (inner.isEmpty()) {
      return RankSet.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        throw bad(text, "unexpected whitespace character(s)");
      }
      if (Character.isLetter(c)) {
        throw bad(text, "unexpected alphabetic character(s)");
      }
    }
    long[] acc = new long[0];
    int n = 0;
    for (String element : inner.split(",", -1)) {
      long[] lohi = parseRange(text, element);
      int need = n + (int) (lohi[1] - lohi[0] + 1);
      if (need > acc.length) {
        acc = Arrays.copyOf(acc, Math.max(need, acc.length * 2));
      }
      for (long v = lohi[0]; v <= lohi[1]; v++) {
        acc[n++] = v;
      }
    }
    return RankSet.ofSortedDistinct(Arrays.stream(acc, 0, n).sorted().distinct().toArray());
  }

  private static String stripBrackets(String text) {
    int from = 0;
    int to = text.length();
    while (from < to && (text.charAt(from) == '[' || text.charAt(from) == ']')) {
      from++;
    }
    while (to > from && (text.charAt(to - 1) == '[' || text.charAt(to - 1) == ']')) {
      to--;
    }
    return text.substring(from, to);
  }

  private static long[] parseRange(String text, String element) {
    String[] parts = element.split("-", -1);
    if (parts.length > 2) {
      throw bad(text, "invalid range \"" + element + "\"");
    }
    long lo = number(text, element, parts[0]);
    long hi = parts.length == 2 ? number(text, element, parts[1]) : lo;
    if (hi < lo) {
      throw bad(text, "invalid range \"" + element + "\" (" + hi + " < " + lo + ")");
    }
    if (hi - lo > MAX_RANGE) {
      throw bad(text, "invalid range \"" + element + "\" (> " + MAX_RANGE + " hosts)");
    }
    return new long[] {lo, hi};
  }

  private static long number(String text, String element, String digits) {
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 10) {
      throw bad(text, "invalid range \"" + element + "\" (\"" + digits + "\" is not uint)");
    }
    long v = Long.parseLong(digits);
    if (v > Rank.MAX_VALUE) {
      throw bad(text, "invalid range \"" + element + "\" (rank " + v + " out of range [0, " + Rank.MAX_VALUE + "])");
    }
    return v;
  }

  private static IllegalArgumentException bad(String text, String why) {
    return new IllegalArgumentException("invalid rank list \"" + text + "\": " + why
        + "; use ranks and ranges like 0-3,5");
  }
}
