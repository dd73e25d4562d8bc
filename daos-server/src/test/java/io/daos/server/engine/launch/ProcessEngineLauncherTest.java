package io.daos.server.engine.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.server.engine.HarnessFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forking launcher against a shell script standing in for daos_engine. */
class ProcessEngineLauncherTest {
  @TempDir
  Path tmp;

  private String script(String body) throws Exception {
    Path p = tmp.resolve(ProcessEngineLauncher.BINARY);
    Files.writeString(p, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p.toString();
  }

  @Test
  void environmentIsIsolatedAndSigintStops() throws Exception {
    Path out = tmp.resolve("out");
    String bin = script("trap 'exit 0' INT\necho \"$FOO:$HOME:$1\" > " + out
        + "\nwhile true; do sleep 0.05; done\n");
    EngineProcess p = new ProcessEngineLauncher(bin)
        .launch(new EngineLaunchSpec(0, List.of("-t", "1"), Map.of("FOO", "bar"), ""));
    HarnessFixture.await("script ran", () -> Files.exists(out) && sizeOf(out) > 0);
    assertEquals("bar::-t", Files.readString(out).trim(), "only the spec's environment, DAOS's argv");
    assertTrue(p.isAlive());
    p.signal(Signal.SIGINT);
    assertEquals("exit status 0", p.onExit().get(10, TimeUnit.SECONDS));
  }

  @Test
  void sigkillReportsKilled() throws Exception {
    EngineProcess p = new ProcessEngineLauncher(script("while true; do sleep 0.05; done\n"))
        .launch(new EngineLaunchSpec(1, List.of(), Map.of(), ""));
    p.signal(Signal.SIGKILL);
    assertEquals("signal: killed", p.onExit().get(10, TimeUnit.SECONDS));
  }

  @Test
  void engineSeesStdinOpenUntilItExits() throws Exception {
    // the engine exits on stdin EOF; while daos_server lives the pipe stays open
    EngineProcess p = new ProcessEngineLauncher(script("cat > /dev/null\nexit 3\n"))
        .launch(new EngineLaunchSpec(0, List.of(), Map.of(), ""));
    assertTrue(p.isAlive());
    p.signal(Signal.SIGTERM);
    p.onExit().get(10, TimeUnit.SECONDS);
    assertTrue(!p.isAlive());
  }

  @Test
  void failedEngineExitStatusCarriesItsLastErrorLines() throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 1; i <= 7; i++) {
      body.append("echo 'line ").append(i).append("' >&2\n");
    }
    body.append("echo 'daos_engine: D_INTERFACE=eth9: no such network interface' >&2\nexit 1\n");
    EngineProcess p = new ProcessEngineLauncher(script(body.toString()))
        .launch(new EngineLaunchSpec(0, List.of(), Map.of(), ""));
    String status = p.onExit().get(10, TimeUnit.SECONDS);
    assertEquals("exit status 1; stderr: line 4 | line 5 | line 6 | line 7 | daos_engine: D_INTERFACE=eth9: no such "
        + "network interface", status);
  }

  @Test
  void tailKeepsLastLinesAndShortensLongOnes() {
    OutputTail t = new OutputTail();
    t.add("   ");
    t.add("x".repeat(OutputTail.MAX_LINE + 10));
    assertEquals(List.of("x".repeat(OutputTail.MAX_LINE) + "..."), t.snapshot());
    assertEquals("signal: killed", OutputTail.withTail("signal: killed", List.of()));
  }

  @Test
  void findBinaryFallsBackToPath() {
    System.setProperty("jdaos.bin.dir", tmp.toString());
    try {
      assertEquals(ProcessEngineLauncher.BINARY, ProcessEngineLauncher.findBinary(Map.of()));
    } finally {
      System.clearProperty("jdaos.bin.dir");
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
