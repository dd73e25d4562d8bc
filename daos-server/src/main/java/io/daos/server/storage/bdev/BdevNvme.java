package io.daos.server.storage.bdev;

import io.daos.server.config.engine.BdevTier;
import io.daos.server.storage.BdevDeviceInfo;
import io.daos.server.storage.HostSystem;
import io.daos.server.storage.StorageFaults;
import java.util.List;

/**
 * Bdev class {@code nvme}: needs SPDK. Without it, scan finds no controllers and format is a fault that names
 * SPDK and the alternatives.
 */
final class BdevNvme implements BdevProvider {
  private final BdevTier tier;
  private final HostSystem host;

  BdevNvme(BdevTier tier, HostSystem host) {
    this.tier = tier;
    this.host = host;
  }

  @Override
  public BdevTier tier() {
    return tier;
  }

  @Override
  public List<BdevDeviceInfo> scan() {
    return List.of();
  }

  @Override
  public void format() {
    throw host.hasLibrary("libspdk") ? StorageFaults.spdkUnsupported() : StorageFaults.spdkMissing();
  }
}
