package io.daos.engine.swim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Membership updates waiting to be piggybacked on SWIM messages: at most one per rank (a newer one replaces it),
 * the least-sent first, each dropped once it has been sent {@code txMax} times. Not thread-safe.
 */
final class PiggybackQueue {
  private static final class Entry {
    final MemberUpdate update;
    int sent;

    Entry(MemberUpdate update) {
      this.update = update;
    }
  }

  private final Map<Integer, Entry> entries = new LinkedHashMap<>();
  private final int txMax;

  PiggybackQueue(int txMax) {
    this.txMax = txMax;
  }

  void add(MemberUpdate u) {
    entries.remove(u.rank());
    entries.put(u.rank(), new Entry(u));
  }

  void remove(int rank) {
    entries.remove(rank);
  }

  /** Up to {@code max} updates about ranks {@code skip} rejects not, least-sent first; counts them as sent. */
  List<MemberUpdate> take(int max, IntPredicate skip) {
    List<Entry> chosen = entries.values().stream().filter(e -> !skip.test(e.update.rank()))
        .sorted(Comparator.comparingInt(e -> e.sent)).limit(max).toList();
    List<MemberUpdate> out = new ArrayList<>(chosen.size());
    for (Entry e : chosen) {
      out.add(e.update);
      if (++e.sent >= txMax) {
        entries.remove(e.update.rank());
      }
    }
    return out;
  }

  int size() {
    return entries.size();
  }
}
