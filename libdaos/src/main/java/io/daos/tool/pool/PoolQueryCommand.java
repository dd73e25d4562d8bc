package io.daos.tool.pool;

import io.daos.tool.api.PoolApi;
import io.daos.tool.command.CommandContext;
import io.daos.tool.command.Outcome;
import io.daos.tool.command.PoolArgs;
import io.daos.tool.output.CliError;
import io.daos.tool.output.pool.PoolPrinter;
import io.daos.tool.output.pool.PoolQueryInfo;
import io.daos.common.PoolQueryMask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code daos pool query <pool> [-e] [-t]}. */
@Command(name = "query", description = "query pool info")
final class PoolQueryCommand extends PoolArgs {
  @Option(names = {"-e", "--show-enabled"}, description = "Show engine unique identifiers (ranks) which are enabled")
  boolean showEnabled;
  @Option(names = {"-t", "--health-only"}, description = "Only perform pool health related queries")
  boolean healthOnly;

  @Override
  protected Outcome execute(CommandContext ctx) {
    long mask = healthOnly ? PoolQueryMask.HEALTH_ONLY : PoolQueryMask.DEFAULT;
    if (showEnabled) {
      mask |= PoolQueryMask.ENGINES_ENABLED;
    }
    PoolQueryInfo pi;
    try (PoolApi p = connect(ctx, RO)) {
      pi = p.query(showEnabled);
    } catch (CliError e) {
      throw e;
    } catch (RuntimeException e) {
      throw CliError.wrap("failed to query pool \"" + pool + "\"", e);
    }
    if (healthOnly) {
      pi = new PoolQueryInfo(pi.uuid(), pi.label(), pi.totalTargets(), pi.activeTargets(), pi.totalEngines(),
          pi.disabledTargets(), pi.version(), pi.leader(), pi.serviceReplicas(), pi.rebuild(), java.util.List.of(),
          pi.enabledRanks(), pi.disabledRanks());
    }
    return Outcome.of(PoolPrinter.json(pi, mask), PoolPrinter.text(pi, mask));
  }
}
