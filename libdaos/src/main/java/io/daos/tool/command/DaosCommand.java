package io.daos.tool.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of every daos command: the root runs {@link #execute(CommandContext)} and renders the {@link Outcome}. */
public abstract class DaosCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** Runs the command; throws {@code CliError} or {@code DaosException} on failure. */
  protected abstract Outcome execute(CommandContext ctx);

  @Override
  public Integer call() {
    return ((CommandRunner) spec.root().userObject()).run(this);
  }

  /** Runs a command and renders its outcome (implemented by the root command). */
  public interface CommandRunner {
    int run(DaosCommand cmd);
  }

  /** Runs {@link #execute(CommandContext)}; for the root command. */
  public final Outcome executeWith(CommandContext ctx) {
    return execute(ctx);
  }
}
