package io.daos.dmg.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every dmg command: the root resolves config and flags, opens the control client, calls
 * {@link #execute(ControlInvoker)} and renders the {@link Outcome} as text or as the JSON envelope.
 */
public abstract class BaseCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** Runs the command against the control API; throws on failure. */
  protected abstract Outcome execute(ControlInvoker client);

  /** Commands that do not talk to servers override this to skip loading config and connecting. */
  protected boolean needsClient() {
    return true;
  }

  /** The context the root command supplies. */
  protected CommandContext context() {
    return ((CommandRunner) spec.root().userObject()).context();
  }

  @Override
  public Integer call() {
    return ((CommandRunner) spec.root().userObject()).run(this);
  }

  /** Runs a command (implemented by the root command). */
  public interface CommandRunner {
    int run(BaseCommand cmd);

    CommandContext context();
  }

  /** Runs {@link #execute(ControlInvoker)}; for the root command. */
  public final Outcome executeWith(ControlInvoker client) {
    return execute(client);
  }

  public final boolean requiresClient() {
    return needsClient();
  }
}
