package io.daos.server.storage.bdev;

import io.daos.server.config.engine.BdevTier;
import io.daos.server.storage.BdevDeviceInfo;
import io.daos.server.storage.HostSystem;
import java.util.List;

/**
 * One bdev tier: class {@code file} ({@link BdevFile}, sparse files), {@code kdev} ({@link BdevKdev}, kernel
 * block devices) or {@code nvme} ({@link BdevNvme}, needs SPDK). Failures are faults that say what to do.
 */
public interface BdevProvider {
  static BdevProvider of(BdevTier tier, HostSystem host) {
    return switch (tier.storageClass()) {
      case FILE -> new BdevFile(tier);
      case KDEV -> new BdevKdev(tier);
      case NVME -> new BdevNvme(tier, host);
      default -> throw new IllegalArgumentException(tier.storageClass() + " is not a bdev class");
    };
  }

  BdevTier tier();

  /** The tier's devices as they are now. */
  List<BdevDeviceInfo> scan();

  /** Makes the devices ready for a new engine (file: (re)create; kdev: check; nvme: SPDK). */
  void format();
}
