package io.daos.dmg.output.system;

import java.util.ArrayList;
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
    keys.sort((a, b) -> { // larger groups first, then by key
      int bySize = Integer.compare(groups.get(b).size(), groups.get(a).size());
      return bySize != 0 ? bySize : a.compareTo(b);
    });
    return keys;
  }

  TreeSet<Long> ranks(String key) {
    return groups.get(key);
  }
}
