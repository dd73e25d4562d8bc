package io.daos.tool.api;

import io.daos.tool.output.cont.ContQueryInfo;
import io.daos.client.cont.ContainerAcl;
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

  /** {@code daos_cont_get_acl}. */
  ContainerAcl getAcl();

  /** {@code daos_cont_overwrite_acl}. */
  void overwriteAcl(List<String> aces);

  /** {@code daos_cont_update_acl}. */
  void updateAcl(List<String> aces);

  /** {@code daos_cont_delete_acl} of a principal as the ACL commands name it ({@code u:name@}, ...). */
  void deleteAcl(String principal);

  /** {@code daos_cont_set_owner_no_check}: user and/or group ({@code name@[domain]}, null keeps it). */
  void setOwner(String user, String group);

  /** The container's layout type ({@code PropType.LAYOUT_*}) as read at open. */
  int layoutType();

  @Override
  void close();
}
