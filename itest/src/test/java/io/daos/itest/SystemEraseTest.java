package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Starting over on the same hosts (DAOS's dmg_system_reformat): format, create a pool, {@code dmg system erase}
 * is refused while ranks run, {@code system stop}, {@code system erase}, {@code storage format}: new ranks from
 * 0 and no pools. Real processes; each topology gets its own cluster.
 */
@ResourceLock(TestLocks.PROCESSES)
class SystemEraseTest {
  private static final Duration STATE_TIMEOUT = Duration.ofSeconds(60);

  static Stream<Arguments> topologies() {
    return Stream.of(
        Arguments.of("1 host x 2 engines, 1 MS replica, plain output", 1, 1, false),
        Arguments.of("3 hosts x 2 engines, 3 MS replicas, -j output", 3, 3, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void eraseAfterStopThenFormatGivesFreshRanksAndNoPools(String name, int servers, int replicas, boolean json,
      @TempDir Path dir) throws Exception {
    long t0 = System.nanoTime();
    try (MiniDaosCluster cluster = MiniDaosCluster.builder(dir).servers(servers).engines(2).replicas(replicas)
        .start()) {
      cluster.waitForReady();
      int ranks = servers * 2;
      Map<Integer, String> uuidsBefore = uuids(cluster);
      assertEquals(rankRange(ranks), uuidsBefore.keySet());
      JsonObject created = cluster.dmgJson("pool", "create", "before-erase", "-z", (2 * ranks) + "G", "--nsvc", "1");
      assertEquals(0, created.get("status").getAsInt(), created.toString());
      assertEquals(1, poolCount(cluster));

      CommandResult refused = cluster.dmg("system", "erase");
      assertEquals(1, refused.exitCode(), refused.toString());
      String expected = "system erase requires the following " + ranks + " ranks to be stopped: 0-" + (ranks - 1);
      assertTrue(refused.stderr().contains(expected) || refused.stdout().contains(expected), refused.toString());
      assertEquals(Set.of("joined"), new HashSet<>(states(cluster).values()), "refused erase touched ranks");

      CommandResult stop = cluster.dmg("system", "stop");
      assertEquals(0, stop.exitCode(), stop.toString());
      cluster.waitForMembers(ranks, "stopped", STATE_TIMEOUT);

      erase(cluster, json);

      CommandResult format = cluster.dmg("storage", "format");
      assertEquals(0, format.exitCode(), format.toString() + "\n" + cluster.logs());
      cluster.waitForReady();
      Map<Integer, String> uuidsAfter = uuids(cluster);
      assertEquals(rankRange(ranks), uuidsAfter.keySet(), "ranks are numbered from 0 again");
      assertTrue(Collections.disjoint(uuidsBefore.values(), uuidsAfter.values()),
          "engines kept their identity across erase: " + uuidsBefore + " -> " + uuidsAfter);
      assertEquals(0, poolCount(cluster), "pools survived erase");
      System.out.printf("%s: whole erase scenario in %d ms%n", name, (System.nanoTime() - t0) / 1_000_000);
    }
  }

  /** Success prints nothing; with -j the envelope's response is null. */
  private static void erase(MiniDaosCluster cluster, boolean json) {
    if (json) {
      CommandResult r = cluster.dmg("-j", "system", "erase");
      assertEquals(0, r.exitCode(), r + "\n" + cluster.logs());
      JsonObject env = r.json();
      assertEquals(0, env.get("status").getAsInt(), env.toString());
      assertTrue(env.get("response").isJsonNull(), env.toString());
      assertTrue(env.get("error").isJsonNull(), env.toString());
    } else {
      CommandResult r = cluster.dmg("system", "erase");
      assertEquals(0, r.exitCode(), r + "\n" + cluster.logs());
      assertEquals("", r.stdout().strip(), r.toString());
    }
  }

  private static int poolCount(MiniDaosCluster cluster) {
    JsonObject env = cluster.dmgJson("pool", "list");
    assertEquals(0, env.get("status").getAsInt(), env.toString());
    JsonElement pools = env.getAsJsonObject("response").get("pools");
    return pools == null || pools.isJsonNull() ? 0 : pools.getAsJsonArray().size();
  }

  private static Map<Integer, String> uuids(MiniDaosCluster cluster) {
    Map<Integer, String> out = new TreeMap<>();
    cluster.members().forEach((rank, m) -> out.put(rank, m.get("uuid").getAsString()));
    return out;
  }

  private static Map<Integer, String> states(MiniDaosCluster cluster) {
    Map<Integer, String> out = new TreeMap<>();
    cluster.members().forEach((rank, m) -> out.put(rank, m.get("state").getAsString()));
    return out;
  }

  private static Set<Integer> rankRange(int n) {
    return IntStream.range(0, n).boxed().collect(Collectors.toCollection(java.util.TreeSet::new));
  }
}
