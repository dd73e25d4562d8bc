package io.daos.tool.cont;

import io.daos.common.status.DaosStatus;
import io.daos.tool.api.PoolApi;
import io.daos.tool.command.CommandContext;
import io.daos.tool.command.ContArgs;
import io.daos.tool.command.Outcome;
import io.daos.tool.output.CliError;
import io.daos.tool.output.ErrorText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code daos container destroy <pool> <cont> [-f]}. */
@Command(name = "destroy", description = "destroy a container")
final class ContainerDestroyCommand extends ContArgs {
  @Option(names = {"-f", "--force"}, description = "force the container destroy")
  boolean force;

  @Override
  protected Outcome execute(CommandContext ctx) {
    requireCont();
    String what = "failed to destroy container " + cont;
    if (pool == null || pool.isEmpty()) {
      throw CliError.wrap(what, noPoolId());
    }
    checkId(pool);
    try (PoolApi p = connectForDestroy(ctx, what)) {
      try {
        p.destroyContainer(cont, force);
      } catch (RuntimeException e) {
        throw CliError.wrap(what, CliError.wrap("failed to destroy container \"" + cont + "\"", e));
      }
    }
    return Outcome.text("Successfully destroyed container " + cont + "\n");
  }

  /** Read-write, or read-only when the user may not write the pool (container ACLs may still allow it). */
  private PoolApi connectForDestroy(CommandContext ctx, String what) {
    try {
      return ctx.api().connectPool(pool, RW);
    } catch (RuntimeException e) {
      if (ErrorText.statusOf(e) != DaosStatus.NO_PERM) {
        throw CliError.wrap(what, CliError.wrap("failed to connect to pool", e));
      }
    }
    try {
      return ctx.api().connectPool(pool, RO);
    } catch (RuntimeException e) {
      throw CliError.wrap(what, CliError.wrap("failed to connect to pool", e));
    }
  }
}
