package io.daos.engine.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SWIM state machine on a fake clock and a recording outbox. Self is rank 0 unless said otherwise. */
class SwimTest {
  private static final SwimConfig CFG = new SwimConfig(1000, 900, 20_000, 2, 8, 50);

  private long now = 1;
  private final FakeOutbox out = new FakeOutbox();
  private final List<String> deaths = new ArrayList<>();
  private Swim swim = newSwim(0, 100);

  private Swim newSwim(int self, long inc) {
    return new Swim("test", self, inc, CFG, () -> now, new Random(7), out, (r, i) -> deaths.add(r + "@" + i));
  }

  private static Map<Integer, Long> map(int... ranks) {
    Map<Integer, Long> m = new HashMap<>();
    for (int r : ranks) {
      m.put(r, 100L + r);
    }
    return m;
  }

  /** Advances the clock in steps of 50 ms, ticking, for {@code ms}. */
  private void run(long ms) {
    for (long end = now + ms; now < end; now += 50) {
      swim.tick();
    }
  }

  /** Ticks until a direct ping to {@code rank} goes out (at most 10 periods). */
  private void awaitPingOf(int rank) {
    for (int i = 0; i < 200; i++) {
      int before = out.sent.size();
      swim.tick();
      if (out.sent.size() > before && !out.last().indirect() && out.last().to() == rank) {
        return;
      }
      now += 50;
    }
    throw new AssertionError("rank " + rank + " never pinged: " + out.sent);
  }

  @Test
  void pingAckKeepsMemberAlive() {
    swim.setMembers(map(0, 1, 2));
    for (int period = 0; period < 10; period++) {
      swim.tick();
      FakeOutbox.Sent s = out.last();
      swim.onAck(s.to(), List.of(new MemberUpdate(s.to(), 100 + s.to(), MemberStatus.ALIVE)));
      run(1000);
    }
    assertEquals(MemberStatus.ALIVE, swim.status(1));
    assertEquals(MemberStatus.ALIVE, swim.status(2));
    assertTrue(out.ireqs().isEmpty(), "no indirect ping while every ping is answered: " + out.ireqs());
    assertTrue(deaths.isEmpty());
  }

  @Test
  void probeOrderVisitsEveryMemberOncePerRound() {
    swim.setMembers(map(0, 1, 2, 3, 4));
    for (int i = 0; i < 8; i++) {
      swim.tick();
      FakeOutbox.Sent s = out.last();
      swim.onAck(s.to(), List.of());
      run(1000);
    }
    List<Integer> targets = out.pings().stream().map(FakeOutbox.Sent::to).toList();
    assertEquals(List.of(1, 2, 3, 4), targets.subList(0, 4).stream().sorted().toList(), targets.toString());
    assertEquals(List.of(1, 2, 3, 4), targets.subList(4, 8).stream().sorted().toList(), targets.toString());
  }

  @Test
  void noAckAndFailedIndirectPingsMakeSuspect() {
    swim.setMembers(map(0, 1, 2, 3));
    awaitPingOf(1);
    run(1000);
    List<FakeOutbox.Sent> ireqs = out.ireqs();
    assertEquals(2, ireqs.size(), "subgroup of 2 asked: " + out.sent);
    ireqs.forEach(s -> assertEquals(1, s.target()));
    assertTrue(ireqs.stream().noneMatch(s -> s.to() == 1));
    assertEquals(MemberStatus.ALIVE, swim.status(1), "still alive while the indirect pings are out");
    run(1850);
    assertEquals(MemberStatus.SUSPECT, swim.status(1));
    assertTrue(deaths.isEmpty());
  }

  @Test
  void indirectAckKeepsMemberAlive() {
    swim.setMembers(map(0, 1, 2, 3));
    awaitPingOf(1);
    run(1000);
    FakeOutbox.Sent ireq = out.ireqs().get(0);
    swim.onIndirectAck(ireq.to(), 1, List.of());
    run(3000);
    assertEquals(MemberStatus.ALIVE, swim.status(1));
  }

  @Test
  void noIndirectPingersSuspectsAfterPingTimeout() {
    swim.setMembers(map(0, 1));
    awaitPingOf(1);
    run(1100);
    assertTrue(out.ireqs().isEmpty());
    assertEquals(MemberStatus.SUSPECT, swim.status(1));
  }

  @Test
  void suspectTimeoutMakesDeadAndReportsOnce() {
    swim.setMembers(map(0, 1));
    awaitPingOf(1);
    run(1100);
    assertEquals(MemberStatus.SUSPECT, swim.status(1));
    run(19_000);
    assertEquals(MemberStatus.SUSPECT, swim.status(1), "not dead before the suspect timeout");
    run(2_000);
    assertEquals(MemberStatus.DEAD, swim.status(1));
    assertEquals(List.of("1@101"), deaths);
    int sent = out.pings().size();
    run(5_000);
    assertEquals(sent, out.pings().size(), "a dead member is not pinged");
    assertEquals(List.of("1@101"), deaths);
  }

