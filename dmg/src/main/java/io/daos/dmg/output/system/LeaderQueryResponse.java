package io.daos.dmg.output.system;

import com.google.gson.annotations.SerializedName;
import java.util.List;

/** {@code dmg system leader-query} payload (DAOS LeaderQueryResp JSON). */
public record LeaderQueryResponse(
    @SerializedName("current_leader") String currentLeader,
    List<String> replicas,
    @SerializedName("down_replicas") List<String> downReplicas) {
}
