package io.daos.server.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One engine's storage as the harness and StorageFormat see it (DAOS's storage.Provider, reduced to what
 * they use): is SCM ready, format SCM and bdevs, write {@code daos_nvme.conf}, where the superblock lives.
 */
public interface EngineStorage {
  /** The SCM mount point ({@code scm_mount} of tier 0). */
  Path scmMount();

  /** The SCM tier's class name as in the YAML: "dir", "ram" or "dcpm". */
  String scmClass();

  /** True if SCM is mounted/present, so a superblock can be written there (DAOS: ScmIsMounted). */
  boolean scmMounted() throws IOException;

  /**
   * True if SCM holds a formatted engine store, so StorageFormat without reformat reports "SCM is already
   * formatted" (ram/dcpm: mounted; dir: a superblock is present).
   */
  boolean scmFormatted() throws IOException;

  /**
   * Formats SCM: dir = create the directory (reformat also empties it), ram = mount tmpfs, dcpm = ext4/dax.
   *
   * @throws io.daos.common.fault.Fault when it is already formatted and {@code reformat} is false, or on failure
   */
  void formatScm(boolean reformat) throws IOException;

  /** The bdev devices (files, kernel devices), in config order; empty without bdev tiers. */
  List<String> bdevDevices();

  /** Prepares every bdev: class file = (re)create a sparse file of {@code bdev_size}; kdev = must exist. */
  void formatBdevs() throws IOException;

  /** Writes {@code daos_nvme.conf} when bdevs are configured; does nothing otherwise. */
  void writeNvmeConfig() throws IOException;

  /** {@code <scm_mount>/superblock}. */
  default Path superblockPath() {
    return Superblock.pathIn(scmMount());
  }
}
