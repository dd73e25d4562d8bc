package io.daos.client.dfs;

import io.daos.placement.object.ObjectClass;

/**
 * {@code dfs_attr_t}: what a POSIX container's superblock records. Class ids are DAOS's ({@code ObjectClass.id()},
 * 0 = chosen automatically when an object is created).
 *
 * @param oclass default object class ({@code da_oclass_id})
 * @param dirOclass default class of directories
 * @param fileOclass default class of files (DFS creates file data as {@code DAOS_OT_ARRAY_BYTE} objects)
 * @param chunkSize file chunk size in bytes (0 = chosen at creation, {@code suggest_dfs_cs})
 * @param mode consistency mode ({@link #RELAXED} or {@link #BALANCED})
 * @param hints container hints ("" = none)
 */
public record DfsAttr(int oclass, int dirOclass, int fileOclass, long chunkSize, int mode, String hints) {
  /** {@code DFS_RELAXED}. */
  public static final int RELAXED = 0;
  /** {@code DFS_BALANCED}. */
  public static final int BALANCED = 4;
  /** {@code DFS_DEFAULT_CHUNK_SIZE}. */
  public static final long DEFAULT_CHUNK_SIZE = 1 << 20;

  public DfsAttr {
    hints = hints == null ? "" : hints;
  }

  /** Nothing chosen: every default DFS picks. */
  public static DfsAttr defaults() {
    return new DfsAttr(0, 0, 0, 0, RELAXED, "");
  }

  /** {@code da_oclass_id} set, as {@code daos container create --oclass}. */
  public DfsAttr withOclass(ObjectClass oc) {
    return new DfsAttr(oc.id(), dirOclass, fileOclass, chunkSize, mode, hints);
  }

  public DfsAttr withDirOclass(ObjectClass oc) {
    return new DfsAttr(oclass, oc.id(), fileOclass, chunkSize, mode, hints);
  }

  public DfsAttr withFileOclass(ObjectClass oc) {
    return new DfsAttr(oclass, dirOclass, oc.id(), chunkSize, mode, hints);
  }

  public DfsAttr withChunkSize(long bytes) {
    return new DfsAttr(oclass, dirOclass, fileOclass, bytes, mode, hints);
  }

  /** The class of {@code id}, or null for 0. */
  public static ObjectClass classOf(int id) {
    return id == 0 ? null : ObjectClass.byId(id);
  }
}
