package io.daos.server.mgmt;

import io.daos.common.RankSet;
import io.daos.proto.mgmt.PoolQueryResp;
import io.daos.proto.mgmt.PoolRebuildStatus;
import io.daos.proto.mgmt.PoolServiceState;
import io.daos.proto.mgmt.StorageMediaType;
import io.daos.proto.mgmt.StorageUsageStats;
import io.daos.server.sysdb.PoolService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the MS's PoolQuery answer from the per-rank answers of the pool's target engines (each engine
 * reports only its own targets): tier totals and free space are summed, min/max are taken over all targets,
 * the mean is weighted by target count. Ranks whose engine did not answer count as disabled.
 */
final class PoolQueries {
  /** DPI_ENGINES_ENABLED, DPI_ENGINES_DISABLED (daos_pool.h). */
  static final long ENGINES_ENABLED = 1L << 2;
  static final long ENGINES_DISABLED = 1L << 3;
  /** DAOS DefaultPoolQueryMask: everything but enabled/dead engines and the self-heal policy. */
  static final long DEFAULT_MASK = ~0L & ~(ENGINES_ENABLED | (1L << 4) | (1L << 6));
  static final int TIERS = 2;

  private PoolQueries() {
  }

  /**
   * @param answers the answer of every rank that answered, by rank (all with status 0)
   * @param down ranks that did not answer
   */
  static PoolQueryResp aggregate(PoolService ps, Map<Integer, PoolQueryResp> answers, List<Integer> down,
      int targetsPerRank, long mask) {
    int answered = answers.values().stream().mapToInt(PoolQueryResp::getTotalTargets).sum();
    int disabled = down.size() * targetsPerRank;
    int svcLdr = ps.replicas().isEmpty() ? 0 : ps.replicas().get(0);
    PoolQueryResp.Builder b = PoolQueryResp.newBuilder().setUuid(ps.poolUuid().toString())
        .setLabel(ps.poolLabel()).setTotalTargets(answered + disabled).setActiveTargets(answered)
        .setDisabledTargets(disabled).setTotalEngines(answers.size() + down.size()).setVersion(version(answers))
        .setLeader(svcLdr).setSvcLdr(svcLdr).addAllSvcReps(ps.replicas()).setQueryMask(mask)
        .setState(down.isEmpty() ? PoolServiceState.Ready : PoolServiceState.TargetsExcluded)
        .setPoolLayoutVer(1).setUpgradeLayoutVer(1).setRebuild(PoolRebuildStatus.newBuilder()
            .setState(PoolRebuildStatus.State.IDLE).setDerivedState(PoolRebuildStatus.State.IDLE));
    if ((mask & ENGINES_ENABLED) != 0) {
      b.setEnabledRanks(RankSet.ofInts(new ArrayList<>(answers.keySet())).toString());
    }
    if ((mask & ENGINES_DISABLED) != 0) {
      b.setDisabledRanks(RankSet.ofInts(down).toString());
    }
    for (int t = 0; t < TIERS; t++) {
      b.addTierStats(tier(answers.values(), t));
    }
    return b.build();
  }

  private static int version(Map<Integer, PoolQueryResp> answers) {
    return answers.values().stream().mapToInt(PoolQueryResp::getVersion).max().orElse(1);
  }

  private static StorageUsageStats tier(Iterable<PoolQueryResp> answers, int t) {
    long total = 0;
    long free = 0;
    long min = Long.MAX_VALUE;
    long max = 0;
    double meanSum = 0;
    long targets = 0;
    for (PoolQueryResp r : answers) {
      if (r.getTierStatsCount() <= t) {
        continue;
      }
      StorageUsageStats s = r.getTierStats(t);
      total += s.getTotal();
      free += s.getFree();
      min = Math.min(min, s.getMin());
      max = Math.max(max, s.getMax());
      meanSum += (double) s.getMean() * r.getTotalTargets();
      targets += r.getTotalTargets();
    }
    return StorageUsageStats.newBuilder().setTotal(total).setFree(free).setMin(min == Long.MAX_VALUE ? 0 : min)
        .setMax(max).setMean(targets == 0 ? 0 : Math.round(meanSum / targets))
        .setMediaType(t == 0 ? StorageMediaType.SCM : StorageMediaType.NVME).build();
  }
}
