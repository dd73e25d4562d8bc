package io.daos.server.storage;

import io.daos.server.config.ScmTier;
import java.nio.file.Path;

/**
 * One engine's SCM tier: class {@code dir} ({@link ScmDir}), {@code ram} ({@link ScmRam}, tmpfs) or
 * {@code dcpm} ({@link ScmDcpm}, PMem + ext4/dax). Failures are {@link io.daos.common.fault.Fault}s that say what to
 * do.
 */
public interface ScmProvider {
  /** The provider for {@code tier}; {@code numaNode} is the engine's NUMA node (tmpfs {@code mpol}). */
  static ScmProvider of(ScmTier tier, int numaNode, HostSystem host) {
    return switch (tier.storageClass()) {
      case DIR -> new ScmDir(tier);
      case RAM -> new ScmRam(tier, numaNode, host);
      case DCPM -> new ScmDcpm(tier, host);
      default -> throw new IllegalArgumentException(tier.storageClass() + " is not an SCM class");
    };
  }

  ScmTier tier();

  default Path mountPoint() {
    return Path.of(tier().scmMount());
  }

  /** True when the SCM is usable at {@link #mountPoint()} (directory present / file system mounted). */
  boolean isMounted();

  /** DAOS CheckFormat: ram/dcpm: mounted; dir: a superblock is present. */
  boolean isFormatted();

  /**
   * Prepares the SCM for a new engine: dir = create (and with {@code force} empty) the directory; ram = mount
   * tmpfs; dcpm = mkfs.ext4 and mount with dax. Already formatted without {@code force} is a fault.
   */
  void format(boolean force);

  /** Mounts already-formatted SCM at start-up when it is not mounted (no-op for dir). */
  void mount();

  /** Size and free space at the mount point. */
  ScmMountInfo usage();
}
