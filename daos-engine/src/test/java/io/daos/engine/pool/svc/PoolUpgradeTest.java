package io.daos.engine.pool.svc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.common.status.DaosStatus;
import org.junit.jupiter.api.Test;

/** The four upgrade states of DAOS's ds_pool_upgrade_if_needed, as the dmg command meets them. */
class PoolUpgradeTest {
  private static final long CUR = PoolProps.currentVersion();

  @Test
  void currentLayoutNeedsNoUpgrade() {
    assertEquals(4, CUR, "DAOS_POOL_GLOBAL_VERSION");
    assertEquals(DaosStatus.SUCCESS, PoolProps.upgradeCheck(CUR, PoolProps.UPGRADE_NOT_STARTED));
    assertEquals(DaosStatus.SUCCESS, PoolProps.upgradeCheck(CUR, PoolProps.UPGRADE_COMPLETED));
    assertEquals(DaosStatus.SUCCESS, PoolProps.upgradeCheck(CUR, PoolProps.UPGRADE_FAILED), "a retry with nothing left to do");
  }

  @Test
  void inProgressAndNewerAndOlderLayouts() {
    assertEquals(DaosStatus.INPROGRESS, PoolProps.upgradeCheck(CUR, PoolProps.UPGRADE_IN_PROGRESS));
    assertEquals(DaosStatus.INVAL, PoolProps.upgradeCheck(CUR + 1, PoolProps.UPGRADE_COMPLETED), "no downgrade");
    assertEquals(DaosStatus.NOTSUPPORTED, PoolProps.upgradeCheck(CUR - 2, PoolProps.UPGRADE_COMPLETED));
    assertEquals(DaosStatus.NOTSUPPORTED, PoolProps.upgradeCheck(CUR - 1, PoolProps.UPGRADE_IN_PROGRESS));
    assertEquals(DaosStatus.NOTSUPPORTED, PoolProps.upgradeCheck(CUR - 1, PoolProps.UPGRADE_NOT_STARTED),
        "jdaos has no older layout to convert");
    assertEquals(DaosStatus.INVAL, PoolProps.upgradeCheck(CUR, 7));
  }
}
