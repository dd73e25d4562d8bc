package io.daos.engine.pool.svc;

import io.daos.common.status.DaosStatus;

/**
 * What {@code dmg pool upgrade} gets from the pool service (DAOS {@code ds_pool_upgrade_if_needed} for the dmg
 * command), from the pool's layout version ({@link PoolProps#GLOBAL_VERSION}) and upgrade status
 * ({@link PoolProps#UPGRADE_STATUS}). jdaos creates every pool at the layout it writes and has no older layout to
 * convert, so a pool one version behind (which DAOS would upgrade) is answered DER_NOTSUPPORTED.
 */
public final class PoolUpgrade {
  /** DAOS_UPGRADE_STATUS_* (daos_prop.h). */
  public static final long NOT_STARTED = 0;
  public static final long IN_PROGRESS = 1;
  public static final long COMPLETED = 2;
  public static final long FAILED = 3;

  private PoolUpgrade() {
  }

  /** The layout version this engine writes (DAOS_POOL_GLOBAL_VERSION). */
  public static long currentVersion() {
    return PoolProps.GLOBAL_VERSION_CURRENT;
  }

  /** The status DAOS answers the dmg command for a pool at {@code version} whose upgrade is {@code status}. */
  public static DaosStatus check(long version, long status) {
    long current = currentVersion();
    if (version > current) {
      return DaosStatus.INVAL; // downgrading a pool is unsupported
    }
    if (status == IN_PROGRESS) {
      return version < current ? DaosStatus.NOTSUPPORTED : DaosStatus.INPROGRESS;
    }
    if (status == NOT_STARTED || status == COMPLETED || status == FAILED) {
      // DAOS retries a failed upgrade to the current version; at the current layout nothing is left to do
      return version < current ? DaosStatus.NOTSUPPORTED : DaosStatus.SUCCESS;
    }
    return DaosStatus.INVAL; // unknown upgrade status
  }
}
