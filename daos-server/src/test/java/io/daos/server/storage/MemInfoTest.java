package io.daos.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.server.config.ServerConfig;
import io.daos.server.ctl.StorageScanner;
import io.daos.server.storage.bdev.BdevProvider;
import io.daos.server.storage.scm.ScmProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemInfoTest {
  @Test
  void parsesProcMeminfo() {
    MemInfo m = MemInfo.parse("MemTotal:       16384000 kB\nMemAvailable:    8192000 kB\nHugePages_Total:     512\n"
        + "HugePages_Free:      256\nHugePages_Rsvd:        1\nHugePages_Surp:        0\nHugepagesize:       2048 kB\n"
        + "Hugetlb:         1048576 kB\nbogus line\n");
    assertEquals(16384000, m.memTotalKib());
    assertEquals(8192000L << 10, m.memAvailableBytes());
    assertEquals(512, m.hugepagesTotal());
    assertEquals(256, m.hugepagesFree());
    assertEquals(1, m.hugepagesReserved());
    assertEquals(2048, m.hugepageSizeKib());
    assertEquals(1048576, m.hugetlbKib());
  }

  @Test
  void realHostMeminfoHasTotals() throws Exception {
    assertTrue(MemInfo.parse(HostSystem.linux().memInfo()).memTotalKib() > 0);
  }

  @Test
  void scanOfLocalDefault(@TempDir Path dir) {
    ServerConfig cfg = ServerConfig.defaultLocal(dir);
    FakeHost host = new FakeHost();
    StorageScan before = StorageScanner.scan(cfg, host);
    assertEquals(1, before.scm().size());
    assertTrue(!before.scm().get(0).mounted());
    assertTrue(!before.devices().get(0).exists());
    ScmProvider.of(cfg.engines().get(0).scmTier(), 0, host).format(false);
    BdevProvider.of(cfg.engines().get(0).bdevTiers().get(0), host).format();
    StorageScan after = StorageScanner.scan(cfg, host);
    assertTrue(after.scm().get(0).mounted() && after.scm().get(0).totalBytes() > 0);
    assertEquals(4L << 30, after.devices().get(0).sizeBytes());
    assertTrue(Files.exists(dir.resolve("bdev0.img")));
    assertTrue(after.nvme().isEmpty());
    assertEquals(512, after.memInfo().hugepagesTotal());
  }
}
