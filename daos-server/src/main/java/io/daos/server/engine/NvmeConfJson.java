package io.daos.server.engine;

import io.daos.server.config.BdevTier;
import io.daos.server.config.StorageClass;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal {@code daos_nvme.conf} for AIO bdevs (file/kdev) in DAOS's SPDK JSON layout: one
 * {@code bdev_aio_create} per device named {@code AIO_<host>_<index>_<tier>_<rolebits>}. A stopgap until the
 * full writer from h-config (hotplug, accel, auto_faulty, iobuf) is wired in.
 */
final class NvmeConfJson {
  private static final int AIO_BLOCK_SIZE = 4096;

  private NvmeConfJson() {
  }

  static String render(String host, List<BdevTier> tiers) {
    List<String> methods = new ArrayList<>();
    for (BdevTier t : tiers) {
      for (int i = 0; i < t.bdevList().size(); i++) {
        String name = "AIO_" + host + "_" + i + "_" + t.tier() + "_" + t.bdevRoles().bits();
        String block = t.storageClass() == StorageClass.FILE ? ", \"block_size\": " + AIO_BLOCK_SIZE : "";
        methods.add("{\"method\": \"bdev_aio_create\", \"params\": {\"name\": " + quote(name)
            + ", \"filename\": " + quote(t.bdevList().get(i)) + block + "}}");
      }
    }
    return "{\"daos_data\": {\"config\": []}, \"subsystems\": [{\"subsystem\": \"bdev\", \"config\": ["
        + String.join(", ", methods) + "]}]}\n";
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
