package io.daos.server.config.engine;

import java.util.List;
import java.util.Objects;

/**
 * A bdev tier: {@code class} nvme|file|kdev, {@code bdev_list}, {@code bdev_size} (GiB, class file),
 * {@code bdev_busid_range} (e.g. {@code 0x80-0x8f}, null = unset), {@code bdev_roles}.
 */
public record BdevTier(int tier, StorageClass storageClass, List<String> bdevList, int bdevSize,
    String bdevBusidRange, BdevRoles bdevRoles) implements StorageTier {

  public BdevTier {
    Objects.requireNonNull(storageClass, "storageClass");
    if (!storageClass.isBdev()) {
      throw new IllegalArgumentException(storageClass + " is not a bdev class");
    }
    bdevList = bdevList == null ? List.of() : List.copyOf(bdevList);
    bdevRoles = bdevRoles == null ? BdevRoles.NONE : bdevRoles;
  }

  public static BdevTier file(int tier, int sizeGib, String... files) {
    return new BdevTier(tier, StorageClass.FILE, List.of(files), sizeGib, null, BdevRoles.NONE);
  }

  public static BdevTier nvme(int tier, String... pciAddrs) {
    return new BdevTier(tier, StorageClass.NVME, List.of(pciAddrs), 0, null, BdevRoles.NONE);
  }

  public static BdevTier kdev(int tier, String... devices) {
    return new BdevTier(tier, StorageClass.KDEV, List.of(devices), 0, null, BdevRoles.NONE);
  }

  public BdevTier withTier(int t) {
    return new BdevTier(t, storageClass, bdevList, bdevSize, bdevBusidRange, bdevRoles);
  }

  public BdevTier withBdevList(List<String> list) {
    return new BdevTier(tier, storageClass, list, bdevSize, bdevBusidRange, bdevRoles);
  }

  public BdevTier withRoles(BdevRoles roles) {
    return new BdevTier(tier, storageClass, bdevList, bdevSize, bdevBusidRange, roles);
  }
}
