package io.daos.server;

import io.daos.control.support.CollectLogOptions;
import io.daos.control.support.SupportLogs;
import io.daos.server.config.ConfigException;
import io.daos.server.config.ServerConfig;
import io.daos.server.ctl.CollectLogHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code daos_server support collect-log}: the server part of the support collection, on this host (DAOS). */
@Command(name = "support", description = "Perform debug tasks to help support team",
    subcommands = {SupportCommand.CollectLog.class})
final class SupportCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (collect-log)");
  }

  /** Collects config, host information, logs and daos_server information into the target folder. */
  @Command(name = "collect-log", description = "Collect logs from server")
  static final class CollectLog implements Callable<Integer> {
    @Option(names = {"-o", "--config"}, description = "Server config file (default /etc/daos/daos_server.yml)")
    Path config;
    @Option(names = {"-s", "--stop-on-error"}, description = "Stop the collect-log command on very first error")
    boolean stopOnError;
    @Option(names = {"-t", "--target-folder"}, description = "Target Folder location where log will be copied")
    String targetFolder;
    @Option(names = {"-z", "--archive"}, description = "Archive the log/config files")
    boolean archive;
    @Option(names = {"-c", "--extra-logs-dir"}, description = "Collect the Logs from given directory")
    String extraLogsDir;
    @Option(names = {"-D", "--start-date"}, description = "Start date of the logs collected, Format: YYYY-MM-DD")
    String startDate;
    @Option(names = {"-F", "--end-date"}, description = "End date of the logs collected, Format: YYYY-MM-DD")
    String endDate;
    @Option(names = {"-S", "--log-start-time"}, description = "Log collection start time, Format: HH:MM:SS")
    String startTime;
    @Option(names = {"-E", "--log-end-time"}, description = "Log collection end time, Format: HH:MM:SS")
    String endTime;
    @Option(names = {"-T", "--transfer-args"}, description = "Extra arguments for alternate file transfer tool")
    String transferArgs;
    @Option(names = {"-e", "--log-type"},
        description = "collect specific logs only admin,control,server and ignore everything else")
    String logType;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      CollectLogOptions opts = new CollectLogOptions(stopOnError, extraLogsDir, startDate, endDate, startTime,
          endTime, transferArgs, logType);
      opts.validate();
      Path file = config != null ? config : StartCommand.DEFAULT_CONFIG;
      if (!Files.isReadable(file)) {
        throw new ConfigException(file.toString(), 0, "cannot read config file (use -o to name one)");
      }
      CollectLogHandler handler = new CollectLogHandler(ServerConfig.load(file), CollectLog::engineRunning);
      Path target = targetFolder != null && !targetFolder.isEmpty() ? Path.of(targetFolder).toAbsolutePath()
          : CollectLogOptions.defaultTarget(java.time.Clock.systemDefaultZone());
      out.println("Support logs will be copied to " + target);
      for (Map.Entry<Integer, List<String>> e : opts.serverItems().entrySet()) {
        for (String cmd : e.getValue()) {
          try {
            handler.collectLog(opts.request(target.toString(), e.getKey(), cmd));
          } catch (IOException | RuntimeException err) {
            out.println(err.getMessage());
            if (stopOnError) {
              throw err;
            }
          }
        }
      }
      if (archive) {
        SupportLogs.archive(target);
        // as DAOS: the archive replaces the folder
        try (var s = Files.walk(target)) {
          s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      return 0;
    }

    /** Whether a daos_engine runs on this host (DAOS: pidof daos_engine; jdaos engines are JVMs). */
    static boolean engineRunning() {
      return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine()
          .map(c -> c.contains("daos_engine") || c.contains("io.daos.engine.EngineMain")).orElse(false));
    }
  }
}
