package io.daos.dmg.output.system;

import com.google.gson.annotations.SerializedName;
import java.util.List;

/**
 * One system member as dmg shows it (DAOS system.Member JSON): keys and order as DAOS, state lower-case.
 * {@code stateName} is DAOS's CamelCase state ("Joined") used in tables.
 */
public record Member(
    String addr,
    String state,
    @SerializedName("fault_domain") String faultDomain,
    long rank,
    long incarnation,
    String uuid,
    @SerializedName("fabric_uri") String fabricUri,
    @SerializedName("secondary_fabric_uris") List<String> secondaryFabricUris,
    @SerializedName("fabric_contexts") long fabricContexts,
    @SerializedName("secondary_fabric_contexts") List<Long> secondaryFabricContexts,
    String info,
    @SerializedName("last_update") String lastUpdate) {

  /** The CamelCase state name DAOS prints in tables. */
  public String stateName() {
    return MemberStates.camel(state);
  }
}
