package io.daos.dmg.output.system;

import com.google.gson.annotations.SerializedName;
import java.util.List;

/**
 * {@code dmg system query} payload (DAOS SystemQueryResp JSON). Absent ranks/hosts are not serialised: they
 * only appear in the envelope's error.
 */
public final class SystemQueryResponse {
  private final List<Member> members;
  private final List<String> providers;
  @SerializedName("sys_self_heal_policy")
  private final String sysSelfHealPolicy;
  private final transient Absent absent;

  public SystemQueryResponse(List<Member> members, List<String> providers, String sysSelfHealPolicy,
      Absent absent) {
    this.members = members;
    this.providers = providers;
    this.sysSelfHealPolicy = sysSelfHealPolicy;
    this.absent = absent == null ? Absent.NONE : absent;
  }

  public List<Member> members() {
    return members == null ? List.of() : members;
  }

  public String sysSelfHealPolicy() {
    return sysSelfHealPolicy;
  }

  public Absent absent() {
    return absent;
  }
}
