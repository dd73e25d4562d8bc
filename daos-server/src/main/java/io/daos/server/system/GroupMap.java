package io.daos.server.system;

import java.util.List;
import java.util.SortedMap;

/** A version of the system group map: rank entries of non-excluded members and the ranks on MS replicas. */
public record GroupMap(int version, SortedMap<Integer, RankEntry> rankEntries, List<Integer> msRanks) {
  public GroupMap {
    rankEntries = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(rankEntries));
    msRanks = List.copyOf(msRanks);
  }
}
