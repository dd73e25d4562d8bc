package io.daos.server.ctl;

import io.daos.common.build.BuildInfo;
import io.daos.control.support.SupportLogs;
import io.daos.proto.ctl.CollectLogReq;
import io.daos.proto.ctl.CollectLogResp;
import io.daos.proto.ctl.FabricInterface;
import io.daos.proto.ctl.NetworkScanReq;
import io.daos.proto.ctl.NetworkScanResp;
import io.daos.server.config.EngineConfig;
import io.daos.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CollectLog (DAOS ctl_support_rpc.go and lib/support CollectSupportLog) on this server: one log function per
 * request, writing under {@code <TargetFolder>/<host>/}: the server config (DaosServerConfig), host information
 * (GenSystemInfo), engine/control/helper logs in the date window (EngineLogs, ControlLogs, AdminLogs), an extra log
 * directory (ExtraLogs), daos_server information (DmgNodeLogs), the support_config file_transfer_exec copy, and the
 * tar.gz archive of the target folder.
 *
 * <p>Unlike DAOS, which runs whatever command the request names, only DAOS's own command sets are run; the agent,
 * client and dmg functions belong to daos_agent and dmg and are refused. {@code <host>} is the host name, with the
 * control address appended when the config sets one (jdaos runs several servers on one host in tests).
 */
