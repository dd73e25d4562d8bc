package io.daos.server.mgmt;

import io.daos.common.ByteSize;
import io.daos.proto.mgmt.PoolCreateReq;
import java.util.List;

/**
 * DAOS's calculateCreateStorage: per-rank bytes of each tier (SCM, NVMe) from either explicit tier bytes or
 * total bytes with a tier ratio, checked against the per-target minimums.
 */
final class PoolSizing {
  static final long SCM_MIN_PER_TARGET = 16 * ByteSize.MIB;
  static final long NVME_MIN_PER_TARGET = ByteSize.GIB;

  private PoolSizing() {
  }

  /**
   * @return the per-rank tier bytes [scm, nvme]
   * @throws io.daos.common.fault.Fault SERVER_POOL_SCM_TOO_SMALL or SERVER_POOL_NVME_TOO_SMALL
   * @throws IllegalArgumentException for parameter combinations DAOS does not accept
   */
  static List<Long> perRankTierBytes(PoolCreateReq req, int nRanks, int targets, boolean hasBdevs) {
    if (nRanks == 0) {
      throw new IllegalArgumentException("zero ranks in calculateCreateStorage()");
    }
    if (targets <= 0) {
      throw new IllegalArgumentException("zero target count");
    }
    long[] tiers = tiers(req, nRanks, hasBdevs);
    long tgts = targets;
    long minScm = tgts * SCM_MIN_PER_TARGET * nRanks;
    long minNvme = tgts * NVME_MIN_PER_TARGET * nRanks;
    long minTotal = minScm + (tiers[1] > 0 ? minNvme : 0);
    if (tiers[0] < tgts * SCM_MIN_PER_TARGET) {
      throw PoolFaults.scmTooSmall(minTotal, minScm);
    }
    if (tiers[1] != 0 && tiers[1] < tgts * NVME_MIN_PER_TARGET) {
      throw PoolFaults.nvmeTooSmall(minTotal, minNvme);
    }
    return List.of(tiers[0], tiers[1]);
  }

  private static long[] tiers(PoolCreateReq req, int nRanks, boolean hasBdevs) {
    if (req.getTierBytesCount() == 2 && req.getTierRatioCount() == 0 && req.getTotalBytes() == 0) {
      long nvme = req.getTierBytes(1);
      if (!hasBdevs && nvme > 0) {
        throw new IllegalArgumentException(ByteSize.ofBytes(nvme).toIecString()
            + " NVMe requested for pool but config has zero bdevs");
      }
      return new long[] {req.getTierBytes(0), nvme};
    }
    if (req.getTierBytesCount() == 0 && req.getTierRatioCount() == 2 && req.getTotalBytes() != 0) {
      double[] ratio = hasBdevs ? new double[] {req.getTierRatio(0), req.getTierRatio(1)} : new double[] {1, 0};
      long[] out = new long[2];
      for (int i = 0; i < 2; i++) {
        out[i] = Long.divideUnsigned(toUnsigned(unsignedDouble(req.getTotalBytes()) * ratio[i]), nRanks);
      }
      return out;
    }
    throw new IllegalArgumentException("unexpected pool create params in request: total_bytes="
        + Long.toUnsignedString(req.getTotalBytes()) + " tier_ratio=" + req.getTierRatioList() + " tier_bytes="
        + req.getTierBytesList());
  }

  private static double unsignedDouble(long v) {
    double d = (double) (v & Long.MAX_VALUE);
    return v < 0 ? d + 0x1.0p63 : d;
  }

  private static long toUnsigned(double d) {
    return d >= 0x1.0p63 ? (long) (d - 0x1.0p63) | Long.MIN_VALUE : (long) d;
  }
}
