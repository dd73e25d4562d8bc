package io.daos.tool.api;

/**
 * The seam between the daos commands and libdaos: everything the tool asks of the DAOS system. The real one is
 * {@link LibdaosApi}; tests use a hand-written fake. Opened once per command, closed after it.
 */
public interface DaosApi extends AutoCloseable {
  /** {@code daos_pool_connect} by label or UUID; flags {@code DAOS_PC_RO} (1) or {@code DAOS_PC_RW} (2). */
  PoolApi connectPool(String poolId, int flags);

  @Override
  void close();
}
