package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.transport.CartTransports;
import io.daos.common.Ports;
import io.daos.control.ControlClient;
import io.daos.control.HostResponses;
import io.daos.control.config.ControlConfig;
import io.daos.dmg.Dmg;
import io.daos.dmg.command.ControlInvokers;
import io.daos.drpc.transport.InMemoryTransport;
import io.daos.itest.inproc.InProcessEngineLauncher;
import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.proto.ctl.StorageFormatReq;
import io.daos.proto.ctl.StorageFormatResp;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.SystemQueryReq;
import io.daos.proto.mgmt.SystemQueryResp;
import io.daos.server.DaosServer;
import io.daos.server.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * dmg's support and config commands against a one-engine jdaos host (dir SCM, file bdev, loopback), in this JVM:
 * {@code dmg support collect-log --archive} gathers the host's config, logs and information into one folder and
 * archive (DAOS ftest control/dmg_support_collect_log); {@code dmg config generate} derives a config whose YAML,
 * loaded by daos_server's config loader, starts a one-engine server on the same host once the old one is gone:
 * format, and the engine joins (DAOS ftest control/config_generate_run). Only the host-wide paths (logs, socket
 * dir) and the insecure transport are sandboxed for the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfigGenerateTest {
  @TempDir
  static Path dir;
  private InProcessCluster old;

  @BeforeAll
  void start() throws IOException {
    old = MiniDaosCluster.builder(Files.createDirectories(dir.resolve("old"))).inProcess().servers(1).engines(1)
        .targets(1).replicas(1).start();
    old.waitForReady();
  }

  @AfterAll
  void stop() {
    if (old != null) {
      old.close();
    }
  }

  @Test
  @Order(1)
  void test_dmg_support_collect_log() throws Exception {
    // in-process daemons log to this JVM: stand in for the files a real server and engine write
    Path logs = Files.createDirectories(dir.resolve("old/host0/log"));
    Files.writeString(logs.resolve("daos_server.log"), "INFO 2026/01/01 00:00:00 daos_server started\n");
    Files.writeString(logs.resolve("daos_engine.0.log"), "engine 0 started\n");
    Path target = dir.resolve("support");
    Path extra = Files.writeString(Files.createDirectories(dir.resolve("extra")).resolve("app.log"), "app\n");
    String[] out = dmg(old.controlConfig(), "support", "collect-log", "-t", target.toString(), "-z", "-c",
        extra.getParent().toString());
    assertEquals("0", out[0], out[1] + out[2]);
    assertTrue(out[1].startsWith("Support logs will be copied to " + target + "\n"), out[1]);
    assertTrue(out[1].contains("Summary :"), out[1]);
    assertTrue(Files.readString(target.resolve("DmgSystemLogs/dmg_system_query")).contains("Rank"),
        "dmg's own outputs");
    Path host;
    try (Stream<Path> s = Files.list(target)) {
      host = s.filter(p -> Files.isDirectory(p.resolve("DaosServerConfig"))).findFirst().orElseThrow();
    }
    assertTrue(Files.readString(host.resolve("DaosServerConfig/daos_server.yml")).contains("engines:"));
    assertEquals("INFO 2026/01/01 00:00:00 daos_server started\n",
        Files.readString(host.resolve("ControlLogs/daos_server.log")));
    assertEquals("engine 0 started\n", Files.readString(host.resolve("EngineLogs/daos_engine.0.log")));
    assertTrue(Files.readString(host.resolve("GenSystemInfo/df_h")).contains("Filesystem"));
    assertTrue(Files.exists(host.resolve("DmgNodeLogs/daos_server_version")));
    assertEquals("app\n", Files.readString(host.resolve("ExtraLogs/app.log")));
    Path tgz = dir.resolve("support.tar.gz");
    Process tar = new ProcessBuilder("tar", "-tzf", tgz.toString()).redirectErrorStream(true).start();
    String listing = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, tar.waitFor(), listing);
    String h = host.getFileName().toString();
    for (String want : List.of("support/DmgSystemLogs/dmg_system_query", "support/" + h
        + "/DaosServerConfig/daos_server.yml", "support/" + h + "/ControlLogs/daos_server.log", "support/" + h
        + "/GenSystemInfo/df_h")) {
      assertTrue(listing.contains(want), want + " in\n" + listing);
    }
  }

  @Test
  @Order(2)
  void test_config_generate_run() throws Exception {
    int ctlPort = Ports.free();
    int fabricPort = Ports.free();
    String yaml;
    Path scm;
    Path bdev;
    try (InProcessCluster c = old) {
      old = null;
      String[] out = dmg(c.controlConfig(), "config", "generate", "-c", "loopback", "-r",
          "127.0.0.1:" + ctlPort, "-f", Integer.toString(fabricPort));
      assertEquals("0", out[0], out[2]);
      yaml = out[1];
      scm = dir.resolve("old/host0/scm0");
      bdev = dir.resolve("old/host0/nvme0/bdev0.img");
    }
    assertTrue(yaml.startsWith("port: " + ctlPort + "\nmgmt_svc_replicas:\n- 127.0.0.1:" + ctlPort + "\n"), yaml);
    assertTrue(yaml.contains("  fabric_iface: lo\n  fabric_iface_port: " + fabricPort + "\n"), yaml);
    assertTrue(yaml.contains("  - class: dir\n    scm_mount: " + scm + "\n"), yaml);
    assertTrue(yaml.contains("  - class: file\n    bdev_list:\n    - " + bdev + "\n    bdev_size: 1\n"), yaml);

    wipe(scm);
    Files.deleteIfExists(bdev);
    Path run = Files.createDirectories(dir.resolve("new/run"));
    Files.createDirectories(dir.resolve("new/log"));
    String sandboxed = yaml.replace("/var/log/daos/", dir.resolve("new/log") + "/") + "socket_dir: " + run
        + "\ntransport_config:\n  allow_insecure: true\n";
    Path file = Files.writeString(dir.resolve("new/daos_server.yml"), sandboxed);
    ServerConfig cfg = ServerConfig.loadAndValidate(file);
    assertEquals(1, cfg.engines().size());

    InMemoryTransport drpc = new InMemoryTransport();
    DaosServer server = DaosServer.builder().config(cfg).launcher(new InProcessEngineLauncher(drpc,
        CartTransports.inMemory())).drpcTransport(drpc).build();
    server.start();
    ControlConfig cc = new ControlConfig("daos_server", ctlPort, List.of("127.0.0.1:" + ctlPort),
        io.daos.control.config.TransportConfig.adminDefaults().withAllowInsecure(true), null);
    try (ControlClient c = ControlClient.builder().config(cc).build()) {
      HostResponses<StorageFormatResp> fmt = c.invokeHosts(CtlSvcGrpc.getStorageFormatMethod(),
          StorageFormatReq.getDefaultInstance(), List.of("127.0.0.1:" + ctlPort));
      assertTrue(!fmt.hasErrors(), fmt.errors().toString());
      Poll.until("the engine of the generated config joined", Duration.ofSeconds(60), () -> {
        try {
          SystemQueryResp q = c.invokeMs(MgmtSvcGrpc.getSystemQueryMethod(), SystemQueryReq.newBuilder()
              .setSys("daos_server").build());
          return q.getMembersCount() == 1 && q.getMembers(0).getState().equals("joined");
        } catch (RuntimeException e) {
          return false;
        }
      }, () -> "server log under " + dir.resolve("new/log"));
    } finally {
      server.close();
    }
  }

  /** Runs dmg in this JVM: {exit code, stdout, stderr}. */
  static String[] dmg(Path controlConfig, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = Stream.concat(Stream.of("-o", controlConfig.toString()), Stream.of(args)).toArray(String[]::new);
    int rc;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      rc = Dmg.run(all, o, e, ControlInvokers::grpc);
    }
    return new String[] {Integer.toString(rc), out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)};
  }

  private static void wipe(Path d) throws IOException {
    try (Stream<Path> s = Files.walk(d)) {
      s.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(d)).forEach(p -> p.toFile().delete());
    }
  }
}
