package io.daos.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.daos.client.DaosClient;
import io.daos.itest.InProcessCluster;
import io.daos.itest.SharedClusters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** daos_perf end to end against real engines in this JVM, as libdaos's tests use them (4 ranks × 2 targets). */
@ExtendWith(SharedClusters.class)
class DaosPerfMainTest {
  private InProcessCluster cluster;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() {
    cluster = SharedClusters.get(new SharedClusters.Shape(4, 1, 2));
    cluster.createPool("pool1", 256L << 20, 0, 3);
  }

  @AfterEach
  void tearDown() {
    cluster.destroyPool("pool1");
  }

  private DaosClient.Builder clientBuilder() {
    try {
      return cluster.clientBuilder();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int run(String... args) {
    return DaosPerfMain.execute(this::clientBuilder, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(PerfOp.class)
  void tinyRunPrintsOneJsonObjectWithOps(PerfOp op) {
    int rc = run(op.cliName(), "--pool", "pool1", "--size", "4K", "--qd", "4", "--seconds", "0.3",
        "--warmup", "0.05", "--keys", "16");
    assertEquals(0, rc, stderr());
    String[] lines = stdout().strip().split("\n");
    assertEquals(1, lines.length, stdout());
    JsonObject j = JsonParser.parseString(lines[0]).getAsJsonObject();
    assertEquals(op.cliName(), j.get("op").getAsString());
    assertEquals(4096, j.get("size").getAsInt());
    assertEquals(4, j.get("qd").getAsInt());
    assertEquals("SX", j.get("oclass").getAsString());
    assertEquals(0, j.get("errors").getAsLong());
    assertTrue(j.get("ops").getAsLong() > 0, stdout());
    assertTrue(j.get("seconds").getAsDouble() >= 0.3, stdout());
    double opsPerSec = j.get("ops_per_sec").getAsDouble();
    assertEquals(j.get("ops").getAsLong() / j.get("seconds").getAsDouble(), opsPerSec, opsPerSec * 0.01 + 0.1);
    assertEquals(opsPerSec * 4096 / 1e6, j.get("mb_per_sec").getAsDouble(), 0.01 + opsPerSec * 4096 / 1e8);
    assertTrue(j.get("p50_us").getAsDouble() > 0, stdout());
    assertTrue(j.get("p99_us").getAsDouble() >= j.get("p50_us").getAsDouble(), stdout());
  }

  @Test
  void createsAnAbsentContainerAndSaysSo() {
    assertEquals(0, run("kv-put", "--pool", "pool1", "--cont", "bench", "--seconds", "0.1", "--warmup", "0"));
    assertTrue(stderr().matches("(?s).*created container bench \\([-0-9a-f]{36}\\) in pool pool1.*"), stderr());
    err.reset();
    assertEquals(0, run("kv-put", "--pool", "pool1", "--cont", "bench", "--seconds", "0.1", "--warmup", "0"));
    assertFalse(stderr().contains("created container"), stderr());
  }

  @Test
  void smallValuesAndArraysSpanningChunksReadBack() {
    assertEquals(0, run("fetch", "--pool", "pool1", "--size", "3", "--seconds", "0.1", "--warmup", "0"), stderr());
    assertEquals(0, run("array-read", "--pool", "pool1", "--size", "1536K", "--keys", "3", "--qd", "2",
        "--seconds", "0.1", "--warmup", "0", "--oclass", "S1"), stderr());
  }

  @Test
  void unknownPoolIsAClearError() {
    assertEquals(1, run("kv-put", "--pool", "nosuchpool", "--seconds", "0.1"));
    assertTrue(stderr().startsWith("daos_perf: "), stderr());
    assertTrue(stderr().contains("DER_NONEXIST"), stderr());
    assertEquals("", stdout());
  }

  static Stream<Arguments> badFlags() {
    List<Arguments> a = new ArrayList<>();
    a.add(Arguments.of("unknown op", List.of("scan", "--pool", "p"), "unknown op \"scan\": use one of update"));
    a.add(Arguments.of("no op", List.of("--pool", "p"), "Missing required parameter: 'OP'"));
    a.add(Arguments.of("no pool", List.of("kv-put"), "--pool is required"));
    a.add(Arguments.of("zero size", List.of("kv-put", "--pool", "p", "--size", "0"), "--size must be 1 B"));
    a.add(Arguments.of("bad size", List.of("kv-put", "--pool", "p", "--size", "4X"), "is not a size"));
    a.add(Arguments.of("huge size", List.of("kv-put", "--pool", "p", "--size", "1024M"), "--size must be 1 B"));
    a.add(Arguments.of("zero qd", List.of("kv-put", "--pool", "p", "--qd", "0"), "--qd (operations in flight)"));
    a.add(Arguments.of("text qd", List.of("kv-put", "--pool", "p", "--qd", "x"), "Invalid value for option '--qd'"));
    a.add(Arguments.of("zero seconds", List.of("kv-put", "--pool", "p", "--seconds", "0"), "--seconds must be > 0"));
    a.add(Arguments.of("negative warmup", List.of("kv-put", "--pool", "p", "--warmup", "-1"), "--warmup must be"));
    a.add(Arguments.of("zero keys", List.of("kv-put", "--pool", "p", "--keys", "0"), "--keys (working-set size)"));
    a.add(Arguments.of("bad oclass", List.of("kv-put", "--pool", "p", "--oclass", "S3X"),
        "unknown object class \"S3X\""));
    a.add(Arguments.of("unknown flag", List.of("kv-put", "--pool", "p", "--depth", "3"), "Unknown option"));
    return a.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFlags")
  void badFlagsExit2WithAClearMessage(String name, List<String> args, String message) {
    assertEquals(2, run(args.toArray(String[]::new)));
    assertTrue(stderr().startsWith("daos_perf: "), stderr());
    assertTrue(stderr().contains(message), stderr());
    assertTrue(stderr().contains("daos_perf --help"), stderr());
    assertEquals("", stdout());
  }

  @Test
  void helpListsEveryFlag() {
    assertEquals(0, run("--help"));
    for (String f : List.of("--pool", "--cont", "--size", "--qd", "--seconds", "--warmup", "--oclass", "--keys")) {
      assertTrue(stdout().contains(f), f);
    }
  }
}
