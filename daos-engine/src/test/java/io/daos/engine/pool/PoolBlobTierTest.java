package io.daos.engine.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.engine.vos.blob.BlobKind;
import io.daos.ffi.PmemMap;
import io.daos.engine.vos.store.VosOptions;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which blob a pool's targets get: a file for a pool with NVMe, the SCM blob for an SCM-only pool (DESIGN D8), and
 * the SCM blob for a pool with NVMe too where the SCM mount is RAM (tmpfs).
 */
class PoolBlobTierTest {
  private static final UUID SCM_ONLY = UUID.fromString("11111111-2222-3333-4444-555555555555");
  private static final UUID WITH_NVME = UUID.fromString("11111111-2222-3333-4444-666666666666");

  @TempDir
  Path scm;
  private TargetXstreams xs;
  private PoolTargets pools;

  @BeforeEach
  void start() {
    xs = new TargetXstreams("test", 2);
    pools = new PoolTargets(scm, xs, VosOptions.defaults().withMapSize(64L << 20).withDurable(false), dir -> false);
  }

  @AfterEach
  void stop() {
    pools.close();
    xs.close();
  }

  @Test
  void scmOnlyPoolsMapTheirBlobAndPoolsWithNvmeUseAFile() {
    pools.create(SCM_ONLY, new PoolTiers(16L << 20, 0));
    pools.create(WITH_NVME, new PoolTiers(16L << 20, 8L << 20));
    String scmBlob = PmemMap.available() ? "libpmem" : "mapped file";
    for (int t = 0; t < 2; t++) {
      assertTrue(pools.get(SCM_ONLY).target(t).blobBackend().startsWith(scmBlob),
          pools.get(SCM_ONLY).target(t).blobBackend());
      assertTrue(pools.get(WITH_NVME).target(t).blobBackend().startsWith("file"),
          pools.get(WITH_NVME).target(t).blobBackend());
    }
    assertEquals(BlobKind.SCM, pools.optsFor(new PoolTiers(1L << 30, 0)).blob());
    assertEquals(BlobKind.FILE, pools.optsFor(new PoolTiers(1L << 30, 1L << 30)).blob());
  }

  @Test
  void anEngineChoiceOfScmBackendIsKeptForScmOnlyPoolsOnly() {
    try (PoolTargets mapped = new PoolTargets(scm, xs, VosOptions.defaults().withBlob(BlobKind.SCM_MAPPED),
        dir -> false)) {
      assertEquals(BlobKind.SCM_MAPPED, mapped.optsFor(new PoolTiers(1L << 30, 0)).blob());
      assertEquals(BlobKind.FILE, mapped.optsFor(new PoolTiers(1L << 30, 1L << 30)).blob());
    }
  }

  @Test
  void poolsWithNvmeMapTheirBlobWhereTheScmMountIsRam() {
    try (PoolTargets ram = new PoolTargets(scm, xs, VosOptions.defaults().withMapSize(64L << 20), scm::equals)) {
      ram.create(WITH_NVME, new PoolTiers(16L << 20, 8L << 20));
      for (int t = 0; t < 2; t++) {
        assertTrue(ram.get(WITH_NVME).target(t).blobBackend().startsWith("mapped file"),
            ram.get(WITH_NVME).target(t).blobBackend());
      }
      assertEquals(BlobKind.SCM_MAPPED, ram.optsFor(new PoolTiers(1L << 30, 1L << 30)).blob());
      assertEquals(BlobKind.SCM, ram.optsFor(new PoolTiers(1L << 30, 0)).blob());
    }
  }
}
