package io.daos.dmg.output.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Ranks grouped by a row key (DAOS system.RankGroups): groups ordered by rank count, largest first, then by key.
 */
final class RankGroups {
  private final Map<String, TreeSet<Long>> groups = new HashMap<>();

  void add(String key, long rank) {
    groups.computeIfAbsent(key, k -> new TreeSet<>()).add(rank);
  }

  void put(String key, TreeSet<Long> ranks) {
    groups.put(key, ranks);
  }

  List<String> keys() {
    List<String> keys = new ArrayList<>(groups.keySet());
    keys.sort(Comparator.<String>comparingInt(k -> -groups.get(k).size()).thenComparing(Comparator.naturalOrder()));
    return keys;
  }

  TreeSet<Long> ranks(String key) {
    return groups.get(key);
  }
}
