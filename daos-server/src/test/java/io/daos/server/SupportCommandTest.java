package io.daos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DAOS cmd/daos_server/support_test.go: {@code daos_server support collect-log} on this host. */
class SupportCommandTest {
  @TempDir
  Path dir;

  private String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = DaosServerMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {Integer.toString(rc), out.toString(), err.toString()};
  }

  private Path config() throws Exception {
    Path log = Files.createDirectories(dir.resolve("log"));
    Files.writeString(log.resolve("daos_server.log"), "INFO 2024/01/02 10:00:00 started\n");
    return Files.writeString(dir.resolve("daos_server.yml"), "name: daos_server\nport: 10001\n"
        + "mgmt_svc_replicas: ['localhost:10001']\nprovider: ofi+tcp\nsocket_dir: " + dir.resolve("run") + "\n"
        + "control_log_file: " + log.resolve("daos_server.log") + "\n"
        + "transport_config:\n  allow_insecure: true\nengines:\n- targets: 1\n  fabric_iface: lo\n"
        + "  fabric_iface_port: 31416\n  log_file: " + log.resolve("daos_engine.0.log") + "\n  storage:\n"
        + "  - class: dir\n    scm_mount: " + dir.resolve("scm") + "\n");
  }

  @Test
  void TestDaosServer_Support_Commands_collectLogOfOneLogTypeThenArchive() throws Exception {
    Path target = dir.resolve("out");
    String[] r = run("support", "collect-log", "-o", config().toString(), "-t", target.toString(), "-e", "control");
    assertEquals("0", r[0], r[1] + r[2]);
    assertTrue(r[1].startsWith("Support logs will be copied to " + target), r[1]);
    Path host;
    try (Stream<Path> s = Files.list(target)) {
      host = s.findFirst().orElseThrow();
    }
    assertEquals("INFO 2024/01/02 10:00:00 started\n", Files.readString(host.resolve("ControlLogs/daos_server.log")));
    assertFalse(Files.exists(host.resolve("GenSystemInfo")), "--log-type collects only those logs");

    r = run("support", "collect-log", "-o", config().toString(), "-t", target.toString(), "-e", "control", "-z");
    assertEquals("0", r[0], r[1] + r[2]);
    assertTrue(Files.size(dir.resolve("out.tar.gz")) > 0);
    assertFalse(Files.exists(target), "as DAOS: the archive replaces the folder");
  }

  @Test
  void TestDaosServer_Support_Commands_badFlags() throws Exception {
    String[] r = run("support", "collect-log", "-o", config().toString(), "-D", "2024-13-01", "-F", "2024-01-01");
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("Invalid date, please provide the startDate in YYYY-MM-DD format"), r[2]);
    r = run("support", "collect-log", "-o", config().toString(), "-e", "everything");
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("Invalid log-type"), r[2]);
  }
}
