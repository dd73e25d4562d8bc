package io.daos.tool.command;

import io.daos.tool.api.ContApi;
import io.daos.tool.api.PoolApi;
import io.daos.tool.output.CliError;
import picocli.CommandLine.Parameters;

/** Base of commands on an existing container: pool and container arguments, opening as DAOS's tool does. */
public abstract class ContArgs extends PoolArgs {
  /** {@code DAOS_COO_RO} / {@code DAOS_COO_RW}. */
  public static final int COO_RO = 1;
  public static final int COO_RW = 2;

  @Parameters(index = "1", arity = "0..1", paramLabel = "<container label or UUID>",
      description = "required")
  protected String cont;

  /** {@code resolveContainer}: the container argument must be there. */
  protected void requireCont() {
    if (cont == null || cont.isEmpty()) {
      throw CliError.of("no container label or UUID supplied");
    }
    checkId(cont);
  }

  /** {@code resolveAndOpen} / {@code api.ContainerOpen}: connects the pool read-only and opens the container. */
  public Handles open(CommandContext ctx, int flags) {
    requireCont();
    if (pool == null || pool.isEmpty()) {
      throw CliError.wrap("failed to connect to pool \"\"", noPoolId());
    }
    checkId(pool);
    PoolApi p;
    try {
      p = ctx.api().connectPool(pool, PoolArgs.RO);
    } catch (RuntimeException e) {
      throw CliError.wrap("failed to connect to pool \"" + pool + "\"", CliError.wrap("failed to connect to pool",
          e));
    }
    try {
      return new Handles(p, p.openContainer(cont, flags));
    } catch (RuntimeException e) {
      p.close();
      throw CliError.wrap("failed to open container \"" + cont + "\"", e);
    }
  }

  /** A pool connection and the container opened in it; closing closes both. */
  public record Handles(PoolApi pool, ContApi cont) implements AutoCloseable {
    @Override
    public void close() {
      try {
        cont.close();
      } finally {
        pool.close();
      }
    }
  }
}
