package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 4's failure scenarios on 3 hosts × 2 engines × 3 MS replicas, real processes, one cluster in order:
 * a host cut off with SIGSTOP (its ranks become unresponsive, stop/start report it and return in time), a
 * stop/start of the whole system across hosts, the MS leader's host frozen (a new leader takes over, the frozen
 * host's ranks are unresponsive until SIGCONT, then joined again), then the loss of 2 of 3 MS replicas (writes
 * refused with a clear error, reads still served as DAOS does) and the recovery when one comes back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(TestLocks.PROCESSES)
class FailureScenariosTest {
  /** dmg's request deadline in these steps (JDAOS_DMG_TIMEOUT); DAOS's default is 5 minutes. */
  private static final Duration DMG_DEADLINE = Duration.ofSeconds(30);
  /** dmg may take this much longer than its deadline (JVM start on a busy 2-core machine). */
  private static final Duration DMG_SLACK = Duration.ofSeconds(15);

  @TempDir
  static Path dir;
  private ProcessCluster cluster;
  private Map<Integer, String> uuidsAtStart;
  private long classStart;

  @BeforeAll
  void startCluster() throws Exception {
    classStart = System.nanoTime();
    // The control plane's view of a hung host is under test here; SWIM would exclude its ranks after its 20 s
    // suspect timeout (DAOS's self-healing, covered by SwimDetectionTest), so these engines suspect for longer.
    cluster = MiniDaosCluster.builder(dir).servers(3).engines(2).replicas(3)
        .engineEnv("SWIM_SUSPECT_TIMEOUT=600000").start();
    cluster.waitForReady();
    uuidsAtStart = uuids();
    System.out.printf("FailureScenariosTest: 6 ranks joined after %d ms%n", millisSince(classStart));
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
    System.out.printf("FailureScenariosTest: whole class took %d ms%n", millisSince(classStart));
  }

  @Test
  @Order(1)
  void hostCutOffBySigstopIsReportedUnresponsiveAndRecoversAfterSigcont() {
    int cut = nonLeaderHost();
    ClusterHost host = cluster.host(cut);
    List<Integer> cutRanks = ranksOf(host.addr());
    cluster.host(cut).freeze();
    try {
      // DAOS's system query only reads the MS database; jdaos's MS leader checks each host's control plane every
      // second (HostLiveness), so the cut-off host's ranks turn unresponsive with no fan-out.
      long t0 = System.nanoTime();
      Poll.until("ranks " + cutRanks + " of " + host.addr() + " unresponsive", Duration.ofSeconds(30), () -> {
        Map<Integer, String> now = states(cluster.dmgPoll(DMG_DEADLINE, "system", "query"));
        return cutRanks.stream().allMatch(r -> "unresponsive".equals(now.get(r)));
      }, cluster::logs);
      System.out.printf("ranks %s of the stopped host shown unresponsive %d ms after SIGSTOP%n", cutRanks,
          millisSince(t0));
      Map<Integer, String> before = states(cluster.dmgWithin(DMG_DEADLINE, "system", "query"));
      before.forEach((r, st) -> assertEquals(cutRanks.contains(r) ? "unresponsive" : "joined", st, "rank " + r));

      JsonObject stop = timed("system stop with host " + host.addr() + " stopped",
          () -> cluster.dmgWithin(DMG_DEADLINE, "system", "stop"));
      assertResults(stop, cutRanks, "stopped");
      Map<Integer, String> after = states(cluster.dmgWithin(DMG_DEADLINE, "system", "query"));
      after.forEach((r, s) -> assertEquals(cutRanks.contains(r) ? "unresponsive" : "stopped", s, "rank " + r));

      JsonObject start = timed("system start with host " + host.addr() + " stopped",
          () -> cluster.dmgWithin(DMG_DEADLINE, "system", "start"));
      assertResults(start, cutRanks, "ready");
    } finally {
      host.thaw();
    }
    // The cut-off host answers again. What its ranks show depends on whether the fan-out calls that reached
    // its socket while it was stopped run after SIGCONT (DAOS's Unresponsive -> Ready/Joined is illegal, a
    // re-join is not): the next step stops and starts the whole system from whatever state this leaves.
    Poll.until(host.addr() + " answers again", Duration.ofSeconds(60),
        () -> cluster.dmgPoll(DMG_DEADLINE, "-l", host.addr(), "system", "leader-query").exitCode() == 0,
        cluster::logs);
    Map<Integer, String> states = states(cluster.dmgWithin(DMG_DEADLINE, "system", "query"));
    System.out.printf("after SIGCONT of %s: ranks %s, %d engines running%n", host.addr(), states,
        host.engines().size());
    assertEquals(6, states.size(), states.toString());
  }

