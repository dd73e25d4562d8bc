package io.daos.tool.api;

import io.daos.tool.output.pool.PoolQueryInfo;
import io.daos.client.cont.ContainerProps;
import io.daos.client.pool.ContainerSummary;
import java.util.List;
import java.util.UUID;

/** A connected pool as the daos commands use it. Closing it disconnects. */
public interface PoolApi extends AttrApi, AutoCloseable {
  UUID uuid();

  /** DAOS's {@code PoolHandle.ID()}: the label when known, else the UUID. */
  String id();

  /** {@code daos_pool_query}; {@code enabledRanks} asks for the enabled engines too. */
  PoolQueryInfo query(boolean enabledRanks);

  List<ContainerSummary> listContainers();

  /** {@code daos_cont_create}: returns the new container's UUID. */
  UUID createContainer(ContainerProps props);

  /** {@code dfs_cont_create}: a POSIX container with its DFS superblock; returns the new container's UUID. */
  default UUID createPosixContainer(ContainerProps props, io.daos.client.dfs.DfsAttr attr) {
    return createContainer(props.withLayoutType(io.daos.client.cont.PropType.LAYOUT_POSIX));
  }

  /** {@code daos_cont_open} by label or UUID; flags {@code DAOS_COO_RO} (1) or {@code DAOS_COO_RW} (2). */
  ContApi openContainer(String contId, int flags);

  /** {@code daos_cont_destroy}. */
  void destroyContainer(String contId, boolean force);

  @Override
  void close();
}
