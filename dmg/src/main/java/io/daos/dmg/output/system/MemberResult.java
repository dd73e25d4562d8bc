package io.daos.dmg.output.system;

import com.google.gson.annotations.SerializedName;

/** Result of an action on one rank (DAOS system.MemberResult JSON: "state" first, then capitalised keys). */
public record MemberResult(
    String state,
    @SerializedName("Addr") String addr,
    @SerializedName("Rank") long rank,
    @SerializedName("Action") String action,
    @SerializedName("Errored") boolean errored,
    @SerializedName("Msg") String msg) {
}