public final class CollectLogHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CollectLogHandler.class);
  static final Duration CMD_TIMEOUT = Duration.ofSeconds(60);

  private final ServerConfig cfg;
  private final BooleanSupplier enginesRunning;
  private final NetworkScanHandler network;

  /** {@code enginesRunning}: whether any engine of this server runs (daos_metrics needs one). */
  public CollectLogHandler(ServerConfig cfg, BooleanSupplier enginesRunning) {
    this(cfg, enginesRunning, new NetworkScanHandler());
  }

  CollectLogHandler(ServerConfig cfg, BooleanSupplier enginesRunning, NetworkScanHandler network) {
    this.cfg = cfg;
    this.enginesRunning = enginesRunning;
    this.network = network;
  }

  /** The folder this server writes under, in {@code target}. */
  public String hostFolderName() {
    String host = SupportLogs.hostName();
    String addr = cfg.controlAddr();
    return addr == null || addr.isEmpty() ? host : host + "_" + addr;
  }

  public CollectLogResp collectLog(CollectLogReq req) throws IOException {
    if (req == null) {
      throw new CtlException("nil request");
    }
    LOG.info("Support CollectLog: log function {}, cmd/log {}", req.getLogFunction(), req.getLogCmd());
    if (req.getTargetFolder().isEmpty() || !Path.of(req.getTargetFolder()).isAbsolute()) {
      throw new CtlException("the target folder must be an absolute path, got \"" + req.getTargetFolder() + "\"");
    }
    Path target = Path.of(req.getTargetFolder());
    Path host = target.resolve(hostFolderName());
    switch (req.getLogFunction()) {
      case SupportLogs.COPY_SERVER_CONFIG -> copyServerConfig(host);
      case SupportLogs.COLLECT_SYSTEM_CMD -> systemCmd(host, req.getLogCmd());
      case SupportLogs.COLLECT_SERVER_LOG -> serverLog(host, req);
      case SupportLogs.COLLECT_EXTRA_LOGS_DIR -> extraLogs(host, req.getExtraLogsDir());
      case SupportLogs.COLLECT_DAOS_SERVER_CMD -> daosServerCmd(host, req.getLogCmd());
      case SupportLogs.RSYNC_LOG -> rsync(target, req.getFileTransferExecArgs());
      case SupportLogs.ARCHIVE_LOGS -> SupportLogs.archive(target);
      case SupportLogs.COLLECT_DMG_CMD, SupportLogs.COLLECT_DMG_DISK_INFO, SupportLogs.COLLECT_AGENT_CMD,
          SupportLogs.COLLECT_CLIENT_LOG, SupportLogs.COLLECT_AGENT_LOG, SupportLogs.COPY_AGENT_CONFIG ->
          throw new CtlException("log function " + req.getLogFunction() + " is collected by dmg or daos_agent, "
              + "not by daos_server");
      default -> throw new CtlException("unknown log function " + req.getLogFunction());
    }
    return CollectLogResp.getDefaultInstance();
  }

  private void copyServerConfig(Path host) throws IOException {
    Path src = cfg.path();
    if (src == null) {
      throw new CtlException("this server was not started from a config file");
    }
    Path dir = SupportLogs.folder(host, SupportLogs.SERVER_CONFIG);
    String name = src.getFileName().toString();
    // a hidden config is copied visible, as DAOS renames it
    Files.copy(src, dir.resolve(name.startsWith(".") ? name.substring(1) : name),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static void systemCmd(Path host, String cmd) throws IOException {
    if (!SupportLogs.SYSTEM_CMDS.contains(cmd)) {
      throw new CtlException("\"" + cmd + "\" is not one of the host information commands " + SupportLogs.SYSTEM_CMDS);
    }
    writeOutput(SupportLogs.folder(host, SupportLogs.GEN_SYSTEM_INFO), cmd, SupportLogs.run(cmd, CMD_TIMEOUT));
  }

  private static void writeOutput(Path dir, String cmd, String out) throws IOException {
    Files.writeString(dir.resolve(SupportLogs.outputName(cmd)), out);
  }

  private void serverLog(Path host, CollectLogReq req) throws IOException {
    SupportLogs.Window w = SupportLogs.Window.of(req.getLogStartDate(), req.getLogEndDate(), req.getLogStartTime(),
        req.getLogEndTime());
    switch (req.getLogCmd()) {
      case "EngineLog" -> {
        if (cfg.engines().isEmpty()) {
          throw new CtlException("Engine count is 0 from server config");
        }
        Path dir = SupportLogs.folder(host, SupportLogs.ENGINE_LOGS);
        for (EngineConfig e : cfg.engines()) {
          for (Path log : matches(e.logFile())) {
            try {
              SupportLogs.copyLog(log, dir, w);
            } catch (IOException err) {
              if (req.getStopOnError()) {
                throw err;
              }
              LOG.warn("support: {} not copied: {}", log, err.toString());
            }
          }
        }
      }
      case "ControlLog" -> copyOne(cfg.controlLogFile(), SupportLogs.folder(host, SupportLogs.CONTROL_LOGS), w,
          "control_log_file");
      case "HelperLog" -> copyOne(cfg.helperLogFile(), SupportLogs.folder(host, SupportLogs.ADMIN_LOGS), w,
          "helper_log_file");
      default -> throw new CtlException("unknown server log \"" + req.getLogCmd() + "\", want one of "
          + SupportLogs.SERVER_LOGS);
    }
  }

  private static void copyOne(String file, Path dir, SupportLogs.Window w, String key) throws IOException {
    if (file == null || file.isEmpty()) {
      throw new CtlException("no " + key + " in the server config");
    }
    SupportLogs.copyLog(Path.of(file), dir, w);
  }

  /** The files whose names start with {@code file}'s (DAOS filepath.Glob(logFile + "*")). */
  private static java.util.List<Path> matches(String file) throws IOException {
    if (file == null || file.isEmpty()) {
      return java.util.List.of();
    }
    Path p = Path.of(file);
    Path dir = p.toAbsolutePath().getParent();
    java.util.List<Path> out = new java.util.ArrayList<>();
    if (dir == null || !Files.isDirectory(dir)) {
      return out;
    }
    String prefix = p.getFileName().toString();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, q -> q.getFileName().toString().startsWith(prefix)
        && Files.isRegularFile(q))) {
      ds.forEach(out::add);
    }
    out.sort(null);
    return out;
  }

  private static void extraLogs(Path host, String dir) throws IOException {
    if (dir.isEmpty()) {
      throw new CtlException("no extra logs directory given");
    }
    LOG.info("Log will be collected from custom location {}", dir);
    SupportLogs.copyTree(Path.of(dir), SupportLogs.folder(host, SupportLogs.EXTRA_LOGS));
  }

  private void daosServerCmd(Path host, String cmd) throws IOException {
    Path dir = SupportLogs.folder(host, SupportLogs.DMG_NODE_LOGS);
    switch (cmd) {
      case "daos_server version" -> writeOutput(dir, cmd, "daos_server version " + BuildInfo.DAOS_VERSION + "\n");
      case "daos_metrics" -> {
        if (!enginesRunning.getAsBoolean()) {
          throw new CtlException("-- FAIL -- Daos Engine is not Running, so daos_metrics will not be collected");
        }
        // as DAOS on a host without the daos_metrics tool: logged, not an error (jdaos serves engine metrics on
        // telemetry_port; see dmg telemetry metrics query)
        LOG.warn("support: daos_metrics is not part of jdaos; engine metrics are not collected");
      }
      case "dump-topology" -> Files.writeString(dir.resolve("daos_server_dump-topology"), topology());
      default -> throw new CtlException("\"" + cmd + "\" is not one of the daos_server commands "
          + SupportLogs.DAOS_SERVER_CMDS);
    }
  }

  private String topology() throws IOException {
    NetworkScanResp n = network.scan(NetworkScanReq.newBuilder().setProvider("all").build());
    StringBuilder sb = new StringBuilder();
    sb.append("NUMA nodes: ").append(n.getNumacount()).append('\n');
    sb.append("Cores per NUMA node: ").append(n.getCorespernuma()).append('\n');
    sb.append("Fabric interfaces:\n");
    for (FabricInterface fi : n.getInterfacesList()) {
      sb.append("  ").append(fi.getDevice()).append(" (NUMA ").append(fi.getNumanode()).append(", class ")
          .append(fi.getNetdevclass()).append(", provider ").append(fi.getProvider()).append(")\n");
    }
    return sb.toString();
  }

  /** DAOS rsyncLog: the configured support_config.file_transfer_exec copies the folder; nothing when unset. */
  private void rsync(Path target, String args) throws IOException {
    String exec = cfg.supportConfig() == null ? "" : cfg.supportConfig().fileTransferExec();
    if (exec.isEmpty()) {
      return;
    }
    java.util.List<String> argv = new java.util.ArrayList<>(java.util.List.of(exec.trim().split("\\s+")));
    argv.add(target.toString());
    if (!args.isBlank()) {
      argv.addAll(java.util.List.of(args.trim().split("\\s+")));
    }
    String out = SupportLogs.run(argv, CMD_TIMEOUT);
    LOG.info("customCopy: {} {} {} stdout:\n{}", exec, target, args, out);
  }
}
