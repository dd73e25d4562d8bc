package io.daos.dmg.command;

import java.util.List;

/** What the root command resolved for a subcommand: config, host list from -l, output mode. */
public interface CommandContext {
  io.daos.control.config.ControlConfig config();

  /** Hosts given with -l/--host-list, expanded; empty when not given. */
  List<String> hostList();

  boolean json();

  /** Opens the control client for this invocation. */
  ControlInvoker openInvoker();

  /**
   * Runs another dmg command line in this process with this invocation's config file, insecure flag and control
   * client factory (what {@code support collect-log} records); returns the exit code.
   */
  int runDmg(java.util.List<String> args, java.io.PrintStream out, java.io.PrintStream err);
}