  @Test
  void zeroSuspectTimeoutKillsAtOnce() {
    swim = new Swim("test", 0, 100, new SwimConfig(1000, 900, 0, 2, 8, 50), () -> now, new Random(1), out,
        (r, i) -> deaths.add(r + "@" + i));
    swim.setMembers(map(0, 1));
    awaitPingOf(1);
    run(1100);
    assertEquals(MemberStatus.DEAD, swim.status(1));
    assertEquals(List.of("1@101"), deaths);
  }

  @Test
  void refutationWithHigherIncarnationMakesAlive() {
    swim.setMembers(map(0, 1));
    awaitPingOf(1);
    run(1100);
    assertEquals(MemberStatus.SUSPECT, swim.status(1));
    awaitPingOf(1);
    assertTrue(out.last().upds().contains(new MemberUpdate(1, 101, MemberStatus.SUSPECT)),
        "the ping tells the suspect of its suspicion: " + out.last().upds());
    swim.onAck(1, List.of(new MemberUpdate(1, 101, MemberStatus.ALIVE)));
    assertEquals(MemberStatus.SUSPECT, swim.status(1), "same incarnation does not refute");
    swim.onAck(1, List.of(new MemberUpdate(1, 102, MemberStatus.ALIVE)));
    assertEquals(MemberStatus.ALIVE, swim.status(1));
    assertEquals(102, swim.incarnation(1));
    assertTrue(deaths.isEmpty(), deaths.toString());
  }

  @Test
  void suspectedSelfRefutesByRaisingIncarnation() {
    List<MemberUpdate> reply = swim.onRequest(1, List.of(new MemberUpdate(0, 100, MemberStatus.SUSPECT)));
    assertEquals(new MemberUpdate(0, 101, MemberStatus.ALIVE), reply.get(0));
    assertEquals(101, swim.incarnation(0));
    List<MemberUpdate> stale = swim.onRequest(1, List.of(new MemberUpdate(0, 100, MemberStatus.SUSPECT)));
    assertEquals(101, stale.get(0).incarnation(), "an old suspicion is not refuted again");
  }

  @Test
  void gossipedDeadIsReportedAndOldGossipIgnored() {
    swim.setMembers(map(0, 1, 2));
    swim.onRequest(2, List.of(new MemberUpdate(1, 100, MemberStatus.DEAD)));
    assertEquals(MemberStatus.ALIVE, swim.status(1), "older incarnation than known");
    swim.onRequest(2, List.of(new MemberUpdate(1, 101, MemberStatus.SUSPECT)));
    assertEquals(MemberStatus.SUSPECT, swim.status(1));
    swim.onRequest(2, List.of(new MemberUpdate(1, 101, MemberStatus.DEAD)));
    assertEquals(MemberStatus.DEAD, swim.status(1));
    swim.onRequest(2, List.of(new MemberUpdate(1, 101, MemberStatus.ALIVE)));
    assertEquals(MemberStatus.DEAD, swim.status(1), "dead stays dead at the same incarnation");
    assertEquals(List.of("1@101"), deaths);
  }

  @Test
  void deadRankReAddedWithNewIncarnationIsAlive() {
    swim.setMembers(map(0, 1));
    awaitPingOf(1);
    run(22_000);
    assertEquals(MemberStatus.DEAD, swim.status(1));
    Map<Integer, Long> restarted = map(0);
    restarted.put(1, 5000L);
    swim.setMembers(restarted);
    assertEquals(MemberStatus.ALIVE, swim.status(1));
    assertEquals(5000, swim.incarnation(1));
    awaitPingOf(1);
  }

  @Test
  void mapShrinkStopsProbing() {
    swim.setMembers(map(0, 1, 2));
    awaitPingOf(1);
    swim.setMembers(map(0, 2));
    assertNull(swim.status(1));
    int before = out.sent.size();
    run(10_000);
    List<FakeOutbox.Sent> after = out.sent.subList(before, out.sent.size());
    assertFalse(after.isEmpty());
    assertTrue(after.stream().allMatch(s -> s.to() == 2 && s.target() == 2), after.toString());
  }

  @Test
  void mapOfSelfOnlyProbesNobody() {
    swim.setMembers(map(0));
    run(5_000);
    assertTrue(out.sent.isEmpty(), out.sent.toString());
    assertEquals(-1, swim.target());
  }

  @Test
  void stalledEngineExtendsDeadlines() {
    swim.setMembers(map(0, 1));
    awaitPingOf(1);
    run(1100);
    assertEquals(MemberStatus.SUSPECT, swim.status(1));
    now += 60_000; // this engine was stopped for a minute
    swim.tick();
    assertEquals(MemberStatus.SUSPECT, swim.status(1), "the stall is not the suspect's fault");
  }

  @Test
  void piggybackedUpdatesAreBoundedAndExpire() {
    swim.setMembers(map(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
    for (int r = 1; r <= 11; r++) {
      swim.onRequest(r, List.of(new MemberUpdate(r, 200 + r, MemberStatus.ALIVE)));
    }
    List<MemberUpdate> first = swim.updatesFor(1);
    assertEquals(2 + CFG.piggybackEntries(), first.size(), "self, the receiver, then 8 queued: " + first);
    for (int i = 0; i < 100; i++) {
      swim.updatesFor(1);
    }
    assertEquals(2, swim.updatesFor(1).size(), "each update is sent a bounded number of times");
  }
}
