package io.daos.engine.swim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * SWIM's randomized round-robin choice of the next member to ping: every round visits each member once in a fresh
 * random order, which bounds the time until a failed member is probed. Not thread-safe.
 */
final class ProbeOrder {
  private final Random random;
  private List<Integer> round = List.of();
  private int next;

  ProbeOrder(Random random) {
    this.random = random;
  }

  /** The next member of {@code members} that {@code eligible} accepts; -1 if there is none. */
  int next(Collection<Integer> members, IntPredicate eligible) {
    for (int tries = 0; tries < 2; tries++) {
      while (next < round.size()) {
        int r = round.get(next++);
        if (members.contains(r) && eligible.test(r)) {
          return r;
        }
      }
      List<Integer> fresh = new ArrayList<>(members);
      Collections.sort(fresh);
      Collections.shuffle(fresh, random);
      round = fresh;
      next = 0;
    }
    return -1;
  }
}
