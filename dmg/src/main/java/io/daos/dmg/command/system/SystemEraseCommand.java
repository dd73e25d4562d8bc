package io.daos.dmg.command.system;

import io.daos.common.ranklist.RankSet;
import io.daos.control.errors.MsErrors;
import io.daos.control.errors.NotReplicaException;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.SystemEraseReq;
import io.daos.proto.mgmt.SystemEraseResp;
import io.daos.proto.mgmt.SystemMember;
import io.daos.proto.mgmt.SystemQueryReq;
import io.daos.proto.mgmt.SystemQueryResp;
import io.daos.proto.shared.RankResult;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code dmg system erase} (DAOS lib/control SystemErase): refuses while any rank is Ready or Joined, then asks
 * the MS to reset every rank's format and wipe its database, ready for {@code dmg storage format}. Prints
 * nothing on success (the JSON response is null), as DAOS.
 */
@Command(name = "erase", description = "Erase system metadata prior to reformat")
public final class SystemEraseCommand extends BaseCommand {
  static final String STOP_HINT = "stop them first with 'dmg system stop', then run 'dmg system erase' again";

  @Override
  protected Outcome execute(ControlInvoker client) {
    checkStopped(client);
    SystemEraseResp pb = client.invokeMs(MgmtSvcGrpc.getSystemEraseMethod(),
        SystemEraseReq.newBuilder().setSys(client.systemName()).build());
    String failed = failedRanks(pb.getResultsList());
    return Outcome.of(null, failed == null ? null : new CommandError(failed), (out, err) -> { });
  }

  /** DAOS checkSystemErase: an MS that is not up (not a replica, raft unavailable) has no running ranks. */
  static void checkStopped(ControlInvoker client) {
    SystemQueryResp resp;
    try {
      resp = client.invokeMs(MgmtSvcGrpc.getSystemQueryMethod(),
          SystemQueryReq.newBuilder().setSys(client.systemName()).build());
    } catch (NotReplicaException e) {
      return;
    } catch (RuntimeException e) {
      if (MsErrors.isUnavailable(e)) {
        return;
      }
      throw new CommandError("System-Query command failed", e);
    }
    List<Integer> alive = resp.getMembersList().stream().filter(SystemEraseCommand::isAvailable)
        .map(SystemMember::getRank).toList();
    if (!alive.isEmpty()) {
      throw new CommandError(String.format("system erase requires the following %s to be stopped: %s",
          plural(alive.size(), "rank"), RankSet.ofInts(alive)), STOP_HINT);
    }
  }

  /** DAOS AvailableMemberFilter: Ready or Joined. */
  private static boolean isAvailable(SystemMember m) {
    String s = m.getState().toLowerCase(java.util.Locale.ROOT);
    return s.equals("ready") || s.equals("joined");
  }

  /** DAOS MemberResults.Errors: "failed rank 3" / "failed ranks 1,5-7", or null. */
  static String failedRanks(List<RankResult> results) {
    List<Integer> failed = results.stream().filter(RankResult::getErrored).map(RankResult::getRank).toList();
    return failed.isEmpty() ? null : "failed " + (failed.size() == 1 ? "rank" : "ranks") + " " + RankSet.ofInts(failed);
  }

  private static String plural(int n, String word) {
    return n + " " + (n == 1 ? word : word + "s");
  }
}
