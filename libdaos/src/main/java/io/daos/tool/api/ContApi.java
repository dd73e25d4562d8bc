package io.daos.tool.api;

import io.daos.tool.output.cont.ContQueryInfo;
import io.daos.client.cont.ContainerProps;
import io.daos.client.cont.Snapshot;
import java.util.List;

/** An open container as the daos commands use it. Closing it closes the handle. */
public interface ContApi extends AttrApi, AutoCloseable {
  /** DAOS's {@code ContainerHandle.ID()}: the label when known, else the UUID. */
  String id();

  /** {@code daos_cont_query} with all properties. */
  ContQueryInfo query();

  /** {@code dfs_query} of a POSIX container's superblock; null for other layouts. */
  default io.daos.client.dfs.DfsAttr posixAttrs() {
    return null;
  }

  /** {@code daos_cont_set_prop}. */
  void setProps(ContainerProps props);

  /** {@code daos_cont_create_snap}: the snapshot's epoch. */
  long createSnapshot(String name);

  List<Snapshot> listSnapshots();

  void destroySnapshot(long epoch);

  @Override
  void close();
}
