package io.daos.server.storage;

import java.util.List;

/**
 * A host's storage as daos_server sees it, for translation to {@code ctl.StorageScanResp}: SCM mounts, NVMe
 * controllers (none without SPDK), file/kdev devices and system memory.
 */
public record StorageScan(List<ScmMountInfo> scm, List<NvmeController> nvme, List<BdevDeviceInfo> devices,
    MemInfo memInfo) {
  public StorageScan {
    scm = List.copyOf(scm);
    nvme = List.copyOf(nvme);
    devices = List.copyOf(devices);
  }
}
