package io.daos.dmg;

import io.daos.common.fault.Fault;
import io.daos.control.config.ControlConfig;
import io.daos.common.cli.ErrorText;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.cont.ContCommand;
import io.daos.dmg.command.CommandContext;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.HostLists;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.command.network.NetworkCommand;
import io.daos.dmg.command.storage.StorageCommand;
import io.daos.dmg.command.pool.PoolCommand;
import io.daos.dmg.command.system.SystemCommand;
import io.daos.dmg.command.version.ServerVersionCommand;
import io.daos.dmg.command.version.VersionCommand;
import io.daos.dmg.output.DmgJson;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code dmg} root command: global flags, command tree, and the one path that renders output and errors. */
@Command(name = "dmg", mixinStandardHelpOptions = false,
    description = "Administrative tool for managing DAOS clusters")
public final class Dmg implements BaseCommand.CommandRunner, CommandContext {
  /** The top-level commands, in help order (added by {@link CommandTree}: a run builds only the one it needs). */
  static final List<Class<?>> COMMANDS = List.of(VersionCommand.class, ServerVersionCommand.class,
      NetworkCommand.class, StorageCommand.class, SystemCommand.class, PoolCommand.class, ContCommand.class,
      io.daos.dmg.command.telemetry.TelemetryCommand.class, io.daos.dmg.command.server.ServerCommand.class,
      io.daos.dmg.command.config.ConfigCommand.class, io.daos.dmg.command.support.SupportCommand.class,
      io.daos.dmg.command.check.CheckCommand.class, io.daos.dmg.command.check.FaultsCommand.class);

  @Option(names = {"-o", "--config-path"}, scope = ScopeType.INHERIT, description = "Client config file path")
  String configPath;
  @Option(names = {"-l", "--host-list"}, scope = ScopeType.INHERIT,
      description = "A comma separated list of addresses <ipv4addr/hostname> to connect to")
  String hostList;
  @Option(names = {"-i", "--insecure"}, scope = ScopeType.INHERIT,
      description = "Have dmg attempt to connect without certificates")
  boolean insecure;
  @Option(names = {"-d", "--debug"}, scope = ScopeType.INHERIT, description = "Enable debug output")
  boolean debug;
  @Option(names = {"-j", "--json"}, scope = ScopeType.INHERIT, description = "Enable JSON output")
  boolean json;
  @Option(names = {"-J", "--json-logging"}, scope = ScopeType.INHERIT,
      description = "Enable JSON-formatted log output")
  boolean jsonLogging;
  @Option(names = "--log-file", scope = ScopeType.INHERIT, description = "Log command output to the specified file")
  String logFile;
  @Option(names = "--allow-proxy", scope = ScopeType.INHERIT,
      description = "Allow proxy configuration via environment")
  boolean allowProxy;
  @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help")
  boolean help;

  private final PrintStream out;
  private final PrintStream err;
  private final Function<ControlConfig, ControlInvoker> invokerFactory;
  private final Function<java.nio.file.Path, ControlConfig> configLoader;
  private ControlConfig config;
  /** What {@code dmg system query} adds on stderr when it ran without TLS. */
  static final String INSECURE_WARNING = "WARNING: insecure mode (allow_insecure / -i): the control plane is not "
      + "authenticated; see \"Secure set-up\" in docs/admin-guide.md";
  private boolean wroteJson;
  private boolean jsonArg;

  Dmg(PrintStream out, PrintStream err, Function<ControlConfig, ControlInvoker> invokerFactory) {
    this(out, err, invokerFactory, ControlConfig::load);
  }

  Dmg(PrintStream out, PrintStream err, Function<ControlConfig, ControlInvoker> invokerFactory,
      Function<java.nio.file.Path, ControlConfig> configLoader) {
    this.out = out;
    this.err = err;
    this.invokerFactory = invokerFactory;
    this.configLoader = configLoader;
  }

  /** Parses and runs {@code args}; returns the process exit code (0 success, 1 any error). */
  public static int run(String[] args, PrintStream out, PrintStream err,
      Function<ControlConfig, ControlInvoker> invokerFactory) {
    return run(args, out, err, invokerFactory, ControlConfig::load);
  }

  /**
   * As {@link #run(String[], PrintStream, PrintStream, Function)}, reading the configuration through
   * {@code configLoader} (given {@code -o}'s path, or null for the default search), as {@link ControlConfig#load}.
   */
  public static int run(String[] args, PrintStream out, PrintStream err,
      Function<ControlConfig, ControlInvoker> invokerFactory,
      Function<java.nio.file.Path, ControlConfig> configLoader) {
    args = shadowGlobalFlags(args);
    Dmg root = new Dmg(out, err, invokerFactory, configLoader);
    root.jsonArg = java.util.Arrays.stream(args).anyMatch(a -> a.equals("--json") || shortFlagsWithJ(a));
    CommandLine cl = new CommandTree(root, COMMANDS).forArgs(args);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler((e, a) -> root.fail(e, e.getCommandLine()));
    cl.setExecutionExceptionHandler((e, c, r) -> root.fail(e, c));
    return cl.execute(args);
  }

