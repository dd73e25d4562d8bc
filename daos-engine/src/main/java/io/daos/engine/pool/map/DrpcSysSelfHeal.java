package io.daos.engine.pool.map;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.proto.mgmt.SystemGetPropReq;
import io.daos.proto.mgmt.SystemGetPropResp;
import java.util.function.Supplier;

/**
 * {@link SysSelfHeal} from daos_server, as DAOS's {@code ds_mgmt_get_self_heal_policy}: dRPC SRV_GET_SYS_PROPS
 * (311) with a SystemGetPropReq for the key {@code self_heal}; the answer must carry exactly that key.
 */
public final class DrpcSysSelfHeal implements SysSelfHeal {
  static final String KEY = "self_heal";

  private final Supplier<DrpcClient> server;
  private final String sys;

  public DrpcSysSelfHeal(Supplier<DrpcClient> server, String sys) {
    this.server = server;
    this.sys = sys;
  }

  @Override
  public long policy() {
    DrpcClient c = server.get();
    if (c == null) {
      throw new DaosException(DaosStatus.UNINIT, "no dRPC connection to daos_server to read the system self_heal");
    }
    SystemGetPropResp r;
    try {
      r = SystemGetPropResp.parseFrom(c.call(DrpcMethod.SRV_GET_SYS_PROPS,
          SystemGetPropReq.newBuilder().setSys(sys).addKeys(KEY).build().toByteArray()));
    } catch (java.io.IOException | RuntimeException e) {
      if (e instanceof DaosException de) {
        throw de;
      }
      throw new DaosException(DaosStatus.TIMEDOUT, "cannot read the system property self_heal from daos_server: "
          + e.getMessage(), e);
    }
    if (r.getPropertiesCount() != 1 || !r.getPropertiesMap().containsKey(KEY)) {
      throw new DaosException(DaosStatus.PROTO, "daos_server answered " + r.getPropertiesMap().keySet()
          + " when asked for the system property self_heal");
    }
    return SysSelfHeal.parse(r.getPropertiesMap().get(KEY));
  }
}
