package io.daos.server;

import io.daos.common.build.BuildInfo;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code daos_server}: {@code start}, {@code version} and (jdaos extension) {@code config local}. Bad flags
 * are usage errors (exit 1); config errors print file, line and key and exit 1 before any storage is touched.
 */
@Command(name = "daos_server", mixinStandardHelpOptions = true, versionProvider = DaosServerMain.VersionInfo.class,
    description = "DAOS control plane server", subcommands = {StartCommand.class, VersionCommand.class,
        ConfigCommand.class, SupportCommand.class})
public final class DaosServerMain implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and returns the exit code. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new DaosServerMain());
    cl.setOut(out).setErr(err);
    cl.setParameterExceptionHandler((e, argv) -> {
      e.getCommandLine().getErr().println("ERROR: " + e.getMessage());
      e.getCommandLine().usage(e.getCommandLine().getErr());
      return 1;
    });
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("ERROR: " + e.getMessage());
      return 1;
    });
    return cl.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command (start, version, config, support)");
  }

  /** "daos_server version 2.9.100". */
  static String versionLine() {
    return "daos_server version " + BuildInfo.DAOS_VERSION;
  }

  /** For --version. */
  static final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {versionLine()};
    }
  }
}
