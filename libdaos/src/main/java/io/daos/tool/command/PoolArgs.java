package io.daos.tool.command;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.tool.api.PoolApi;
import io.daos.tool.output.CliError;
import io.daos.tool.output.Labels;
import picocli.CommandLine.Parameters;

/** Base of commands on a pool: the {@code <pool label or UUID>} argument and connecting as DAOS's tool does. */
public abstract class PoolArgs extends DaosCommand {
  /** {@code DAOS_PC_RO} / {@code DAOS_PC_RW}. */
  public static final int RO = 1;
  public static final int RW = 2;

  @Parameters(index = "0", arity = "0..1", paramLabel = "<pool label or UUID>", description = "required")
  protected String pool;

  /** {@code resolveAndConnect}: errors read "failed to connect to pool p1: failed to connect to pool: DER_...". */
  protected PoolApi connect(CommandContext ctx, int flags) {
    requirePool();
    try {
      return ctx.api().connectPool(pool, flags);
    } catch (RuntimeException e) {
      throw CliError.wrap("failed to connect to pool " + pool, CliError.wrap("failed to connect to pool", e));
    }
  }

  /** DAOS's pool argument check: present, and a UUID or a valid label. */
  protected void requirePool() {
    if (pool == null || pool.isEmpty()) {
      throw CliError.of("no pool UUID or label supplied");
    }
    checkId(pool);
  }

  protected static void checkId(String id) {
    if (!Labels.isUuid(id) && !Labels.valid(id)) {
      throw CliError.of("invalid label \"" + id + "\"");
    }
  }

  /** {@code api.PoolConnect} with an empty pool ID. */
  protected static RuntimeException noPoolId() {
    return CliError.wrap("no pool ID provided", new DaosException(DaosStatus.INVAL));
  }
}
