package io.daos.engine.pool.svc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.common.status.DaosStatus;
import org.junit.jupiter.api.Test;

/** The four upgrade states of DAOS's ds_pool_upgrade_if_needed, as the dmg command meets them. */
class PoolUpgradeTest {
  private static final long CUR = PoolUpgrade.currentVersion();

  @Test
  void currentLayoutNeedsNoUpgrade() {
    assertEquals(4, CUR, "DAOS_POOL_GLOBAL_VERSION");
    assertEquals(DaosStatus.SUCCESS, PoolUpgrade.check(CUR, PoolUpgrade.NOT_STARTED));
    assertEquals(DaosStatus.SUCCESS, PoolUpgrade.check(CUR, PoolUpgrade.COMPLETED));
    assertEquals(DaosStatus.SUCCESS, PoolUpgrade.check(CUR, PoolUpgrade.FAILED), "a retry with nothing left to do");
  }

  @Test
  void inProgressAndNewerAndOlderLayouts() {
    assertEquals(DaosStatus.INPROGRESS, PoolUpgrade.check(CUR, PoolUpgrade.IN_PROGRESS));
    assertEquals(DaosStatus.INVAL, PoolUpgrade.check(CUR + 1, PoolUpgrade.COMPLETED), "no downgrade");
    assertEquals(DaosStatus.NOTSUPPORTED, PoolUpgrade.check(CUR - 2, PoolUpgrade.COMPLETED));
    assertEquals(DaosStatus.NOTSUPPORTED, PoolUpgrade.check(CUR - 1, PoolUpgrade.IN_PROGRESS));
    assertEquals(DaosStatus.NOTSUPPORTED, PoolUpgrade.check(CUR - 1, PoolUpgrade.NOT_STARTED),
        "jdaos has no older layout to convert");
    assertEquals(DaosStatus.INVAL, PoolUpgrade.check(CUR, 7));
  }
}
