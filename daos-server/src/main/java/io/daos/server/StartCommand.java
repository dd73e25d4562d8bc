package io.daos.server;

import io.daos.common.ControlLogging;
import io.daos.common.fault.Fault;
import io.daos.server.config.ConfigException;
import io.daos.server.config.ServerConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code daos_server start -o FILE [-i] [-p port] [-d socket_dir] [--auto-format]}. */
@Command(name = "start", description = "Start daos_server")
final class StartCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(StartCommand.class);
  static final Path DEFAULT_CONFIG = Path.of("/etc/daos/daos_server.yml");

  @Spec
  CommandSpec spec;

  @Option(names = {"-o", "--config"}, description = "Server config file (default /etc/daos/daos_server.yml)")
  Path config;

  @Option(names = {"-i", "--insecure"}, description = "Allow insecure connections")
  boolean insecure;

  @Option(names = {"-p", "--port"}, description = "Port for the gRPC management interface to listen on")
  Integer port;

  @Option(names = {"-d", "--socket_dir"}, description = "Location for all daos_server and daos_engine sockets")
  String socketDir;

  @Option(names = "--auto-format", description = "Automatically format storage on server start")
  boolean autoFormat;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    DaosServer server;
    try {
      server = DaosServer.builder().config(load()).build();
    } catch (ConfigException e) {
      err.println("ERROR: " + e.getMessage());
      return 1;
    } catch (Fault e) {
      printFault(err, e);
      return 1;
    }
    ServerConfig cfg = server.config();
    ControlLogging.configure(cfg.controlLogMask(), cfg.controlLogFile(), "CONTROL_LOG_FILE");
    if (autoFormat) {
      LOG.warn("--auto-format is not supported yet; format with 'dmg storage format'");
    }
    return serve(server, err);
  }

  private ServerConfig load() {
    Path file = config != null ? config : DEFAULT_CONFIG;
    if (!Files.isReadable(file)) {
      throw new ConfigException(file.toString(), 0, "cannot read config file (use -o to name one)");
    }
    ServerConfig cfg = ServerConfig.load(file);
    if (insecure) {
      cfg = cfg.withTransport(cfg.transport().withAllowInsecure(true));
    }
    if (port != null) {
      cfg = cfg.withPort(port);
    }
    if (socketDir != null) {
      cfg = cfg.withSocketDir(socketDir);
    }
    return cfg;
  }

  /** A fault as DAOS prints it: description, the reason when there is one, and the resolution. */
  private static void printFault(PrintWriter err, Fault f) {
    err.println("ERROR: " + f.getMessage());
    if (!f.reason().isEmpty()) {
      err.println("ERROR: " + f.domain() + ": reason: " + f.reason());
    }
    err.println("ERROR: " + f.resolutionLine());
  }

  private static int serve(DaosServer server, PrintWriter err) throws InterruptedException {
    Signals.onTermination(server);
    try {
      server.start();
    } catch (Fault e) {
      printFault(err, e);
      return 1;
    } catch (Exception e) {
      err.println("ERROR: " + e.getMessage());
      return 1;
    }
    server.awaitClosed();
    return 0;
  }
}
