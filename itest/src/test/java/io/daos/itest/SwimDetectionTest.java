package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * SWIM failure detection end to end: 2 hosts × 1 engine, the MS on host 0, engines with short SWIM timings
 * (period 200 ms, ping timeout 150 ms, suspect timeout 2000 ms through env_vars). The engine of host 1 is frozen
 * with SIGSTOP while its daos_server keeps running; the engine of host 0 declares it dead and raises
 * swim_rank_dead, and the MS excludes the rank (self_heal's default holds "exclude").
 */
@ResourceLock(TestLocks.PROCESSES)
class SwimDetectionTest {
  private static final String[] SWIM_ENV = {"SWIM_PROTOCOL_PERIOD_LEN=200", "SWIM_PING_TIMEOUT=150",
      "SWIM_SUSPECT_TIMEOUT=2000"};
  private static final Duration DETECTION_LIMIT = Duration.ofSeconds(20);

  @TempDir
  static Path dir;
  private ProcessCluster cluster;
  private ProcessHandle frozen;

  @AfterEach
  void cleanUp() {
    if (frozen != null && frozen.isAlive()) {
      Commands.run(java.util.List.of("kill", "-CONT", Long.toString(frozen.pid())), Duration.ofSeconds(10));
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void frozenEngineIsDeclaredDeadAndExcluded() throws IOException {
    cluster = MiniDaosCluster.builder(dir).servers(2).engines(1).replicas(1).engineEnv(SWIM_ENV).start();
    cluster.waitForReady();
    int victim = rankOn(1);
    int survivor = rankOn(0);
    Path survivorLog = cluster.host(0).dir().resolve("log/daos_engine.0.log");
    Poll.until("rank " + survivor + " SWIM knows both ranks", Duration.ofSeconds(20),
        () -> log(survivorLog).contains("with 2 ranks installed") && log(survivorLog).contains("SWIM started"),
        cluster::logs);

    frozen = cluster.host(1).engine(0).orElseThrow(() -> new AssertionError("no engine on host 1"));
    long t0 = System.nanoTime();
    signal(frozen, "-STOP");
    Poll.until("rank " + victim + " excluded", DETECTION_LIMIT,
        () -> "excluded".equals(state(victim)), () -> "members: " + cluster.members() + "\n" + cluster.logs());
    long detectedMs = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("SwimDetectionTest: rank %d frozen -> excluded in %d ms (period 200, ping 150, suspect 2000)%n",
        victim, detectedMs);

    assertTrue(detectedMs >= 2000, "not before the suspect timeout: " + detectedMs + " ms");
    assertEquals("joined", state(survivor), "the survivor stays joined");
    String survivorText = log(survivorLog);
    assertTrue(survivorText.contains("SWIM declared rank " + victim), "engine log names the dead rank");
    assertEquals(1, count(survivorText, "raising swim_rank_dead"), "raised once: " + survivorText);
    signal(frozen, "-CONT");
  }

  private int rankOn(int host) {
    String addr = cluster.host(host).addr();
    return cluster.members().entrySet().stream().filter(e -> addr.equals(e.getValue().get("addr").getAsString()))
        .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no rank on " + addr));
  }

  private String state(int rank) {
    JsonObject m = cluster.members().get(rank);
    return m == null ? "" : m.get("state").getAsString();
  }

  private static void signal(ProcessHandle ph, String sig) {
    CommandResult r = Commands.run(java.util.List.of("kill", sig, Long.toString(ph.pid())), Duration.ofSeconds(10));
    assertEquals(0, r.exitCode(), "kill " + sig + ": " + r);
  }

  private static String log(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
