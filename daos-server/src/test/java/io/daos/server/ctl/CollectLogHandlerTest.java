package io.daos.server.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.control.support.SupportLogs;
import io.daos.proto.ctl.CollectLogReq;
import io.daos.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DAOS lib/support/log_test.go TestSupport_copyServerConfig / collectServerLog / collectExtraLogsDir, server side. */
class CollectLogHandlerTest {
  @TempDir
  Path dir;
  private CollectLogHandler handler;
  private Path target;
  private Path host;

  @BeforeEach
  void setUp() throws IOException {
    Path log = Files.createDirectories(dir.resolve("log"));
    Files.writeString(log.resolve("daos_server.log"), "INFO 2023/12/12 12:00:01 control\n");
    Files.writeString(log.resolve("daos_helper.log"), "helper\n");
    Files.writeString(log.resolve("daos_engine.0.log"), "12/12-12:00:01.00 engine\n");
    Files.writeString(log.resolve("daos_engine.0.log.old"), "rotated\n");
    Path yml = Files.writeString(dir.resolve(".daos_server.yml"), "name: daos_server\nport: 10001\n"
        + "mgmt_svc_replicas: ['localhost:10001']\nprovider: ofi+tcp\nsocket_dir: " + dir.resolve("run") + "\n"
        + "control_log_file: " + log.resolve("daos_server.log") + "\nhelper_log_file: " + log.resolve("daos_helper.log")
        + "\ntransport_config:\n  allow_insecure: true\nengines:\n- targets: 1\n  fabric_iface: lo\n"
        + "  fabric_iface_port: 31416\n  log_file: " + log.resolve("daos_engine.0.log") + "\n  storage:\n"
        + "  - class: dir\n    scm_mount: " + dir.resolve("scm") + "\n");
    handler = new CollectLogHandler(ServerConfig.load(yml), () -> false);
    target = dir.resolve("support");
    host = target.resolve(handler.hostFolderName());
  }

  private void collect(int function, String cmd) throws IOException {
    handler.collectLog(CollectLogReq.newBuilder().setTargetFolder(target.toString()).setLogFunction(function)
        .setLogCmd(cmd).build());
  }

  @Test
  void TestSupport_copyServerConfig_hiddenConfigIsCopiedVisible() throws IOException {
    collect(SupportLogs.COPY_SERVER_CONFIG, "");
    assertTrue(Files.readString(host.resolve("DaosServerConfig/daos_server.yml")).startsWith("name: daos_server"));
  }

  @Test
  void TestSupport_collectServerLog() throws IOException {
    collect(SupportLogs.COLLECT_SERVER_LOG, "EngineLog");
    collect(SupportLogs.COLLECT_SERVER_LOG, "ControlLog");
    collect(SupportLogs.COLLECT_SERVER_LOG, "HelperLog");
    assertEquals("rotated\n", Files.readString(host.resolve("EngineLogs/daos_engine.0.log.old")),
        "every file the engine log name starts");
    assertTrue(Files.exists(host.resolve("EngineLogs/daos_engine.0.log")));
    assertEquals("INFO 2023/12/12 12:00:01 control\n", Files.readString(host.resolve("ControlLogs/daos_server.log")));
    assertEquals("helper\n", Files.readString(host.resolve("AdminLogs/daos_helper.log")));
    CtlException e = assertThrows(CtlException.class, () -> collect(SupportLogs.COLLECT_SERVER_LOG, "Nope"));
    assertTrue(e.getMessage().contains("unknown server log"), e.getMessage());
  }

  @Test
  void TestSupport_collectCmdOutput_onlyDaosCommandSetsRun() throws IOException {
    collect(SupportLogs.COLLECT_SYSTEM_CMD, "df -h");
    assertTrue(Files.readString(host.resolve("GenSystemInfo/df_h")).contains("Filesystem"));
    collect(SupportLogs.COLLECT_DAOS_SERVER_CMD, "daos_server version");
    assertEquals("daos_server version 2.9.100\n", Files.readString(host.resolve("DmgNodeLogs/daos_server_version")));
    collect(SupportLogs.COLLECT_DAOS_SERVER_CMD, "dump-topology");
    assertTrue(Files.readString(host.resolve("DmgNodeLogs/daos_server_dump-topology")).startsWith("NUMA nodes: "));
    assertEquals("-- FAIL -- Daos Engine is not Running, so daos_metrics will not be collected",
        assertThrows(CtlException.class, () -> collect(SupportLogs.COLLECT_DAOS_SERVER_CMD, "daos_metrics"))
            .getMessage());
    CtlException e = assertThrows(CtlException.class, () -> collect(SupportLogs.COLLECT_SYSTEM_CMD, "rm -rf /"));
    assertTrue(e.getMessage().contains("is not one of the host information commands"), e.getMessage());
    assertThrows(CtlException.class, () -> collect(SupportLogs.COLLECT_DMG_CMD, "dmg system query"));
    assertThrows(CtlException.class, () -> handler.collectLog(CollectLogReq.newBuilder()
        .setTargetFolder("relative/dir").build()));
  }

  @Test
  void TestSupport_collectExtraLogsDirAndArchive() throws IOException {
    Path extra = Files.createDirectories(dir.resolve("extra"));
    Files.writeString(extra.resolve("x.log"), "x");
    handler.collectLog(CollectLogReq.newBuilder().setTargetFolder(target.toString())
        .setLogFunction(SupportLogs.COLLECT_EXTRA_LOGS_DIR).setExtraLogsDir(extra.toString()).build());
    assertEquals("x", Files.readString(host.resolve("ExtraLogs/x.log")));
    collect(SupportLogs.ARCHIVE_LOGS, "");
    assertTrue(Files.size(dir.resolve("support.tar.gz")) > 0);
    collect(SupportLogs.RSYNC_LOG, "");
  }
}
