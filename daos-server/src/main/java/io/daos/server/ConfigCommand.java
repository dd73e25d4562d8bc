package io.daos.server;

import io.daos.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code daos_server config local --state-dir DIR --output FILE} (jdaos extension): the one-node default. */
@Command(name = "config", description = "Generate server configuration",
    subcommands = {ConfigCommand.Local.class})
final class ConfigCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (local)");
  }

  /** Writes {@link ServerConfig#defaultLocal(Path)} as YAML. */
  @Command(name = "local", description = "Write a no-root single-node config (jdaos extension)")
  static final class Local implements Callable<Integer> {
    @Option(names = "--state-dir", required = true, description = "Directory for storage, sockets and logs")
    Path stateDir;

    @Option(names = "--output", required = true, description = "Config file to write")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      ServerConfig.defaultLocal(stateDir.toAbsolutePath()).writeYaml(output);
      spec.commandLine().getOut().println("wrote " + output);
      return 0;
    }
  }
}