  @Test
  @Order(2)
  void systemStopAndStartAcrossHostsKeepRankNumbers() {
    JsonObject stop = timed("system stop of 6 ranks on 3 hosts", () -> cluster.dmgWithin(DMG_DEADLINE,
        "system", "stop"));
    assertResults(stop, List.of(), "stopped");
    assertEquals(6, results(stop).size(), stop.toString());
    Map<Integer, String> stopped = states(cluster.dmgWithin(DMG_DEADLINE, "system", "query"));
    stopped.forEach((r, s) -> assertEquals("stopped", s, "rank " + r));
    for (int h = 0; h < cluster.size(); h++) {
      ClusterHost host = cluster.host(h);
      Poll.until("engines of " + host.addr() + " gone", Duration.ofSeconds(30), () -> host.engines().isEmpty(),
          host::log);
    }

    JsonObject start = timed("system start of 6 ranks on 3 hosts", () -> cluster.dmgWithin(DMG_DEADLINE,
        "system", "start"));
    assertResults(start, List.of(), "ready");
    cluster.waitForMembers(6, "joined", Duration.ofSeconds(90));
    assertEquals(uuidsAtStart, uuids(), "ranks renumbered by stop/start");
  }

  @Test
  @Order(3)
  void frozenLeaderIsReplacedAndItsRanksShownUnresponsiveUntilItAnswers() {
    String oldLeader = leader();
    ClusterHost host = cluster.host(cluster.hostIndex(oldLeader));
    List<Integer> frozenRanks = ranksOf(oldLeader);
    long t0 = System.nanoTime();
    host.freeze();
    try {
      String[] newLeader = new String[1];
      Poll.until("a leader other than the frozen " + oldLeader, Duration.ofSeconds(60), () -> {
        CommandResult r = cluster.dmgPoll(DMG_DEADLINE, "system", "leader-query");
        JsonElement resp = r.exitCode() == 0 ? r.json().get("response") : null;
        newLeader[0] = resp != null && resp.isJsonObject()
            ? resp.getAsJsonObject().get("current_leader").getAsString() : "";
        return !newLeader[0].isEmpty() && !newLeader[0].equals(oldLeader);
      }, cluster::logs);
      System.out.printf("SIGSTOP of MS leader %s: new leader %s after %d ms%n", oldLeader, newLeader[0],
          millisSince(t0));
      Poll.until("ranks " + frozenRanks + " of the frozen leader unresponsive", Duration.ofSeconds(60), () -> {
        Map<Integer, String> now = states(cluster.dmgPoll(DMG_DEADLINE, "system", "query"));
        return frozenRanks.stream().allMatch(r -> "unresponsive".equals(now.get(r)));
      }, cluster::logs);
      System.out.printf("ranks %s of the frozen leader unresponsive %d ms after SIGSTOP%n", frozenRanks,
          millisSince(t0));
      JsonObject attr = cluster.dmgWithin(DMG_DEADLINE, "system", "set-attr", "frozen:leader").json();
      assertEquals(0, attr.get("status").getAsInt(), "the new leader takes writes: " + attr);
    } finally {
      host.thaw();
    }
    long t1 = System.nanoTime();
    Poll.until("ranks " + frozenRanks + " joined again after SIGCONT", Duration.ofSeconds(60), () -> {
      Map<Integer, String> now = states(cluster.dmgPoll(DMG_DEADLINE, "system", "query"));
      return frozenRanks.stream().allMatch(r -> "joined".equals(now.get(r)));
    }, cluster::logs);
    System.out.printf("ranks %s joined again %d ms after SIGCONT%n", frozenRanks, millisSince(t1));
    Poll.until("the old leader serving as a replica again", Duration.ofSeconds(60), () -> {
      JsonObject lq = cluster.dmgPoll(DMG_DEADLINE, "-l", oldLeader, "system", "leader-query").json();
      JsonElement resp = lq.get("response");
      return resp != null && resp.isJsonObject() && !resp.getAsJsonObject().get("current_leader").getAsString()
          .isEmpty() && (resp.getAsJsonObject().get("down_replicas") == null
              || resp.getAsJsonObject().get("down_replicas").isJsonNull());
    }, cluster::logs);
    JsonObject attrs = cluster.dmgWithin(DMG_DEADLINE, "system", "get-attr").json();
    assertEquals("leader", attrs.getAsJsonObject("response").getAsJsonObject("attributes").get("frozen")
        .getAsString(), "the write made while the old leader was frozen: " + attrs);
    assertEquals(uuidsAtStart, uuids(), "member records lost or changed");
  }

