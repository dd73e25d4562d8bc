package io.daos.server.sysdb;

import com.google.gson.annotations.SerializedName;
import java.util.List;

/**
 * Storage a pool was created with: the creation rank set (ranged string), bytes per tier on each rank and
 * the md-on-ssd memory ratio.
 */
public record PoolServiceStorage(
    @SerializedName("creation_rank_str") String creationRankStr,
    @SerializedName("per_rank_tier_storage") List<Long> perRankTierStorage,
    @SerializedName("mem_ratio") float memRatio) {

  public PoolServiceStorage {
    creationRankStr = creationRankStr == null ? "" : creationRankStr;
    perRankTierStorage = perRankTierStorage == null ? List.of() : List.copyOf(perRankTierStorage);
  }
}
