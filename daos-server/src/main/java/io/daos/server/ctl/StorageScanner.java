package io.daos.server.ctl;

import io.daos.server.config.engine.BdevTier;
import io.daos.server.config.EngineConfig;
import io.daos.server.config.engine.ScmTier;
import io.daos.server.config.ServerConfig;
import io.daos.server.storage.bdev.BdevProvider;
import io.daos.server.storage.BdevDeviceInfo;
import io.daos.server.storage.HostSystem;
import io.daos.server.storage.MemInfo;
import io.daos.server.storage.scm.ScmProvider;
import io.daos.server.storage.ScmMountInfo;
import io.daos.server.storage.StorageScan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Scans the storage a server config names, plus /proc/meminfo. */
public final class StorageScanner {
  private StorageScanner() {
  }

  public static StorageScan scan(ServerConfig cfg, HostSystem host) {
    List<ScmMountInfo> scm = new ArrayList<>();
    List<BdevDeviceInfo> devices = new ArrayList<>();
    for (int i = 0; i < cfg.engines().size(); i++) {
      EngineConfig e = cfg.engines().get(i);
      int numa = e.pinnedNumaNode() == null ? 0 : e.pinnedNumaNode();
      for (ScmTier t : e.scmTiers()) {
        scm.add(ScmProvider.of(t, numa, host).usage());
      }
      for (BdevTier t : e.bdevTiers()) {
        devices.addAll(BdevProvider.of(t, host).scan());
      }
    }
    MemInfo mem;
    try {
      mem = MemInfo.parse(host.memInfo());
    } catch (IOException e) {
      mem = MemInfo.parse("");
    }
    return new StorageScan(scm, List.of(), devices, mem);
  }
}
