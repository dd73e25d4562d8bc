package io.daos.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.daos.client.DaosClient;
import io.daos.itest.InProcessCluster;
import io.daos.itest.SharedClusters;
import io.daos.itest.TestLocks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * daos_perf end to end against real engines in this JVM, as libdaos's tests use them (4 ranks × 2 targets), on one
 * pool for the class; the flag checks that need no engine are libdaos's {@code DaosPerfArgsTest}.
 */
@ExtendWith(SharedClusters.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ResourceLock(TestLocks.IN_PROCESS)
class DaosPerfMainTest {
  private InProcessCluster cluster;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  void createPool() {
    cluster = SharedClusters.get(new SharedClusters.Shape(4, 1, 2));
    cluster.createPool("pool1", 256L << 20, 0, 3);
  }

  @AfterAll
  void destroyPool() {
    cluster.destroyPool("pool1");
  }

  @BeforeEach
  void clearOutput() {
    out.reset();
    err.reset();
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


}
