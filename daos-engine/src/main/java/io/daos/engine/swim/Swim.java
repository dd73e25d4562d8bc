package io.daos.engine.swim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SWIM's state machine for one engine, as DAOS's {@code swim_progress}: each protocol period it pings the next
 * member of a randomized round-robin order; a member that does not answer within the ping timeout is pinged
 * indirectly through up to {@code subgroupSize} ALIVE members; if none of them reports an answer in twice the ping
 * timeout, the member becomes SUSPECT, and DEAD when the suspect timeout passes without a refutation. Every message
 * piggybacks membership updates. Time comes from an injected clock (milliseconds), messages leave through an
 * {@link Outbox}, and answers come back through {@link #onAck} and {@link #onIndirectAck}: no threads, no I/O.
 * Not thread-safe: one thread drives it (the SWIM xstream).
 *
 * <p>Unlike DAOS, a suspicion gossiped by another member expires into DEAD here without first asking the
 * suspicion's origin again.
 */
public final class Swim {
  private static final Logger LOG = LoggerFactory.getLogger(Swim.class);

  /** Sends SWIM messages; answers (or their absence) come back through the state machine's methods. */
  public interface Outbox {
    /** Direct ping of {@code to}. */
    void ping(int to, List<MemberUpdate> upds);

    /** Asks {@code via} to ping {@code target} on this engine's behalf (IREQ). */
    void indirectPing(int via, int target, List<MemberUpdate> upds);
  }

  /** Told when a member is declared DEAD. */
  @FunctionalInterface
  public interface Listener {
    void onDead(int rank, long incarnation);
  }

  private enum Phase { IDLE, PINGED, IPINGED, ACKED }

  private final String name;
  private final SwimConfig cfg;
  private final LongSupplier clock;
  private final Outbox outbox;
  private final MemberTable table;
  private final ProbeOrder order;
  private final Random random;
  private Phase phase = Phase.IDLE;
  private int target = -1;
  private long deadline;
  private long nextTick;
  private long lastTick = -1;

  public Swim(String name, int self, long selfIncarnation, SwimConfig cfg, LongSupplier clock, Random random,
      Outbox outbox, Listener listener) {
    this.name = name;
    this.cfg = cfg;
    this.clock = clock;
    this.outbox = outbox;
    this.random = random;
    this.order = new ProbeOrder(random);
    this.table = new MemberTable(name, self, selfIncarnation, cfg, listener);
  }

  /** Follows the group map (rank → incarnation, this engine's rank included or not). */
  public void setMembers(Map<Integer, Long> map) {
    table.follow(map);
    if (target >= 0 && table.get(target) == null) {
      phase = Phase.IDLE;
      target = -1;
    }
  }

  /** Runs the protocol up to now: suspect timeouts, the current probe's deadlines, the next probe. */
  public void tick() {
    long now = clock.getAsLong();
    catchUp(now);
    table.expireSuspects(now);
    if (phase == Phase.PINGED && now > deadline) {
      pingIndirectly(now);
    } else if (phase == Phase.IPINGED && now > deadline) {
      LOG.debug("{}: SWIM rank {} answered neither ping nor indirect pings", name, target);
      MemberTable.State s = table.get(target);
      table.suspect(table.self(), target, s.incarnation(), now);
      phase = Phase.IDLE;
    }
    if ((phase == Phase.IDLE || phase == Phase.ACKED) && now >= nextTick) {
      probeNext(now);
    }
  }

  /** A member answered a ping (direct, or one sent for an IREQ) with {@code upds}. */
  public void onAck(int from, List<MemberUpdate> upds) {
    table.merge(from, upds, clock.getAsLong());
    if (from == target && (phase == Phase.PINGED || phase == Phase.IPINGED)) {
      phase = Phase.ACKED;
    }
  }

  /** {@code via} reports that {@code pinged} answered the indirect ping this engine asked for. */
  public void onIndirectAck(int via, int pinged, List<MemberUpdate> upds) {
    table.merge(via, upds, clock.getAsLong());
    if (pinged == target && phase == Phase.IPINGED) {
      phase = Phase.ACKED;
    }
  }

  /** Updates that came with an answer that acknowledges nothing (a failed IREQ). */
  public void onUpdates(int from, List<MemberUpdate> upds) {
    table.merge(from, upds, clock.getAsLong());
  }

  /** {@code from} sent a request (PING or IREQ) with {@code upds}; returns the updates for the reply. */
  public List<MemberUpdate> onRequest(int from, List<MemberUpdate> upds) {
    table.merge(from, upds, clock.getAsLong());
    return updatesFor(from);
  }

  /** The updates to piggyback on a message to {@code to}. */
  public List<MemberUpdate> updatesFor(int to) {
    return table.updatesFor(to, cfg.piggybackEntries());
  }

  /** A member's status, or null when it is not a member. */
  public MemberStatus status(int rank) {
    MemberTable.State s = table.get(rank);
    return s == null ? null : s.status();
  }

  /** The members held DEAD (until a higher incarnation shows up). */
  public java.util.Set<Integer> deadRanks() {
    java.util.Set<Integer> out = new java.util.TreeSet<>();
    for (int r : table.ranks()) {
      MemberTable.State s = table.get(r);
      if (s != null && s.status() == MemberStatus.DEAD) {
        out.add(r);
      }
    }
    return out;
  }

  /** The incarnation this engine knows for {@code rank} (its own for its rank); -1 when not a member. */
  public long incarnation(int rank) {
    if (rank == table.self()) {
      return table.selfIncarnation();
    }
    MemberTable.State s = table.get(rank);
    return s == null ? -1 : s.incarnation();
  }

  public int self() {
    return table.self();
  }

  /** The member being probed in this period, -1 if none. */
  public int target() {
    return target;
  }

  /**
   * If this engine did not run for longer than a period (stalled JVM, stopped process), its deadlines move later by
   * the stall: the members were not the ones that went quiet (DAOS's net glitch delay).
   */
  private void catchUp(long now) {
    long gap = lastTick < 0 ? 0 : now - lastTick;
    lastTick = now;
    if (gap <= cfg.periodMs()) {
      return;
    }
    LOG.warn("{}: SWIM progress was not called for {} ms; extending deadlines", name, gap);
    table.delaySuspects(gap);
    deadline += gap;
  }

  private void probeNext(long now) {
    nextTick = now + cfg.periodMs();
    target = order.next(table.ranks(), r -> table.get(r).status() != MemberStatus.DEAD);
    if (target < 0) {
      phase = Phase.IDLE;
      return;
    }
    phase = Phase.PINGED;
    deadline = now + cfg.pingTimeoutMs();
    outbox.ping(target, updatesFor(target));
  }

  private void pingIndirectly(long now) {
    List<Integer> helpers = new ArrayList<>();
    for (int r : table.ranks()) {
      if (r != target && table.get(r).status() == MemberStatus.ALIVE) {
        helpers.add(r);
      }
    }
    Collections.shuffle(helpers, random);
    helpers = helpers.subList(0, Math.min(cfg.subgroupSize(), helpers.size()));
    phase = Phase.IPINGED;
    deadline = now + 2 * cfg.pingTimeoutMs();
    if (helpers.isEmpty()) {
      deadline = now;
    }
    for (int via : helpers) {
      outbox.indirectPing(via, target, updatesFor(via));
    }
  }
}
