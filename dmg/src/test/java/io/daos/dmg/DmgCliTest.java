package io.daos.dmg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dmg's process-level contract: version, parse errors, unreachable servers, exit codes. */
class DmgCliTest {
  @TempDir
  Path dir;

  @Test
  void versionText() {
    DmgRun r = DmgRun.run("version");
    assertEquals(0, r.exit());
    assertEquals("DAOS Admin Tool version 2.9.100\n", r.out());
  }

  @Test
  void versionJson() {
    JsonObject env = DmgRun.run("-j", "version").json();
    assertEquals("DAOS Admin Tool", env.getAsJsonObject("response").get("name").getAsString());
    assertEquals("2.9.100", env.getAsJsonObject("response").get("version").getAsString());
    assertEquals(0, env.get("status").getAsInt());
  }

  @Test
  void parseErrorWithJsonGivesEnvelope() {
    DmgRun r = DmgRun.run("-j", "system", "qurey");
    assertEquals(1, r.exit());
    JsonObject env = r.json();
    assertTrue(env.get("response").isJsonNull());
    assertEquals(-1025, env.get("status").getAsInt());
    assertTrue(env.get("error").getAsString().contains("qurey"), env.toString());
  }

  @Test
  void parseErrorWithoutJson() {
    DmgRun r = DmgRun.run("system", "query", "--bogus");
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("ERROR: dmg: Unknown option: '--bogus'"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void badRanksIsAnError() throws Exception {
    String cfg = DmgRun.config(dir, List.of("localhost:1")).toString();
    DmgRun r = DmgRun.run("-o", cfg, "system", "query", "--ranks", "0,2,four,,4-8");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("creating numeric set from"), r.err());
  }

  @Test
  void closedPortNamesAddressAndHowToStart() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String cfg = DmgRun.config(dir, List.of("localhost:" + port)).toString();
    DmgRun r = DmgRun.run("-o", cfg, "system", "query");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("localhost:" + port), r.err());
    assertTrue(r.err().contains("connection refused"), r.err());
    assertTrue(r.err().contains("daos_server start"), r.err());
    assertTrue(r.err().contains("code = 506"), r.err());
  }

  @Test
  void closedPortWithJson() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String cfg = DmgRun.config(dir, List.of("localhost:" + port)).toString();
    DmgRun r = DmgRun.run("-o", cfg, "-j", "system", "leader-query");
    assertEquals(1, r.exit());
    assertEquals(-1025, r.json().get("status").getAsInt());
    assertTrue(r.json().get("error").getAsString().startsWith("leader query failed: client: code = 506"),
        r.out());
  }
}
