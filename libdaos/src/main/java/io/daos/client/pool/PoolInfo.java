package io.daos.client.pool;

import java.util.List;
import java.util.UUID;

/**
 * {@code daos_pool_info_t}, the parts libdaos reports.
 *
 * @param uuid pool UUID
 * @param label pool label ("" when unset)
 * @param mapVersion pool map version
 * @param leader rank of the pool service leader
 * @param serviceReplicas ranks of the service replicas
 * @param ranks ranks in the pool map
 * @param targets targets in the pool map
 * @param disabledTargets targets not UPIN/UP/DRAIN
 * @param tiers space per media tier (index 0 = SCM, 1 = NVMe)
 */
public record PoolInfo(UUID uuid, String label, int mapVersion, int leader, List<Integer> serviceReplicas,
                       List<Integer> ranks, int targets, int disabledTargets, List<TierSpace> tiers) {
  public PoolInfo {
    serviceReplicas = List.copyOf(serviceReplicas);
    ranks = List.copyOf(ranks);
    tiers = List.copyOf(tiers);
  }

  /**
   * Space of one media tier over the pool's targets.
   *
   * @param total bytes
   * @param free bytes
   */
  public record TierSpace(long total, long free) {
  }
}
