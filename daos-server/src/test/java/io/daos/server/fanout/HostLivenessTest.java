package io.daos.server.fanout;

import static io.daos.server.mgmt.MgmtFixture.hostAddr;
import static io.daos.server.mgmt.MgmtFixture.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.proto.ctl.RanksReq;
import io.daos.proto.ctl.RanksResp;
import io.daos.server.sysdb.InMemorySystemDb;
import io.daos.server.system.MemberState;
import io.daos.server.system.Membership;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostLivenessTest {
  private static final HostLiveness.Settings SETTINGS =
      new HostLiveness.Settings(Duration.ofMillis(50), Duration.ofMillis(100), 2);

  /** Answers every ping except from the hosts in {@link #silent}; records the hosts pinged. */
  static final class Pings implements ControlInvoker {
    final Set<String> silent = ConcurrentHashMap.newKeySet();
    final List<List<String>> rounds = new ArrayList<>();

    @Override
    public List<HostResponse> invokeRanks(RanksMethod method, List<String> hosts, RanksReq req, Duration deadline) {
      throw new UnsupportedOperationException();
    }

    /** Waits up to {@code max} until {@code n} rounds were pinged; false if they were not. */
    synchronized boolean awaitRounds(int n, Duration max) throws InterruptedException {
      long deadline = System.nanoTime() + max.toNanos();
      for (long left = max.toNanos(); rounds.size() < n; left = deadline - System.nanoTime()) {
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return true;
    }

    @Override
    public synchronized List<HostResponse> ping(List<String> hosts, Duration deadline) {
      rounds.add(hosts);
      notifyAll();
      return hosts.stream().map(h -> silent.contains(h)
          ? HostResponse.failed(h, new IOException("DEADLINE_EXCEEDED after 100 ms"))
          : HostResponse.ok(h, RanksResp.getDefaultInstance())).toList();
    }
  }

  private final Membership membership = new Membership(new InMemorySystemDb());
  private final Pings pings = new Pings();
  private final HostLiveness liveness = new HostLiveness(() -> membership, pings, SETTINGS);

  HostLivenessTest() {
    List.of(member(0, 1, "joined"), member(1, 1, "joined"), member(2, 2, "joined"), member(3, 2, "stopped"),
        member(4, 3, "adminexcluded")).forEach(membership::add);
  }

  private Map<Integer, MemberState> states() {
    Map<Integer, MemberState> out = new java.util.TreeMap<>();
    membership.members().forEach(m -> out.put(m.rank(), m.state()));
    return out;
  }

  @Test
  void silentHostBecomesUnresponsiveAfterTheMissesAndJoinedWhenItAnswers() {
    pings.silent.add(hostAddr(2));
    liveness.checkOnce();
    assertEquals(MemberState.JOINED, states().get(2), "one miss is not enough");
    liveness.checkOnce();
    assertEquals(Map.of(0, MemberState.JOINED, 1, MemberState.JOINED, 2, MemberState.UNRESPONSIVE,
        3, MemberState.STOPPED, 4, MemberState.ADMIN_EXCLUDED), states());
    String info = membership.get(2).info();
    assertTrue(info.startsWith(HostLiveness.INFO_PREFIX) && info.contains("DEADLINE_EXCEEDED"), info);
    assertEquals("", membership.get(3).info(), "a stopped rank on the silent host is left alone");

    pings.silent.clear();
    liveness.checkOnce();
    assertEquals(MemberState.JOINED, states().get(2));
    assertEquals("", membership.get(2).info());
    assertEquals(MemberState.STOPPED, states().get(3));
  }

  @Test
  void onlyHostsWithLiveRanksArePinged() {
    liveness.checkOnce();
    assertEquals(List.of(hostAddr(1), hostAddr(2)), pings.rounds.get(0), "host 3 has only an excluded rank");
  }

  @Test
  void aFanOutsUnresponsiveIsNotUndoneByTheCheck() {
    membership.updateMemberStates(List.of(io.daos.server.system.MemberResult.failed(2, "host down: stop failed",
        MemberState.UNRESPONSIVE)), true);
    liveness.checkOnce();
    assertEquals(MemberState.UNRESPONSIVE, states().get(2));
    assertEquals("host down: stop failed", membership.get(2).info());
  }

  @Test
  void missesCountInARowOnly() {
    pings.silent.add(hostAddr(1));
    liveness.checkOnce();
    pings.silent.clear();
    liveness.checkOnce();
    pings.silent.add(hostAddr(1));
    liveness.checkOnce();
    assertEquals(MemberState.JOINED, states().get(0), "two misses that are not consecutive");
  }

  @Test
  void runsOnItsOwnWhileLeaderAndStops() throws Exception {
    pings.silent.add(hostAddr(1));
    liveness.start();
    try {
      // the third round starts only after the second (the second miss) was counted
      assertTrue(pings.awaitRounds(SETTINGS.misses() + 1, Duration.ofSeconds(10)), "checks run on their own");
      assertEquals(MemberState.UNRESPONSIVE, states().get(0));
    } finally {
      liveness.close();
    }
    int rounds;
    synchronized (pings) {
      rounds = pings.rounds.size();
    }
    assertFalse(pings.awaitRounds(rounds + 1, Duration.ofMillis(200)), "no checks after close");
  }

  @Test
  void settingsFromTheEnvironment() {
    assertEquals(new HostLiveness.Settings(Duration.ofSeconds(1), Duration.ofSeconds(2), 2),
        HostLiveness.Settings.fromEnv(Map.of()));
    assertEquals(new HostLiveness.Settings(Duration.ofMillis(200), Duration.ofMillis(400), 2),
        HostLiveness.Settings.fromEnv(Map.of(HostLiveness.ENV_INTERVAL, "200")));
    assertEquals(Duration.ZERO, HostLiveness.Settings.fromEnv(Map.of(HostLiveness.ENV_INTERVAL, "0")).interval());
    assertEquals(Duration.ofSeconds(1),
        HostLiveness.Settings.fromEnv(Map.of(HostLiveness.ENV_INTERVAL, "soon")).interval());
    assertThrows(IllegalArgumentException.class,
        () -> new HostLiveness.Settings(Duration.ofSeconds(1), Duration.ZERO, 2));
  }
}
