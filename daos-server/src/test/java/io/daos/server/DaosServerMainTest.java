package io.daos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.server.config.ServerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaosServerMainTest {
  @TempDir
  Path dir;

  record Run(int code, String out, String err) {
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = DaosServerMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void badConfigKeyExitsOneNamingKeyAndLine() throws Exception {
    Path cfg = dir.resolve("daos_server.yml");
    Files.writeString(cfg, "name: daos_server\nport: 10001\ntragets: 4\n");
    Run r = run("start", "-o", cfg.toString(), "-i");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains(cfg + ":3"), r.err());
    assertTrue(r.err().contains("tragets"), r.err());
    assertTrue(Files.notExists(dir.resolve("run")), "nothing created before the config is valid");
  }

  @Test
  void missingConfigFileExitsOne() {
    Run r = run("start", "-o", dir.resolve("nope.yml").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("nope.yml"), r.err());
  }

  @Test
  void unknownFlagIsUsageError() {
    Run r = run("start", "--bogus");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("--bogus"), r.err());
  }

  @Test
  void versionPrintsDaosVersion() {
    Run r = run("version");
    assertEquals(0, r.code());
    assertEquals("daos_server version 2.9.100", r.out().trim());
  }

  @Test
  void secureModeWithoutCertificatesIsAClearFault() throws Exception {
    Path cfg = dir.resolve("daos_server.yml");
    ServerConfig local = ServerConfig.defaultLocal(dir.resolve("state"));
    local.withTransport(local.transport().withAllowInsecure(false)).writeYaml(cfg);
    Run r = run("start", "-o", cfg.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("certificates are enabled, but /etc/daos/certs/") && r.err().contains("not found")
        && r.err().contains("gen_certificates.sh") && r.err().contains("allow_insecure"), r.err());
  }

  @Test
  void configLocalWritesLoadableConfig() {
    Path out = dir.resolve("gen/daos_server.yml");
    Run r = run("config", "local", "--state-dir", dir.resolve("state").toString(), "--output", out.toString());
    assertEquals(0, r.code(), r.err());
    ServerConfig cfg = ServerConfig.load(out).validate();
    assertEquals(1, cfg.engines().size());
    assertTrue(cfg.transport().allowInsecure());
  }
}
