package io.daos.engine.swim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one engine's SWIM knows of the others: each member's incarnation and status, the suspects' deadlines, and
 * the updates to gossip. Applies SWIM's rules: a higher incarnation wins; at the same incarnation DEAD beats
 * SUSPECT beats ALIVE; a DEAD member stays dead until a higher incarnation (a restart) shows up; this engine
 * refutes a suspicion of itself by raising its own incarnation. Not thread-safe: the SWIM thread alone uses it.
 */
final class MemberTable {
  private static final Logger LOG = LoggerFactory.getLogger(MemberTable.class);

  /** One member's state. */
  record State(long incarnation, MemberStatus status) {
  }

  private final String name;
  private final int self;
  private long selfIncarnation;
  private final long suspectTimeoutMs;
  private final Map<Integer, State> members = new HashMap<>();
  private final Map<Integer, Long> suspectDeadlines = new HashMap<>();
  private final PiggybackQueue updates;
  private final Swim.Listener listener;

  MemberTable(String name, int self, long selfIncarnation, SwimConfig cfg, Swim.Listener listener) {
    this.name = name;
    this.self = self;
    this.selfIncarnation = selfIncarnation;
    this.suspectTimeoutMs = cfg.suspectTimeoutMs();
    this.updates = new PiggybackQueue(cfg.piggybackTxMax());
    this.listener = listener;
  }

  int self() {
    return self;
  }

  long selfIncarnation() {
    return selfIncarnation;
  }

  State get(int rank) {
    return members.get(rank);
  }

  Set<Integer> ranks() {
    return members.keySet();
  }

  /**
   * Follows the group map: ranks that left it are forgotten, new ranks start ALIVE with the map's incarnation, and
   * a rank whose map incarnation is higher than the one known (it restarted) is ALIVE again.
   */
  void follow(Map<Integer, Long> map) {
    members.keySet().removeIf(r -> {
      boolean gone = !map.containsKey(r);
      if (gone) {
        suspectDeadlines.remove(r);
        updates.remove(r);
        LOG.info("{}: SWIM stops probing rank {} (not in the group map)", name, r);
      }
      return gone;
    });
    map.forEach((rank, inc) -> {
      State s = members.get(rank);
      if (rank == self) {
        return;
      }
      if (s == null) {
        members.put(rank, new State(inc, MemberStatus.ALIVE));
      } else if (Long.compareUnsigned(inc, s.incarnation()) > 0) {
        set(rank, new State(inc, MemberStatus.ALIVE), "group map");
        suspectDeadlines.remove(rank);
      }
    });
  }

  /** Applies updates received from {@code from}. */
  void merge(int from, List<MemberUpdate> upds, long now) {
    for (MemberUpdate u : upds) {
      if (u.rank() == self) {
        refuteIfSuspected(u);
      } else if (members.containsKey(u.rank())) {
        switch (u.status()) {
          case ALIVE -> alive(from, u.rank(), u.incarnation());
          case SUSPECT -> suspect(from, u.rank(), u.incarnation(), now);
          case DEAD -> dead(from, u.rank(), u.incarnation());
          default -> throw new IllegalStateException(u.status().name());
        }
      }
    }
  }

  private void refuteIfSuspected(MemberUpdate u) {
    if (u.status() != MemberStatus.ALIVE && Long.compareUnsigned(u.incarnation(), selfIncarnation) >= 0) {
      selfIncarnation = u.incarnation() + 1;
      LOG.info("{}: SWIM refutes {} of itself: incarnation now {}", name, u.status(), selfIncarnation);
      updates.add(new MemberUpdate(self, selfIncarnation, MemberStatus.ALIVE));
    }
  }

  void alive(int from, int rank, long inc) {
    State s = members.get(rank);
    if (s == null || Long.compareUnsigned(inc, s.incarnation()) <= 0) {
      return;
    }
    suspectDeadlines.remove(rank);
    set(rank, new State(inc, MemberStatus.ALIVE), "rank " + from);
  }

  void suspect(int from, int rank, long inc, long now) {
    if (suspectTimeoutMs == 0) {
      dead(from, rank, inc);
      return;
    }
    State s = members.get(rank);
    int cmp = s == null ? -1 : Long.compareUnsigned(inc, s.incarnation());
    if (s == null || cmp < 0 || cmp == 0 && s.status() != MemberStatus.ALIVE) {
      return;
    }
    suspectDeadlines.put(rank, now + suspectTimeoutMs);
    set(rank, new State(inc, MemberStatus.SUSPECT), from == self ? "self" : "rank " + from);
  }

  void dead(int from, int rank, long inc) {
    State s = members.get(rank);
    int cmp = s == null ? -1 : Long.compareUnsigned(inc, s.incarnation());
    if (s == null || cmp < 0 || cmp == 0 && s.status() == MemberStatus.DEAD) {
      return;
    }
    suspectDeadlines.remove(rank);
    set(rank, new State(inc, MemberStatus.DEAD), from == self ? "self" : "rank " + from);
    listener.onDead(rank, inc);
  }

  /** Declares DEAD every suspect whose deadline has passed. */
  void expireSuspects(long now) {
    List<Integer> expired = new ArrayList<>();
    for (Iterator<Map.Entry<Integer, Long>> it = suspectDeadlines.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Integer, Long> e = it.next();
      if (now > e.getValue()) {
        expired.add(e.getKey());
        it.remove();
      }
    }
    for (int rank : expired) {
      State s = members.get(rank);
      if (s != null && s.status() == MemberStatus.SUSPECT) {
        dead(self, rank, s.incarnation());
      }
    }
  }

  /** Moves every suspect deadline later by {@code delayMs} (this engine was not running: not their fault). */
  void delaySuspects(long delayMs) {
    suspectDeadlines.replaceAll((r, d) -> d + delayMs);
  }

  /**
   * The updates to send to {@code to}: this engine's own state, {@code to}'s state as known here (so a suspected
   * member learns it and can refute), then up to {@code max} queued updates.
   */
  List<MemberUpdate> updatesFor(int to, int max) {
    List<MemberUpdate> out = new ArrayList<>();
    out.add(new MemberUpdate(self, selfIncarnation, MemberStatus.ALIVE));
    State s = members.get(to);
    if (s != null) {
      out.add(new MemberUpdate(to, s.incarnation(), s.status()));
    }
    out.addAll(updates.take(max, r -> r == to || r == self));
    return out;
  }

  private void set(int rank, State s, String source) {
    members.put(rank, s);
    updates.add(new MemberUpdate(rank, s.incarnation(), s.status()));
    if (s.status() == MemberStatus.ALIVE) {
      LOG.info("{}: SWIM member {} {} is ALIVE (from {})", name, rank, s.incarnation(), source);
    } else {
      LOG.warn("{}: SWIM member {} {} is {} (from {})", name, rank, s.incarnation(), s.status(), source);
    }
  }
}
