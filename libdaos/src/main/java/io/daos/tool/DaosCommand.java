package io.daos.tool;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of every daos command: the root runs {@link #execute(CommandContext)} and renders the {@link Outcome}. */
abstract class DaosCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** Runs the command; throws {@code CliError} or {@code DaosException} on failure. */
  protected abstract Outcome execute(CommandContext ctx);

  @Override
  public Integer call() {
    return ((Daos) spec.root().userObject()).run(this);
  }
}
