package io.daos.server.mgmt;

import io.daos.common.RankSet;
import io.daos.proto.mgmt.PoolQueryResp;
import io.daos.proto.mgmt.PoolRebuildStatus;
import io.daos.proto.mgmt.StorageMediaType;
import io.daos.proto.mgmt.StorageUsageStats;
import io.daos.server.sysdb.PoolService;
import java.util.List;

/**
 * A PoolQuery answer built from the MS pool record alone: until engines report usage, every target is up
 * and free space equals the created size (min/max/mean are per target), pool map version 1.
 */
final class PoolQueries {
  private PoolQueries() {
  }

  static PoolQueryResp fromRecord(PoolService ps, int targetsPerRank, long queryMask) {
    RankSet ranks = RankSet.parse(ps.storage().creationRankStr());
    int nRanks = ranks.count();
    int totalTargets = nRanks * targetsPerRank;
    int svcLdr = ps.replicas().isEmpty() ? 0 : ps.replicas().get(0);
    PoolQueryResp.Builder b = PoolQueryResp.newBuilder().setUuid(ps.poolUuid().toString())
        .setLabel(ps.poolLabel()).setTotalTargets(totalTargets).setActiveTargets(totalTargets)
        .setDisabledTargets(0).setTotalEngines(nRanks).setVersion(1).setLeader(svcLdr).setSvcLdr(svcLdr)
        .addAllSvcReps(ps.replicas()).setEnabledRanks(ranks.toString()).setQueryMask(queryMask)
        .setState(io.daos.proto.mgmt.PoolServiceState.Ready).setPoolLayoutVer(1).setUpgradeLayoutVer(1)
        .setRebuild(PoolRebuildStatus.newBuilder().setState(PoolRebuildStatus.State.IDLE)
            .setDerivedState(PoolRebuildStatus.State.IDLE));
    List<Long> tiers = ps.storage().perRankTierStorage();
    for (int i = 0; i < 2; i++) {
      long perRank = i < tiers.size() ? tiers.get(i) : 0;
      b.addTierStats(stats(perRank, nRanks, targetsPerRank,
          i == 0 ? StorageMediaType.SCM : StorageMediaType.NVME));
    }
    return b.build();
  }

  private static StorageUsageStats stats(long perRank, int nRanks, int targetsPerRank, StorageMediaType t) {
    long total = perRank * nRanks;
    long perTarget = targetsPerRank == 0 ? 0 : perRank / targetsPerRank;
    return StorageUsageStats.newBuilder().setTotal(total).setFree(total).setMin(perTarget).setMax(perTarget)
        .setMean(perTarget).setMediaType(t).build();
  }
}
