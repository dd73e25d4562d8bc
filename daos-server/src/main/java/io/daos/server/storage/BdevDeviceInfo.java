package io.daos.server.storage;

import io.daos.server.config.engine.BdevRoles;
import io.daos.server.config.engine.StorageClass;

/** Scan result for one file/kdev "device" of a bdev tier (NVMe controllers are {@link NvmeController}). */
public record BdevDeviceInfo(StorageClass storageClass, String path, int tier, BdevRoles roles, boolean exists,
    long sizeBytes) {
}
