package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** bin/jdaos-local writes no terminal escape codes into a pipe or with NO_COLOR (Maven 3.8 writes ESC[0m anyway). */
class LauncherOutputTest {
  /** Runs jdaos-local's {@code plain} filter on text holding escape codes, its output going to a pipe. */
  private static String throughPlain(Map<String, String> env) throws IOException, InterruptedException {
    String script = "eval \"$(sed -n '/^plain() {/,/^}/p' \"$0\")\"; printf 'built\\033[0m ok\\033[1;31m!\\n' | plain";
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", script, Launchers.bin("jdaos-local").toString());
    pb.environment().putAll(env);
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  @Test
  void pipeGetsPlainText() throws Exception {
    assertEquals("built ok!\n", throughPlain(Map.of()));
  }

  @Test
  void noColorGetsPlainText() throws Exception {
    assertEquals("built ok!\n", throughPlain(Map.of("NO_COLOR", "1")));
  }
}
