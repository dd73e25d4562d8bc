package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad configs and unreachable servers get clear errors from the real launchers. */
@ResourceLock(TestLocks.PROCESSES)
class BadInputTest {
  @TempDir
  Path dir;

  static Stream<Arguments> badConfigs() {
    String engine = "engines:\n  - targets: 2\n    fabric_iface: lo\n    fabric_iface_port: 31416\n"
        + "    storage:\n      - class: dir\n        scm_mount: /tmp/jdaos-never-used\n";
    return Stream.of(
        Arguments.of("unknown key", "name: daos_server\nprovider: ofi+tcp\ntragets: 3\n" + engine,
            List.of("tragets", "3")),
        Arguments.of("bad size", "name: daos_server\nprovider: ofi+tcp\n" + engine
            + "      - class: file\n        bdev_list: [/tmp/x.img]\n        bdev_size: lots\n",
            List.of("bdev_size")),
        Arguments.of("missing fabric_iface_port", "name: daos_server\nprovider: ofi+tcp\n"
            + engine.replace("    fabric_iface_port: 31416\n", ""), List.of("fabric_iface_port")),
        Arguments.of("bad port", "name: daos_server\nport: -5\nprovider: ofi+tcp\n" + engine, List.of("port")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void badConfigIsRefusedWithTheKeyNamed(String name, String yaml, List<String> mustMention) throws IOException {
    Launchers.requirePackaged("daos-server");
    Path cfg = dir.resolve("daos_server.yml");
    Files.writeString(cfg, yaml);
    CommandResult r = Commands.run(List.of(Launchers.bin("daos_server").toString(), "start", "-i", "-o",
        cfg.toString()), Duration.ofSeconds(60));
    assertNotEquals(0, r.exitCode(), r.toString());
    String all = r.stdout() + r.stderr();
    for (String word : mustMention) {
      assertTrue(all.contains(word), "error does not mention '" + word + "': " + r);
    }
    assertTrue(!all.contains("\tat io.daos."), "stack trace shown to the user: " + r);
    assertTrue(!Files.exists(Path.of("/tmp/jdaos-never-used")), "storage touched despite a bad config");
  }

  @Test
  void dmgAgainstClosedPortSaysWhatToDo() throws IOException {
    Launchers.requirePackaged("dmg");
    int port = Ports.free();
    CommandResult r = Commands.run(List.of(Launchers.bin("dmg").toString(), "-i", "-l", "localhost:" + port,
        "system", "query"), Duration.ofSeconds(60));
    assertEquals(1, r.exitCode(), r.toString());
    String all = r.stdout() + r.stderr();
    assertTrue(all.contains(String.valueOf(port)), "error does not name the address: " + r);
    assertTrue(all.contains("daos_server"), "error does not say what to start: " + r);
  }

  @Test
  void dmgJsonAgainstClosedPortGivesEnvelope() throws IOException {
    Launchers.requirePackaged("dmg");
    int port = Ports.free();
    CommandResult r = Commands.run(List.of(Launchers.bin("dmg").toString(), "-i", "-j", "-l",
        "localhost:" + port, "system", "query"), Duration.ofSeconds(60));
    assertEquals(1, r.exitCode(), r.toString());
    var env = r.json();
    assertTrue(env.get("response").isJsonNull(), r.toString());
    assertEquals(-1025, env.get("status").getAsInt(), r.toString());
    assertTrue(env.get("error").getAsString().contains(String.valueOf(port)), r.toString());
  }

  @Test
  void versionCommands() {
    CommandResult s = Commands.run(List.of(Launchers.bin("daos_server").toString(), "version"),
        Duration.ofSeconds(60));
    assertEquals(0, s.exitCode(), s.toString());
    assertTrue(s.stdout().contains("2.9.100"), s.toString());
    CommandResult d = Commands.run(List.of(Launchers.bin("dmg").toString(), "version"), Duration.ofSeconds(60));
    assertEquals(0, d.exitCode(), d.toString());
    assertTrue(d.stdout().contains("2.9.100"), d.toString());
  }
}
