package io.daos.dmg.command.system;

import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.SystemStopReq;
import io.daos.proto.mgmt.SystemStopResp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dmg system stop}: controlled shutdown of ranks through the MS. */
@Command(name = "stop", description = "Perform controlled shutdown of DAOS system")
public final class SystemStopCommand extends SystemResultsCommand {
  @Option(names = "--force", description = "Force stop DAOS system members")
  boolean force;
  @Option(names = "--full", hidden = true, description = "Attempt a graceful shutdown of DAOS system")
  boolean full;

  @Override
  String failedText() {
    return "system stop failed";
  }

  /** As DAOS's client: the request's force is set unless a full (graceful) shutdown is asked for. */
  SystemStopReq request(String sys) {
    if (force && full) {
      throw new CommandError("--force and --full options may not be mixed");
    }
    if (full && !rankList.hosts().isEmpty()) {
      throw new CommandError("--full and --rank-hosts options may not be mixed");
    }
    if (full && !rankList.ranks().isEmpty()) {
      throw new CommandError("--full and --ranks options may not be mixed");
    }
    rankList.validate();
    return SystemStopReq.newBuilder().setSys(sys).setRanks(rankList.ranks()).setHosts(rankList.hosts())
        .setForce(!full).setIgnoreAdminExcluded(ignoreAdminExcluded).build();
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    SystemStopReq req = wrapped(() -> request(client.systemName()));
    SystemStopResp pb = wrapped(() -> client.invokeMs(MgmtSvcGrpc.getSystemStopMethod(), req));
    return outcome(pb.getResultsList(), pb.getAbsentranks(), pb.getAbsenthosts());
  }
}