  /** Whether {@code a} is a cluster of short flags ({@code -j}, {@code -ij}, ...: letters only) with {@code j}. */
  static boolean shortFlagsWithJ(String a) {
    if (a.length() < 2 || a.charAt(0) != '-' || a.indexOf('j') < 0) {
      return false;
    }
    for (int i = 1; i < a.length(); i++) {
      char c = a.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }

  /**
   * A subcommand's short flag that is also a global one: after {@code parents} {@code names}, {@code flag} is
   * {@code longName}, which takes a value or, when {@code bool}, none (then {@code -dj} is {@code --long -j}).
   */
  private record Shadow(java.util.Set<String> parents, java.util.Set<String> names, String flag, String longName,
      boolean bool) {
  }

  private static final List<Shadow> SHADOWS = List.of(
      new Shadow(java.util.Set.of("server", "srv"), java.util.Set.of("set-logmasks", "slm"), "-d", "--streams", false),
      new Shadow(java.util.Set.of("telemetry", "telem"), java.util.Set.of("config"), "-i", "--install-dir", false),
      new Shadow(java.util.Set.of("check"), java.util.Set.of("set-policy"), "-d", "--reset-defaults", true),
      new Shadow(java.util.Set.of("mgmt-svc", "ms"), java.util.Set.of("pool"), "-l", "--label", false),
      new Shadow(java.util.Set.of("faults"), java.util.Set.of("pool-svc", "ps"), "-l", "--label", false));

  /**
   * A subcommand's own short flag shadows the global one after the subcommand's name, as in DAOS's go-flags
   * (picocli cannot give a subcommand an inherited option's name): {@code dmg server set-logmasks -d STREAMS} is
   * {@code --streams}, {@code dmg telemetry config -i DIR} is {@code --install-dir}, {@code dmg check set-policy -d}
   * is {@code --reset-defaults} and {@code dmg faults mgmt-svc pool|pool-svc -l LABEL} is {@code --label}, while
   * {@code -d}, {@code -i} and {@code -l} before them are {@code --debug}, {@code --insecure} and {@code --host-list}.
   */
  static String[] shadowGlobalFlags(String[] args) {
    for (int i = 1; i < args.length; i++) {
      for (Shadow sh : SHADOWS) {
        if (sh.names().contains(args[i]) && sh.parents().contains(args[i - 1])) {
          List<String> out = new java.util.ArrayList<>(List.of(args).subList(0, i + 1));
          for (int j = i + 1; j < args.length; j++) {
            String a = args[j];
            if (a.equals(sh.flag())) {
              out.add(sh.longName());
            } else if (a.startsWith(sh.flag()) && !a.startsWith("--")) {
              if (sh.bool()) {
                out.add(sh.longName());
                out.add("-" + a.substring(2));
              } else {
                out.add(sh.longName() + "=" + a.substring(2));
              }
            } else {
              out.add(a);
            }
          }
          return out.toArray(String[]::new);
        }
      }
    }
    return args;
  }

  @Override
  public int run(BaseCommand cmd) {
    if (!cmd.requiresClient()) {
      return render(cmd.executeWith(null));
    }
    config = loadConfig();
    try (ControlInvoker client = invokerFactory.apply(config)) {
      int rc = render(cmd.executeWith(client));
      if (!json && config.transport().allowInsecure()
          && cmd instanceof io.daos.dmg.command.system.SystemQueryCommand) {
        err.println(INSECURE_WARNING);
      }
      return rc;
    }
  }

  private ControlConfig loadConfig() {
    ControlConfig cfg = configLoader.apply(configPath == null ? null : java.nio.file.Path.of(configPath));
    List<String> hosts = hostList();
    if (!hosts.isEmpty()) {
      cfg = cfg.withHostList(hosts);
    }
    return insecure ? cfg.withInsecure(true) : cfg;
  }

  private int render(Outcome outcome) {
    if (json) {
      writeJson(outcome.response(), outcome.error());
    } else if (outcome.text() != null) {
      StringBuilder o = new StringBuilder();
      StringBuilder e = new StringBuilder();
      outcome.text().print(o, e);
      out.print(o);
      out.flush();
      err.print(e);
    }
    if (outcome.error() != null) {
      printError(outcome.error());
      return 1;
    }
    return 0;
  }

  private void writeJson(Object response, Throwable error) {
    if (!wroteJson) {
      wroteJson = true;
      out.print(DmgJson.render(response, error));
      out.flush();
    }
  }

  private int fail(Exception e, CommandLine cl) {
    if (json || jsonArg) {
      writeJson(null, e);
    }
    printError(e);
    if (e instanceof CommandLine.ParameterException) {
      err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
    }
    return 1;
  }

  private void printError(Throwable e) {
    err.println("ERROR: dmg: " + ErrorText.message(e));
    Fault f = findFault(e);
    if (f != null) {
      if (!f.reason().isEmpty()) {
        err.println("ERROR: dmg: " + f.domain() + ": reason: " + f.reason());
      }
      err.println("ERROR: dmg: " + f.resolutionLine());
    } else if (e instanceof io.daos.dmg.command.CommandError ce && ce.hint() != null) {
      err.println("ERROR: dmg: " + ce.hint());
    }
    if (debug) {
      StringWriter sw = new StringWriter();
      e.printStackTrace(new PrintWriter(sw));
      err.print(sw);
    }
    err.flush();
  }

  private static Fault findFault(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Fault f) {
        return f;
      }
    }
    return null;
  }

  @Override
  public CommandContext context() {
    return this;
  }

  @Override
  public ControlConfig config() {
    return config == null ? loadConfig() : config;
  }

  @Override
  public List<String> hostList() {
    int port = config == null ? io.daos.common.build.BuildInfo.DEFAULT_CONTROL_PORT : config.port();
    return hostList == null ? List.of() : HostLists.expand(hostList, port);
  }

  @Override
  public boolean json() {
    return json;
  }

  @Override
  public ControlInvoker openInvoker() {
    return invokerFactory.apply(config());
  }

  @Override
  public int runDmg(List<String> args, PrintStream o, PrintStream e) {
    List<String> all = new java.util.ArrayList<>();
    if (configPath != null) {
      all.addAll(List.of("-o", configPath));
    }
    if (insecure) {
      all.add("-i");
    }
    all.addAll(args);
    return run(all.toArray(String[]::new), o, e, invokerFactory);
  }
}
