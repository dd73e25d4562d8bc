package io.daos.tool;

import io.daos.tool.api.DaosApi;
import io.daos.tool.command.CommandContext;
import io.daos.tool.command.DaosCommand;
import io.daos.tool.command.Outcome;
import io.daos.tool.cont.ContainerCommand;
import io.daos.tool.output.ErrorText;
import io.daos.tool.output.JsonEnvelope;
import io.daos.tool.pool.PoolCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code daos} root command: global flags, the command tree and the one path that prints output and errors. */
@Command(name = "daos", description = "Command to manage DAOS pool/container/object",
    subcommands = {PoolCommand.class, ContainerCommand.class, VersionCommand.class})
public final class Daos implements Callable<Integer>, DaosCommand.CommandRunner, CommandContext {
  @Option(names = {"-j", "--json"}, scope = ScopeType.INHERIT, description = "Enable JSON output")
  boolean json;
  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Enable debug output")
  boolean debug;
  @Option(names = "--verbose", description = "Enable verbose output (when applicable)")
  boolean verbose;
  @Option(names = {"-G", "--sys-name"}, scope = ScopeType.INHERIT, description = "DAOS system name (optional)")
  String sysName;
  @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help")
  boolean help;

  private final PrintStream out;
  private final PrintStream err;
  private final Function<String, DaosApi> apis;
  private final ZoneId zone;
  private DaosApi api;
  private boolean jsonArg;

  Daos(PrintStream out, PrintStream err, Function<String, DaosApi> apis, ZoneId zone) {
    this.out = out;
    this.err = err;
    this.apis = apis;
    this.zone = zone;
  }

  /** Parses and runs {@code args}; returns the exit code (0 success, 1 any error). */
  public static int run(String[] args, PrintStream out, PrintStream err, Function<String, DaosApi> apis,
      ZoneId zone) {
    Daos root = new Daos(out, err, apis, zone);
    root.jsonArg = java.util.Arrays.stream(args).anyMatch(a -> a.equals("-j") || a.equals("--json"));
    CommandLine cl = new CommandLine(root);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler((e, a) -> root.fail(ParseErrors.of(e)));
    cl.setExecutionExceptionHandler((e, c, r) -> root.fail(e));
    try {
      return cl.execute(args);
    } finally {
      root.closeApi();
    }
  }

  @Override
  public Integer call() {
    return fail(io.daos.tool.output.CliError.of(
        "Please specify one command of: container, pool or version (see 'daos --help')"));
  }

  @Override
  public int run(DaosCommand cmd) {
    Outcome o;
    try {
      o = cmd.executeWith(this);
    } catch (RuntimeException e) {
      return fail(e);
    }
    if (json) {
      out.print(JsonEnvelope.render(o.response(), null));
    } else if (o.text() != null) {
      out.print(o.text());
    }
    out.flush();
    return 0;
  }

  private int fail(Exception e) {
    if (json || jsonArg) {
      out.print(JsonEnvelope.render(null, e));
      out.flush();
    }
    err.println("ERROR: daos: " + ErrorText.of(e));
    String hint = Hints.of(e);
    if (hint != null) {
      err.println("ERROR: daos: " + hint);
    }
    if (debug) {
      StringWriter sw = new StringWriter();
      e.printStackTrace(new PrintWriter(sw));
      err.print(sw);
    }
    err.flush();
    return 1;
  }

  @Override
  public DaosApi api() {
    if (api == null) {
      api = apis.apply(sysName);
    }
    return api;
  }

  private void closeApi() {
    if (api != null) {
      api.close();
    }
  }

  @Override
  public boolean json() {
    return json;
  }

  @Override
  public ZoneId zone() {
    return zone;
  }
}
