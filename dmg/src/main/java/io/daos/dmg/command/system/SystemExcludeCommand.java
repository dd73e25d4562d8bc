package io.daos.dmg.command.system;

import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.RankRanges;
import io.daos.dmg.output.system.SystemResultsResponse;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.SystemExcludeReq;
import io.daos.proto.mgmt.SystemExcludeResp;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dmg system exclude}: mark ranks administratively excluded (they may not rejoin until cleared).
 * Prints the updated ranks; {@code -j} gives {@code {"Results":[...]}} as DAOS.
 */
@Command(name = "exclude", description = "Exclude ranks from DAOS system")
public class SystemExcludeCommand extends BaseCommand {
  @Mixin
  RankListOptions rankList;

  boolean clear() {
    return false;
  }

  SystemExcludeReq request(String sys) {
    rankList.validate();
    if (rankList.ranks().isEmpty() && rankList.hosts().isEmpty()) {
      throw new CommandError("no ranks or hosts specified");
    }
    return SystemExcludeReq.newBuilder().setSys(sys).setRanks(rankList.ranks()).setHosts(rankList.hosts())
        .setClear(clear()).build();
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    SystemExcludeReq req = request(client.systemName());
    SystemExcludeResp pb;
    try {
      pb = client.invokeMs(MgmtSvcGrpc.getSystemExcludeMethod(), req);
    } catch (RuntimeException e) {
      throw new CommandError("system " + (clear() ? "clear-exclude" : "exclude") + " failed", e);
    }
    SystemResultsResponse resp = new SystemResultsResponse(SystemConvert.results(pb.getResultsList()), null);
    String errors = SystemErrors.of(resp.absent(), resp.results());
    TreeSet<Long> updated = new TreeSet<>();
    resp.results().forEach(r -> updated.add(r.rank()));
    return Outcome.of(resp, errors == null ? null : new CommandError(errors), (out, err) -> {
      if (errors != null) {
        err.append("Errors: ").append(errors).append('\n');
      }
      out.append("updated ranks: ").append(RankRanges.ranged(updated)).append('\n');
    });
  }

  /** {@code dmg system clear-exclude}: clear the admin-excluded state so the ranks can rejoin. */
  @Command(name = "clear-exclude", description = "Clear excluded state for ranks")
  public static final class Clear extends SystemExcludeCommand {
    @Override
    boolean clear() {
      return true;
    }
  }
}