  @Test
  @Order(4)
  void msWithoutQuorumRefusesWritesAndRecoversWhenOneReplicaReturns() throws Exception {
    int leader = cluster.hostIndex(leader());
    int a = (leader + 1) % 3;
    int b = (leader + 2) % 3;
    cluster.killServer(a);
    cluster.killServer(b);

    CommandResult setAttr = timedRaw("set-attr without quorum",
        () -> cluster.dmgWithin(DMG_DEADLINE, "system", "set-attr", "quorum:lost"));
    assertNoLeaderError(setAttr);
    CommandResult create = timedRaw("pool create without quorum",
        () -> cluster.dmgWithin(DMG_DEADLINE, "pool", "create", "--size", "64MiB", "noquorum"));
    assertNoLeaderError(create);

    // As DAOS: system query is served by any replica from its copy of the database (no leader needed).
    JsonObject query = cluster.dmgWithin(DMG_DEADLINE, "system", "query").json();
    assertEquals(0, query.get("status").getAsInt(), query.toString());
    assertEquals(uuidsAtStart.keySet(), states(query).keySet());
    JsonObject lq = cluster.dmgWithin(DMG_DEADLINE, "system", "leader-query").json();
    assertEquals("", lq.getAsJsonObject("response").get("current_leader").getAsString(), lq.toString());

    long t0 = System.nanoTime();
    cluster.restartServer(a);
    Poll.until("set-attr accepted once 2 of 3 replicas run", Duration.ofSeconds(60),
        () -> cluster.dmgPoll(DMG_DEADLINE, "system", "set-attr", "quorum:back").exitCode() == 0, cluster::logs);
    System.out.printf("MS quorum back %d ms after restarting %s%n", millisSince(t0), cluster.host(a).addr());
    JsonObject attrs = cluster.dmgWithin(DMG_DEADLINE, "system", "get-attr").json();
    assertEquals("back", attrs.getAsJsonObject("response").getAsJsonObject("attributes").get("quorum").getAsString());
    assertEquals(uuidsAtStart, uuids(), "member records lost or changed");
  }

  private static void assertNoLeaderError(CommandResult r) {
    assertNotEquals(0, r.exitCode(), r.toString());
    String error = r.json().get("error").getAsString();
    assertTrue(error.contains("the DAOS Management Service has no leader"), error);
    assertTrue(r.stderr().contains("an MS leader needs a majority of the MS replicas running: start daos_server on "
        + "the replicas that are down"), r.stderr());
  }

  /** Ranks not in {@code failed} succeeded with {@code okState}; ranks in it are unresponsive with an error. */
  private static void assertResults(JsonObject env, List<Integer> failed, String okState) {
    List<JsonObject> results = results(env);
    assertEquals(6, results.size(), env.toString());
    for (JsonObject r : results) {
      int rank = r.get("Rank").getAsInt();
      if (failed.contains(rank)) {
        assertTrue(r.get("Errored").getAsBoolean(), r.toString());
        assertEquals("unresponsive", r.get("state").getAsString(), r.toString());
        assertFalse(r.get("Msg").getAsString().isEmpty(), "no host error in " + r);
      } else {
        assertFalse(r.get("Errored").getAsBoolean(), r.toString());
        assertEquals(okState, r.get("state").getAsString(), r.toString());
      }
    }
  }

  private static List<JsonObject> results(JsonObject env) {
    JsonElement resp = env.get("response");
    assertTrue(resp != null && resp.isJsonObject(), env.toString());
    return resp.getAsJsonObject().getAsJsonArray("Results").asList().stream().map(JsonElement::getAsJsonObject)
        .toList();
  }

  private JsonObject timed(String what, java.util.function.Supplier<CommandResult> cmd) {
    return timedRaw(what, cmd).json();
  }

  /** Runs a dmg command and checks that it returned by its deadline (plus JVM start-up slack). */
  private CommandResult timedRaw(String what, java.util.function.Supplier<CommandResult> cmd) {
    long t0 = System.nanoTime();
    CommandResult r = cmd.get();
    long ms = millisSince(t0);
    System.out.printf("%s: dmg returned %d after %d ms%n", what, r.exitCode(), ms);
    assertTrue(ms < DMG_DEADLINE.plus(DMG_SLACK).toMillis(), what + " took " + ms + " ms: " + r);
    return r;
  }

  private String leader() {
    JsonObject env = cluster.dmgJson("system", "leader-query");
    return env.getAsJsonObject("response").get("current_leader").getAsString();
  }

  private int nonLeaderHost() {
    int leader = cluster.hostIndex(leader());
    return (leader + 1) % cluster.size();
  }

  private List<Integer> ranksOf(String addr) {
    return cluster.members().entrySet().stream().filter(e -> addr.equals(e.getValue().get("addr").getAsString()))
        .map(Map.Entry::getKey).toList();
  }

  private static Map<Integer, String> states(CommandResult query) {
    return states(query.json());
  }

  private static Map<Integer, String> states(JsonObject env) {
    Map<Integer, String> out = new TreeMap<>();
    JsonElement resp = env.get("response");
    assertTrue(resp != null && resp.isJsonObject(), env.toString());
    resp.getAsJsonObject().getAsJsonArray("members").forEach(e -> out.put(e.getAsJsonObject().get("rank").getAsInt(),
        e.getAsJsonObject().get("state").getAsString()));
    return out;
  }

  private Map<Integer, String> uuids() {
    Map<Integer, String> out = new TreeMap<>();
    cluster.members().forEach((rank, m) -> out.put(rank, m.get("uuid").getAsString()));
    return out;
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
