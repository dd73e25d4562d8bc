package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.daos.proto.auth.GetCredResp;
import io.daos.proto.auth.Sys;
import io.daos.proto.mgmt.GetAttachInfoResp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
 * The operator's first hour, with the real launchers: start daos_server with two engines, format, see both
 * ranks joined, kill an engine, stop and start the system, restart the server. Steps share one server and
 * run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(TestLocks.PROCESSES)
class SingleNodeSystemTest {
  @TempDir
  static Path dir;
  private ServerProcess server;

  @BeforeAll
  void startServer() throws Exception {
    server = ServerProcess.start(dir, 2);
  }

  @AfterAll
  void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void formatJoinsEveryEngineWithRanksZeroToN() {
    CommandResult format = server.dmg("storage", "format");
    assertEquals(0, format.exitCode(), format.toString());
    long t0 = System.nanoTime();
    server.waitForAll("joined", Duration.ofSeconds(30));
    System.out.printf("format -> all joined in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    assertEquals(Set.of(0, 1), ranks());
  }

  @Test
  @Order(2)
  void eachEngineIsItsOwnChildProcessWithSeqpacketSockets() {
    List<ProcessHandle> engines = server.engineProcesses();
    assertEquals(2, engines.size(), "engine processes: " + engines);
    for (ProcessHandle e : engines) {
      assertEquals(server.process().pid(), e.parent().map(ProcessHandle::pid).orElse(-1L),
          "engine " + e.pid() + " is not a child of daos_server");
    }
    CommandResult ss = Commands.run(List.of("ss", "-xlp"), Duration.ofSeconds(10));
    String runDir = server.dir().resolve("run").toString();
    assertTrue(seqpacketListener(ss.stdout(), runDir + "/daos_server.sock"), ss.stdout());
    for (ProcessHandle e : engines) {
      assertTrue(seqpacketListener(ss.stdout(), runDir + "/daos_engine_" + e.pid() + ".sock"), ss.stdout());
    }
  }

  /**
   * ps, top and pgrep show daos_server and its daos_engine children as DAOS's: the process name (comm) is the
   * program's and the argv is DAOS's ({@code <bin>/daos_engine -x 0 -t 2 -s <scm> -g daos_server -d <run> ...}),
   * not {@code java ...}.
   */
  @Test
  @Order(2)
  void processesShowAsDaosShowsThem() {
    long pid = server.process().pid();
    assertEquals("daos_server", ServerProcess.comm(pid));
    assertEquals(List.of(Launchers.bin("daos_server").toString(), "start", "-o", server.config().toString()),
        ServerProcess.argv(pid));
    assertEquals("daos_server", ps("comm=", pid));
    String runDir = server.dir().resolve("run").toString();
    Set<Long> enginePids = new TreeSet<>();
    for (ProcessHandle e : server.engineProcesses()) {
      enginePids.add(e.pid());
      List<String> argv = ServerProcess.argv(e.pid());
      String idx = argv.get(argv.indexOf("-I") + 1);
      assertEquals(List.of(Launchers.bin("daos_engine").toString(), "-x", "0", "-t", "2", "-s",
          server.dir().resolve("scm" + idx).toString()), argv.subList(0, 7), "argv of engine " + idx);
      assertEquals(runDir, argv.get(argv.indexOf("-d") + 1));
      assertEquals("daos_server", argv.get(argv.indexOf("-g") + 1));
      assertEquals("daos_engine", ps("comm=", e.pid()));
      assertEquals(String.join(" ", argv), ps("args=", e.pid()));
    }
    assertEquals(2, enginePids.size());
    CommandResult pgrep = Commands.run(List.of("pgrep", "-x", "-P", Long.toString(pid), "daos_engine"),
        Duration.ofSeconds(10));
    Set<Long> found = new TreeSet<>();
    pgrep.stdout().lines().forEach(l -> found.add(Long.parseLong(l.strip())));
    assertEquals(enginePids, found, "pgrep -x daos_engine: " + pgrep);
  }

  private static String ps(String format, long pid) {
    return Commands.run(List.of("ps", "-o", format, "-p", Long.toString(pid)), Duration.ofSeconds(10)).stdout()
        .strip();
  }

  private static boolean seqpacketListener(String ssOutput, String path) {
    return ssOutput.lines().anyMatch(l -> l.startsWith("u_seq") && l.contains(path));
  }

  @Test
  @Order(3)
  void malformedDrpcInputDoesNotHurtTheServer() throws Exception {
    Path sock = server.dir().resolve("run/daos_server.sock");
    DrpcAbuse.sendGarbage(sock);
    DrpcAbuse.sendOversizedHeader(sock);
    DrpcAbuse.sendTruncatedMessage(sock);
    assertEquals("joined", server.memberState(0));
    assertEquals(0, server.dmg("system", "query").exitCode());
  }

  @Test
  @Order(4)
  void agentServesAttachInfoAndCredentialsFromTheRunningSystem() throws Exception {
    try (AgentProcess agent = AgentProcess.start(server.dir().resolve("agent"), server.port())) {
      GetAttachInfoResp info = agent.attachInfo();
      assertEquals(0, info.getStatus());
      assertEquals("daos_server", info.getSys());
      assertEquals(Set.of(0, 1), info.getRankUrisList().stream().map(u -> u.getRank()).collect(
          java.util.stream.Collectors.toSet()));
      assertTrue(info.getRankUris(0).getUri().startsWith("ofi+tcp://127.0.0.1:"), info.toString());
      assertEquals("ofi+tcp", info.getClientNetHint().getProvider());
      GetCredResp cred = agent.credentials();
      assertEquals(0, cred.getStatus());
      Sys sys = Sys.parseFrom(cred.getCred().getToken().getData());
      assertEquals(System.getProperty("user.name") + "@", sys.getUser());
      assertEquals("agent", cred.getCred().getOrigin());
    }
  }

  @Test
  @Order(5)
  void poolCreateListDestroyAcrossBothRanks() throws Exception {
    JsonObject created = server.dmgJson("pool", "create", "tank", "-z", "8G");
    assertEquals(0, created.get("status").getAsInt(), created.toString());
    String uuid = created.getAsJsonObject("response").get("uuid").getAsString();
    assertEquals("[0,1]", created.getAsJsonObject("response").get("tgt_ranks").toString());
    for (int rank = 0; rank < 2; rank++) {
      assertTrue(java.nio.file.Files.isDirectory(server.dir().resolve("scm" + rank + "/" + uuid + "/vos-1")),
          "no VOS target dir on rank " + rank);
    }
    JsonObject list = server.dmgJson("pool", "list");
    assertEquals("tank", list.getAsJsonObject("response").getAsJsonArray("pools").get(0).getAsJsonObject()
        .get("label").getAsString(), list.toString());
    assertEquals(1, server.dmg("pool", "create", "tank", "-z", "8G").exitCode(), "duplicate label accepted");
    CommandResult destroy = server.dmg("pool", "destroy", "tank");
    assertEquals(0, destroy.exitCode(), destroy.toString());
    assertEquals(0, server.dmgJson("pool", "list").getAsJsonObject("response").getAsJsonArray("pools").size());
    assertTrue(!java.nio.file.Files.exists(server.dir().resolve("scm0/" + uuid)), "pool dir left behind");
  }

  @Test
  @Order(6)
  void killedEngineIsErroredThenSystemStartRejoinsWithSameRank() {
    ProcessHandle victim = server.engineProcesses().get(0);
    int rank = rankOfEngine(victim);
    long t0 = System.nanoTime();
    victim.destroyForcibly();
    server.waitUntil("rank " + rank + " errored", Duration.ofSeconds(10),
        () -> "errored".equals(server.memberState(rank)));
    System.out.printf("kill -9 -> errored in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    CommandResult start = server.dmg("system", "start");
    assertEquals(0, start.exitCode(), start.toString());
    server.waitForAll("joined", Duration.ofSeconds(30));
    assertEquals(Set.of(0, 1), ranks());
  }

  private int rankOfEngine(ProcessHandle engine) {
    for (JsonElement e : server.members()) {
      JsonObject m = e.getAsJsonObject();
      if (ServerProcess.commandLine(engine).contains("-I " + m.get("rank").getAsInt())) {
        return m.get("rank").getAsInt();
      }
    }
    return 0;
  }

  @Test
  @Order(7)
  void systemStopThenStart() {
    CommandResult stop = server.dmg("system", "stop");
    assertEquals(0, stop.exitCode(), stop.toString());
    server.waitForAll("stopped", Duration.ofSeconds(30));
    assertTrue(server.engineProcesses().isEmpty(), "engines still running after system stop");
    CommandResult start = server.dmg("-j", "system", "start");
    assertEquals(0, start.exitCode(), start.toString());
    server.waitForAll("joined", Duration.ofSeconds(30));
  }

  @Test
  @Order(8)
  void restartOfDaosServerKeepsRanks() throws Exception {
    Set<String> uuidsBefore = uuids();
    server.restart();
    server.waitForAll("joined", Duration.ofSeconds(60));
    assertEquals(Set.of(0, 1), ranks());
    assertEquals(uuidsBefore, uuids());
  }

  @Test
  @Order(9)
  void enginesDieWithAKilledServerAndRanksSurviveTheCrash() throws Exception {
    List<ProcessHandle> engines = server.engineProcesses();
    assertEquals(2, engines.size());
    server.process().destroyForcibly().waitFor();
    for (ProcessHandle e : engines) {
      server.waitUntilDead(e, Duration.ofSeconds(10));
    }
    server.restart();
    server.waitForAll("joined", Duration.ofSeconds(60));
    assertEquals(Set.of(0, 1), ranks());
  }

  @Test
  @Order(10)
  void sigtermStopsEnginesAndExitsZero() throws Exception {
    List<ProcessHandle> engines = server.engineProcesses();
    long t0 = System.nanoTime();
    assertEquals(0, server.stop());
    for (ProcessHandle e : engines) {
      server.waitUntilDead(e, Duration.ofSeconds(5));
    }
    System.out.printf("SIGTERM -> daos_server and its %d engines gone in %d ms%n", engines.size(),
        (System.nanoTime() - t0) / 1_000_000);
    try (var files = java.nio.file.Files.list(server.dir().resolve("run"))) {
      List<String> left = files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("daos_engine_"))
          .toList();
      assertEquals(List.of(), left, "engine dRPC sockets left after the engines stopped");
    }
  }

  private Set<Integer> ranks() {
    Set<Integer> r = new TreeSet<>();
    server.members().forEach(e -> r.add(e.getAsJsonObject().get("rank").getAsInt()));
    return r;
  }

  private Set<String> uuids() {
    Set<String> r = new TreeSet<>();
    server.members().forEach(e -> r.add(e.getAsJsonObject().get("uuid").getAsString()));
    return r;
  }
}
