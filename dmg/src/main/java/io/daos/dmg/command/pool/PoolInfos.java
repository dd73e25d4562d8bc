package io.daos.dmg.command.pool;

import io.daos.common.status.DaosStatus;
import io.daos.dmg.output.pool.PoolInfo;
import io.daos.common.PoolQueryMask;
import io.daos.dmg.output.RankRanges;
import io.daos.proto.mgmt.ListPoolsResp;
import io.daos.proto.mgmt.PoolQueryResp;
import io.daos.proto.mgmt.PoolRebuildStatus;
import io.daos.proto.mgmt.StorageUsageStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Converts MS answers to {@link PoolInfo}, deriving state and rebuild state as DAOS's control API does. */
final class PoolInfos {
  static final String DEFAULT_POOL_SELF_HEAL = "exclude;rebuild";

  private PoolInfos() {
  }

  /** A pool as ListPools names it, before any query (zero query mask, no stats). */
  static PoolInfo fromList(ListPoolsResp.Pool p) {
    return new PoolInfo(0, p.getState(), p.getUuid(), p.getLabel(), 0, 0, 0, 0, 0, 0,
        PoolCreateCommand.longs(p.getSvcRepsList()), null, null, null, null, null, 0, 0, 0, false, "");
  }

  /**
   * A PoolQuery answer (status 0). {@code mask} is the mask asked for: used when the answer has none, and
   * (as DAOS's dmg) deciding whether the self-heal policy is reported; until pool properties can be fetched
   * it is DAOS's default for an unset property.
   */
  static PoolInfo fromQuery(PoolQueryResp r, long mask) {
    long applied = r.getQueryMask() != 0 ? r.getQueryMask() : mask;
    List<PoolInfo.TierStats> tiers = new ArrayList<>();
    for (StorageUsageStats s : r.getTierStatsList()) {
      tiers.add(new PoolInfo.TierStats(s.getTotal(), s.getFree(), s.getMin(), s.getMax(), s.getMean(),
          s.getMediaType().name().toLowerCase(Locale.ROOT)));
    }
    String selfHeal = PoolQueryMask.has(mask, PoolQueryMask.SELF_HEAL_POLICY)
        ? (r.getSelfHealPolicy().isEmpty() ? DEFAULT_POOL_SELF_HEAL : r.getSelfHealPolicy()) : "";
    return new PoolInfo(applied, state(r), r.getUuid(), r.getLabel(), r.getTotalTargets(), r.getActiveTargets(),
        r.getTotalEngines(), r.getDisabledTargets(), r.getVersion(), r.getSvcLdr(),
        PoolCreateCommand.longs(r.getSvcRepsList()), r.hasRebuild() ? rebuild(r.getRebuild()) : null,
        r.getTierStatsCount() == 0 ? null : tiers,
        ranks(r.getEnabledRanks(), applied, PoolQueryMask.ENGINES_ENABLED),
        ranks(r.getDisabledRanks(), applied, PoolQueryMask.ENGINES_DISABLED),
        ranks(r.getDeadRanks(), applied, PoolQueryMask.ENGINES_DEAD), r.getPoolLayoutVer(),
        r.getUpgradeLayoutVer(), r.getMemFileBytes(), r.getMdOnSsdActive(), selfHeal);
  }

  /** DAOS UpdateState: Ready on success, Unknown without targets, TargetsExcluded with disabled targets. */
  static String state(PoolQueryResp r) {
    String s = r.getStatus() == 0 ? "Ready" : r.getState().name();
    if (r.getTotalTargets() == 0) {
      s = "Unknown";
    }
    if (s.equals("Ready") && r.getDisabledTargets() > 0) {
      s = "TargetsExcluded";
    }
    return s;
  }

  /** DAOS UpdateRebuildStatus: a failed or canceled rebuild shows as failed/failing/stopped/stopping. */
  static PoolInfo.Rebuild rebuild(PoolRebuildStatus r) {
    PoolRebuildStatus.State derived = r.getState();
    boolean canceled = r.getStatus() == DaosStatus.OP_CANCELED.code();
    if (r.getState() == PoolRebuildStatus.State.IDLE && r.getStatus() != 0) {
      derived = canceled ? PoolRebuildStatus.State.STOPPED : PoolRebuildStatus.State.FAILED;
    } else if (r.getState() == PoolRebuildStatus.State.DONE && r.getStatus() != 0) {
      derived = PoolRebuildStatus.State.FAILED;
    } else if (r.getState() == PoolRebuildStatus.State.BUSY && r.getStatus() != 0) {
      derived = canceled ? PoolRebuildStatus.State.STOPPING : PoolRebuildStatus.State.FAILING;
    }
    return new PoolInfo.Rebuild(r.getStatus(), lower(r.getState()), lower(derived), r.getObjects(),
        r.getRecords(), 0, r.getDegraded());
  }

  private static String lower(PoolRebuildStatus.State s) {
    return s == PoolRebuildStatus.State.UNRECOGNIZED ? "unknown" : s.name().toLowerCase(Locale.ROOT);
  }

  private static List<Long> ranks(String set, long mask, long bit) {
    if (!set.isEmpty()) {
      return new ArrayList<>(RankRanges.parse(set));
    }
    return PoolQueryMask.has(mask, bit) ? List.of() : null;
  }
}
