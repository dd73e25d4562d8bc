package io.daos.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.client.DaosClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** daos_perf's flags: refused before any client is built (a builder supplier that is called fails the test). */
class DaosPerfArgsTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return DaosPerfMain.execute(DaosPerfArgsTest::noClient, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
  }

  private static DaosClient.Builder noClient() {
    throw new AssertionError("daos_perf built a client for arguments it should have refused");
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
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
