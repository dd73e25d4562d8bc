package io.daos.tool.cont;

import io.daos.client.ContainerSummary;
import io.daos.tool.api.ContApi;
import io.daos.tool.api.PoolApi;
import io.daos.tool.command.CommandContext;
import io.daos.tool.command.ContArgs;
import io.daos.tool.command.Outcome;
import io.daos.tool.command.PoolArgs;
import io.daos.tool.output.CliError;
import io.daos.tool.output.cont.ContainerPrinter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code daos container list <pool> [-v]} (also {@code daos pool list-containers}). */
@Command(name = "list", aliases = "ls", description = "list all containers in pool")
public class ContainerListCommand extends PoolArgs {
  @Option(names = {"-v", "--verbose"}, description = "Verbose output")
  boolean verbose;

  @Override
  protected Outcome execute(CommandContext ctx) {
    try (PoolApi p = connect(ctx, RO)) {
      List<ContainerSummary> conts;
      Map<UUID, Integer> layouts = null;
      try {
        conts = p.listContainers();
        if (verbose) {
          layouts = layouts(p, conts);
        }
      } catch (RuntimeException e) {
        throw CliError.wrap("unable to list container for pool " + pool, e);
      }
      return Outcome.of(ContainerPrinter.listJson(conts), ContainerPrinter.list(p.id(), conts, layouts));
    }
  }

  private static Map<UUID, Integer> layouts(PoolApi p, List<ContainerSummary> conts) {
    Map<UUID, Integer> out = new HashMap<>();
    for (ContainerSummary c : conts) {
      try (ContApi ch = p.openContainer(c.uuid().toString(), ContArgs.COO_RO)) {
        out.put(c.uuid(), ch.query().layout());
      }
    }
    return out;
  }
}
