package io.daos.dmg.command.system;

import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.SystemStartReq;
import io.daos.proto.mgmt.SystemStartResp;
import picocli.CommandLine.Command;

/** {@code dmg system start}: start stopped ranks through the MS. */
@Command(name = "start", description = "Perform start of stopped DAOS system")
public final class SystemStartCommand extends SystemResultsCommand {
  @Override
  String failedText() {
    return "system start failed";
  }

  SystemStartReq request(String sys) {
    rankList.validate();
    return SystemStartReq.newBuilder().setSys(sys).setRanks(rankList.ranks()).setHosts(rankList.hosts())
        .setIgnoreAdminExcluded(ignoreAdminExcluded).build();
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    SystemStartReq req = wrapped(() -> request(client.systemName()));
    SystemStartResp pb = wrapped(() -> client.invokeMs(MgmtSvcGrpc.getSystemStartMethod(), req));
    return outcome(pb.getResultsList(), pb.getAbsentranks(), pb.getAbsenthosts());
  }
}
