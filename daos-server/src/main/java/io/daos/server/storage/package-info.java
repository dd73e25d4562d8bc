/**
 * What the storage providers share: the host seam ({@link io.daos.server.storage.HostSystem}, with
 * {@link io.daos.server.storage.LinuxHost} for a real Linux host), the mount table, /proc/meminfo, the scan results
 * ({@link io.daos.server.storage.StorageScan}: SCM mounts, NVMe controllers, bdev devices) and the storage, SCM and
 * bdev faults. Mirrors the root of DAOS {@code src/control/server/storage} ({@code scm.go}, {@code bdev.go},
 * {@code faults.go}, {@code mount}) and the system provider of {@code src/control/provider/system}. The SCM and bdev
 * classes are in {@link io.daos.server.storage.scm} and {@link io.daos.server.storage.bdev}, which build on it.
 */
package io.daos.server.storage;
