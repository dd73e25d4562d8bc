package io.daos.dmg.output.system;

import com.google.gson.annotations.SerializedName;
import java.util.List;

/** {@code dmg system stop|start} payload (DAOS SystemStopResp/SystemStartResp JSON: only "Results"). */
public final class SystemResultsResponse {
  @SerializedName("Results")
  private final List<MemberResult> results;
  private final transient Absent absent;

  public SystemResultsResponse(List<MemberResult> results, Absent absent) {
    this.results = results;
    this.absent = absent == null ? Absent.NONE : absent;
  }

  public List<MemberResult> results() {
    return results == null ? List.of() : results;
  }

  public Absent absent() {
    return absent;
  }
}
