package io.daos.dmg.output.pool;

import com.google.gson.annotations.SerializedName;
import java.util.List;

/** {@code dmg pool create} payload (DAOS control.PoolCreateResp JSON). */
public record PoolCreateResponse(
    String uuid,
    @SerializedName("svc_ldr") long svcLdr,
    @SerializedName("svc_reps") List<Long> svcReps,
    @SerializedName("tgt_ranks") List<Long> tgtRanks,
    @SerializedName("tier_bytes") List<Long> tierBytes,
    @SerializedName("mem_file_bytes") long memFileBytes,
    @SerializedName("md_on_ssd_active") boolean mdOnSsdActive) {
}
