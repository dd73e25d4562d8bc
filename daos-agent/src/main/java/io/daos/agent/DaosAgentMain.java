package io.daos.agent;

import io.daos.agent.config.AgentConfig;
import io.daos.agent.config.AgentConfigException;
import io.daos.common.ControlLogging;
import io.daos.common.build.BuildInfo;
import io.daos.common.fault.Fault;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/**
 * {@code daos_agent [-o FILE] [-i] [-s runtime_dir] [-l logfile] [-d] [start|version]} with DAOS's flags; no
 * command means {@code start}. Errors print {@code ERROR: daos_agent: ...} and exit 1.
 */
@Command(name = "daos_agent", mixinStandardHelpOptions = true, versionProvider = DaosAgentMain.VersionInfo.class,
    description = "DAOS client agent", subcommands = {DaosAgentMain.Start.class, DaosAgentMain.Version.class})
public final class DaosAgentMain implements Callable<Integer> {
  @Option(names = {"-o", "--config-path"}, scope = ScopeType.INHERIT,
      description = "Path to agent configuration file (default /etc/daos/daos_agent.yml)")
  Path configPath;

  @Option(names = {"-i", "--insecure"}, scope = ScopeType.INHERIT,
      description = "have agent attempt to connect without certificates")
  boolean insecure;

  @Option(names = {"-s", "--runtime_dir"}, scope = ScopeType.INHERIT,
      description = "Path to agent communications socket")
  String runtimeDir;

  @Option(names = {"-l", "--logfile"}, scope = ScopeType.INHERIT,
      description = "Full path and filename for daos agent log file")
  String logFile;

  @Option(names = {"-d", "--debug"}, scope = ScopeType.INHERIT, description = "Enable debug output")
  boolean debug;

  @Option(names = "--allow-proxy", scope = ScopeType.INHERIT,
      description = "Allow proxy configuration via environment")
  boolean allowProxy;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and returns the exit code (blocks while the agent runs). */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new DaosAgentMain());
    cl.setOut(out).setErr(err);
    cl.setParameterExceptionHandler((e, argv) -> {
      e.getCommandLine().getErr().println("ERROR: daos_agent: " + e.getMessage());
      e.getCommandLine().usage(e.getCommandLine().getErr());
      return 1;
    });
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("ERROR: daos_agent: " + e.getMessage());
      return 1;
    });
    return cl.execute(args);
  }

  /** No command: start. */
  @Override
  public Integer call() throws Exception {
    return start(spec.commandLine().getErr());
  }

  int start(PrintWriter err) throws InterruptedException {
    AgentConfig cfg;
    try {
      cfg = loadConfig();
    } catch (AgentConfigException | Fault e) {
      err.println("ERROR: daos_agent: " + e.getMessage());
      return 1;
    }
    ControlLogging.configure(cfg.controlLogMask(), cfg.logFile(), "AGENT_LOG_FILE");
    DaosAgent agent = DaosAgent.builder(cfg).build();
    AgentSignals.install(agent);
    try {
      agent.start();
    } catch (Exception e) {
      err.println("ERROR: daos_agent: " + e.getMessage());
      if (e instanceof Fault f) {
        err.println("ERROR: daos_agent: " + f.resolutionLine());
      }
      return 1;
    }
    agent.awaitClosed();
    return 0;
  }

  /** DAOS's processConfig: the file (must exist), then -l, -d, -s and -i overrides. */
  AgentConfig loadConfig() {
    Path file = configPath != null ? configPath : AgentConfig.DEFAULT_PATH;
    if (!Files.isRegularFile(file)) {
      throw new AgentConfigException("failed to load agent configuration: config file \"" + file
          + "\" not found (name one with -o/--config-path)");
    }
    AgentConfig cfg = AgentConfig.load(file);
    if (logFile != null) {
      cfg = cfg.withLogFile(logFile);
    }
    if (debug) {
      cfg = cfg.withControlLogMask("TRACE");
    }
    if (runtimeDir != null) {
      cfg = cfg.withRuntimeDir(runtimeDir);
    }
    if (insecure) {
      cfg = cfg.withTransport(cfg.transport().withAllowInsecure(true));
    }
    return cfg.validate();
  }

  /** "daos_agent version 2.9.100". */
  static String versionLine() {
    return "daos_agent version " + BuildInfo.DAOS_VERSION;
  }

  @Command(name = "start", description = "Start daos_agent daemon (default behavior)")
  static final class Start implements Callable<Integer> {
    @CommandLine.ParentCommand
    DaosAgentMain main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      return main.start(spec.commandLine().getErr());
    }
  }

  @Command(name = "version", description = "Print daos_agent version")
  static final class Version implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().getOut().println(versionLine());
      return 0;
    }
  }

  static final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {versionLine()};
    }
  }
}
