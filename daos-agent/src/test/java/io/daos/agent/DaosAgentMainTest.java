package io.daos.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.agent.config.AgentConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaosAgentMainTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return DaosAgentMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void version() {
    assertEquals(0, run("version"));
    assertEquals("daos_agent version 2.9.100", out.toString().trim());
  }

  @Test
  void badConfigExitsOne() throws Exception {
    Path cfg = dir.resolve("daos_agent.yml");
    Files.writeString(cfg, "name: x\nbogus_key: 1\n");
    assertEquals(1, run("start", "-o", cfg.toString()));
    assertTrue(err.toString().contains("line 2: field bogus_key not found"), err.toString());
  }

  @Test
  void missingConfigExitsOne() {
    assertEquals(1, run("-o", dir.resolve("none.yml").toString(), "start"));
    assertTrue(err.toString().contains("none.yml"), err.toString());
  }

  @Test
  void unknownFlagExitsOne() {
    assertEquals(1, run("start", "--frobnicate"));
    assertTrue(err.toString().contains("frobnicate"), err.toString());
  }

  @Test
  void overridesApplyAfterTheFile() throws Exception {
    Path cfg = dir.resolve("daos_agent.yml");
    Files.writeString(cfg, "runtime_dir: /nowhere\n");
    DaosAgentMain main = new DaosAgentMain();
    new picocli.CommandLine(main).parseArgs("-o", cfg.toString(), "-i", "-s", dir.toString(), "start");
    AgentConfig c = main.loadConfig();
    assertEquals(dir.toString(), c.runtimeDir());
    assertTrue(c.transport().allowInsecure());
  }
}
