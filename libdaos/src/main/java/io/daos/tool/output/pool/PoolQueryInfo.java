package io.daos.tool.output.pool;

import java.util.List;
import java.util.UUID;

/**
 * What {@code daos pool query} shows of a pool (DAOS's {@code daos.PoolInfo} as the tool fills it).
 *
 * @param uuid pool UUID
 * @param label pool label ("" when unknown)
 * @param totalTargets targets in the pool map
 * @param activeTargets targets the space numbers cover
 * @param totalEngines engines (ranks) in the pool map
 * @param disabledTargets targets that are down
 * @param version pool map version
 * @param leader pool service leader rank
 * @param serviceReplicas service replica ranks
 * @param rebuild rebuild status, or null when the service did not report one
 * @param tiers space per media tier (0 = SCM, 1 = NVMe); empty when not queried
 * @param enabledRanks ranks with engines enabled, or null when not asked for
 * @param disabledRanks ranks with engines disabled, or null when not known
 */
public record PoolQueryInfo(UUID uuid, String label, int totalTargets, int activeTargets, int totalEngines,
                            int disabledTargets, int version, int leader, List<Integer> serviceReplicas,
                            Rebuild rebuild, List<Tier> tiers, List<Integer> enabledRanks,
                            List<Integer> disabledRanks) {

  /** {@code daos.PoolServiceState}: Ready, or TargetsExcluded when targets are disabled. */
  public String state() {
    return disabledTargets > 0 ? "TargetsExcluded" : "Ready";
  }

  /**
   * Rebuild status.
   *
   * @param status rebuild errno (0 = fine)
   * @param state idle, busy or done
   * @param objects objects rebuilt
   * @param records records rebuilt
   * @param degraded whether data redundancy is degraded
   */
  public record Rebuild(int status, String state, long objects, long records, boolean degraded) {
    /** DAOS's derived state: failing/failed/stopping/stopped for a non-zero status. */
    public String derivedState() {
      if (status == 0) {
        return state;
      }
      boolean canceled = status == io.daos.common.status.DaosStatus.CANCELED.code();
      return switch (state) {
        case "busy" -> canceled ? "stopping" : "failing";
        case "idle" -> canceled ? "stopped" : "failed";
        case "done" -> "failed";
        default -> state;
      };
    }
  }

  /**
   * Space of one media tier.
   *
   * @param total bytes
   * @param free bytes
   * @param min least free bytes on one target
   * @param max most free bytes on one target
   * @param mean mean free bytes per target
   */
  public record Tier(long total, long free, long min, long max, long mean) {
  }
}
