package io.daos.common.yaml;

import java.util.Collection;

/** "Did you mean" for misspelt keys: the closest known key within a small edit distance. */
public final class KeyHint {
  private KeyHint() {
  }

  /** The first of {@code known} closest to {@code key}, or null when none is within a few edits. */
  public static String closest(String key, Collection<String> known) {
    String best = null;
    int bestDist = Math.max(2, key.length() / 3) + 1;
    for (String k : known) {
      int d = distance(key, k);
      if (d < bestDist) {
        best = k;
        bestDist = d;
      }
    }
    return best;
  }

  /** The Levenshtein distance between {@code a} and {@code b}. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
