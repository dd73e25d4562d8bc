package io.daos.dmg.output;

import com.google.gson.annotations.SerializedName;
import java.util.List;

/** {@code dmg pool list} payload: {"status":0,"pools":[...]} (query fields absent until pools are queried). */
public record PoolListResponse(int status, List<Pool> pools) {
  /** One pool as the MS lists it. */
  public record Pool(String uuid, String label, @SerializedName("svc_reps") List<Long> svcReps, String state,
      @SerializedName("rebuild_state") String rebuildState) {
  }
}
