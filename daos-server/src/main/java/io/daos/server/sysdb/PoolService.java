package io.daos.server.sysdb;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The MS record of a pool: identity, state, service replica ranks and storage. A record only, no logic. */
public record PoolService(
    @SerializedName("pool_uuid") UUID poolUuid,
    @SerializedName("pool_label") String poolLabel,
    @SerializedName("state") PoolServiceState state,
    @SerializedName("replicas") List<Integer> replicas,
    @SerializedName("storage") PoolServiceStorage storage,
    @SerializedName("last_update") Instant lastUpdate) {

  public PoolService {
    Objects.requireNonNull(poolUuid, "poolUuid");
    poolLabel = poolLabel == null ? "" : poolLabel;
    state = state == null ? PoolServiceState.CREATING : state;
    replicas = replicas == null ? List.of() : List.copyOf(replicas);
    storage = storage == null ? new PoolServiceStorage("", List.of(), 0f) : storage;
    lastUpdate = lastUpdate == null ? Instant.EPOCH : lastUpdate;
  }

  /** A new record in Creating state. */
  public static PoolService creating(UUID uuid, String label, PoolServiceStorage storage) {
    return new PoolService(uuid, label, PoolServiceState.CREATING, List.of(), storage, null);
  }

  public PoolService withState(PoolServiceState s) {
    return new PoolService(poolUuid, poolLabel, s, replicas, storage, lastUpdate);
  }

  public PoolService withReplicas(List<Integer> r) {
    return new PoolService(poolUuid, poolLabel, state, r, storage, lastUpdate);
  }

  public PoolService withLabel(String l) {
    return new PoolService(poolUuid, l, state, replicas, storage, lastUpdate);
  }

  public PoolService withLastUpdate(Instant t) {
    return new PoolService(poolUuid, poolLabel, state, replicas, storage, t);
  }
}
