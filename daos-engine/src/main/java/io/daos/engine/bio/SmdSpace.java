package io.daos.engine.bio;

import io.daos.engine.pool.EnginePool;
import io.daos.engine.pool.PoolTargets;

/**
 * Space on a device as DAOS's blobstore reports it (BIO_HEALTH_QUERY total/avail): the bdev's capacity, less the
 * NVMe share every pool with an NVMe tier reserved on each of the device's targets; 32 MiB clusters
 * ({@code DAOS_BS_CLUSTER_SZ}).
 */
public final class SmdSpace {
  /** DAOS's blobstore cluster size. */
  public static final long CLUSTER_SIZE = 32L << 20;

  private SmdSpace() {
  }

  public static long totalBytes(SmdDev d) {
    return d.aio() ? DeviceSize.of(d.traddr()) : 0;
  }

  /** Total less what the pools of {@code pools} reserved on the device's targets; never negative. */
  public static long availBytes(SmdDev d, PoolTargets pools) {
    long used = 0;
    for (java.util.UUID u : pools.list()) {
      EnginePool p = pools.find(u).orElse(null);
      if (p != null && p.tiers().nvmeBytes() > 0) {
        used += p.tiers().blobBytesPerTarget(p.targetCount()) * d.tgts().size();
      }
    }
    return Math.max(0, totalBytes(d) - used);
  }
}
