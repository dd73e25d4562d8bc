package io.daos.tool.cont;

import io.daos.client.dfs.DfsAttr;
import io.daos.tool.command.CommandContext;
import io.daos.tool.command.ContArgs;
import io.daos.tool.command.Outcome;
import io.daos.tool.output.CliError;
import io.daos.tool.output.cont.ContQueryInfo;
import io.daos.tool.output.cont.ContainerPrinter;
import picocli.CommandLine.Command;

/** {@code daos container query <pool> <cont>}. */
@Command(name = "query", description = "query a container")
final class ContainerQueryCommand extends ContArgs {
  @Override
  protected Outcome execute(CommandContext ctx) {
    try (Handles h = open(ctx, COO_RO)) {
      ContQueryInfo ci;
      try {
        ci = h.cont().query();
      } catch (RuntimeException e) {
        throw CliError.wrap("failed to query container " + cont, e);
      }
      DfsAttr posix;
      try {
        posix = h.cont().posixAttrs();
      } catch (RuntimeException e) {
        throw CliError.wrap("failed to query DFS attributes", e);
      }
      return Outcome.of(ContainerPrinter.json(ci, posix, ctx.zone()),
          ContainerPrinter.info(ci, posix, true, ctx.zone()));
    }
  }
}
