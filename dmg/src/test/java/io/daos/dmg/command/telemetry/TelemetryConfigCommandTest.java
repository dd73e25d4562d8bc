package io.daos.dmg.command.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.DmgOutput;
import io.daos.dmg.command.FakeControlInvoker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** {@code dmg telemetry config}: DAOS's Prometheus config for the hosts of daos_control.yml. */
class TelemetryConfigCommandTest {
  @TempDir
  Path tmp;

  private Path binDir() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Files.writeString(bin.resolve("prometheus"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(bin.resolve("prometheus"), PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  @Test
  void writesDaosJobKeepingTheGlobalInterval() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Files.writeString(home.resolve(".prometheus.yml"), "global:\n  scrape_interval: 15s\n  other: 1\n"
        + "scrape_configs:\n- job_name: prometheus\n  static_configs:\n  - targets: [localhost:9090]\n");
    String out = TelemetryConfigCommand.configure(tmp.toString(), "Prometheus", "/nonexistent:" + binDir(), home,
        List.of("srv1", "srv2:10001", "srv[3-4]"));
    assertTrue(out.startsWith("Configuring Prometheus for DAOS monitoring...\n"), out);
    assertTrue(out.contains("Wrote DAOS monitoring config to " + home.resolve(".prometheus.yml")), out);
    Map<String, Object> cfg = new Yaml().load(Files.readString(home.resolve(".prometheus.yml")));
    assertEquals(Map.of("scrape_interval", "15s"), cfg.get("global"));
    assertEquals(List.of(Map.of("job_name", "daos", "scrape_interval", "5s",
        "static_configs", List.of(Map.of("targets", List.of("srv1:9191", "srv2:10001", "srv3:9191", "srv4:9191"))))),
        cfg.get("scrape_configs"));
  }

  @Test
  void startsFromNothingWhenThereIsNoConfigYet() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    TelemetryConfigCommand.configure(tmp.toString(), "prometheus", binDir().toString(), home, List.of("localhost"));
    Map<String, Object> cfg = new Yaml().load(Files.readString(home.resolve(".prometheus.yml")));
    assertEquals(1, ((List<?>) cfg.get("scrape_configs")).size());
  }

  /** {@code -i} after {@code telemetry config} is the install dir, as in DAOS (before it, --insecure). */
  @Test
  void shortInstallDirFlag() throws Exception {
    DmgOutput r = DmgOutput.run(tmp, new FakeControlInvoker(), "-i", "telemetry", "config", "-i",
        tmp.resolve("missing").toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("Install folder " + tmp.resolve("missing") + " does not have write permission"),
        r.err());
  }

  @Test
  void clearErrors() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    CommandError noBin = assertThrows(CommandError.class,
        () -> TelemetryConfigCommand.configure(tmp.toString(), "prometheus", "/nonexistent", home, List.of("h")));
    assertTrue(noBin.getMessage().contains("prometheus is not in PATH"), noBin.getMessage());
    CommandError noDir = assertThrows(CommandError.class, () -> TelemetryConfigCommand.configure(
        tmp.resolve("missing").toString(), "prometheus", binDir().toString(), home, List.of("h")));
    assertTrue(noDir.getMessage().contains("does not have write permission"), noDir.getMessage());
    CommandError other = assertThrows(CommandError.class,
        () -> TelemetryConfigCommand.configure(tmp.toString(), "grafana", binDir().toString(), home, List.of("h")));
    assertEquals("unsupported telemetry system: \"grafana\"", other.getMessage());
  }
}
