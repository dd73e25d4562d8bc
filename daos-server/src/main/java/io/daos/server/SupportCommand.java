package io.daos.server;

import io.daos.control.support.CollectLogFlags;
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
    @CommandLine.Mixin
    CollectLogFlags flags;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      CollectLogOptions opts = flags.options();
      opts.validate();
      Path file = config != null ? config : StartCommand.DEFAULT_CONFIG;
      if (!Files.isReadable(file)) {
        throw new ConfigException(file.toString(), 0, "cannot read config file (use -o to name one)");
      }
      CollectLogHandler handler = new CollectLogHandler(ServerConfig.load(file), CollectLog::engineRunning);
      Path target = flags.target(java.time.Clock.systemDefaultZone());
      out.println("Support logs will be copied to " + target);
      for (Map.Entry<Integer, List<String>> e : opts.serverItems().entrySet()) {
        for (String cmd : e.getValue()) {
          try {
            handler.collectLog(opts.request(target.toString(), e.getKey(), cmd));
          } catch (IOException | RuntimeException err) {
            out.println(err.getMessage());
            if (flags.stopOnError()) {
              throw err;
            }
          }
        }
      }
      if (flags.archive()) {
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
