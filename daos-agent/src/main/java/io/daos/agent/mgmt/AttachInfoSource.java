package io.daos.agent.mgmt;

import io.daos.control.ControlClient;
import io.daos.proto.mgmt.GetAttachInfoReq;
import io.daos.proto.mgmt.GetAttachInfoResp;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import java.time.Duration;

/** Where the agent gets attach info: the MS's GetAttachInfo(all_ranks=true). */
@FunctionalInterface
public interface AttachInfoSource {
  /** The MS answer for system {@code sys} (empty: the configured one); control-client faults propagate. */
  GetAttachInfoResp fetch(String sys);

  /** Asks the MS through {@code client} (component agent) with an overall deadline. */
  static AttachInfoSource ms(ControlClient client, Duration timeout) {
    return sys -> client.invokeMs(MgmtSvcGrpc.getGetAttachInfoMethod(),
        GetAttachInfoReq.newBuilder().setSys(sys).setAllRanks(true).build(), timeout);
  }
}
