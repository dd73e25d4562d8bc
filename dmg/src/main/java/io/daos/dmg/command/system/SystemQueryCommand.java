package io.daos.dmg.command.system;

import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.system.Absent;
import io.daos.dmg.output.system.MemberStates;
import io.daos.dmg.output.system.SystemPrinter;
import io.daos.dmg.output.system.SystemQueryResponse;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.SystemQueryReq;
import io.daos.proto.mgmt.SystemQueryResp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dmg system query}: member states from the MS. */
@Command(name = "query", description = "Query DAOS system status")
public final class SystemQueryCommand extends BaseCommand {
  static final String FAILED = "system query failed";

  @Mixin
  RankListOptions rankList;
  @Option(names = {"-v", "--verbose"}, description = "Display more member details")
  boolean verbose;
  @Option(names = "--not-ok", description = "Display components in need of administrative investigation")
  boolean notOk;
  @Option(names = "--with-states", description = "Only show engines in one of a set of comma-separated states")
  String withStates;

  /** The SystemQuery request these flags ask for. */
  SystemQueryReq request(String sys) {
    if (notOk && withStates != null && !withStates.isBlank()) {
      throw new CommandError("--not-ok and --with-states options cannot be set together");
    }
    rankList.validate();
    return SystemQueryReq.newBuilder().setSys(sys).setRanks(rankList.ranks()).setHosts(rankList.hosts())
        .setStateMask(stateMask()).build();
  }

  private int stateMask() {
    if (notOk) {
      return MemberStates.ALL & ~MemberStates.JOINED;
    }
    if (withStates == null || withStates.isBlank()) {
      return MemberStates.ALL;
    }
    int mask = 0;
    for (String s : withStates.split(",")) {
      int bit = MemberStates.bit(s.trim());
      if (bit < 0) {
        throw new CommandError("invalid state name \"" + s.trim() + "\"");
      }
      mask |= bit;
    }
    return mask == 0 ? MemberStates.ALL : mask;
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    SystemQueryReq req = wrapped(() -> request(client.systemName()));
    SystemQueryResp pb = wrapped(() -> client.invokeMs(MgmtSvcGrpc.getSystemQueryMethod(), req));
    Absent absent = new Absent(pb.getAbsentranks(), pb.getAbsenthosts());
    SystemQueryResponse resp = new SystemQueryResponse(SystemConvert.members(pb.getMembersList()),
        SystemConvert.nullIfEmpty(pb.getProvidersList()), pb.getSysSelfHealPolicy(), absent);
    String errors = SystemErrors.of(absent, null);
    return Outcome.of(resp, errors == null ? null : new CommandError(FAILED + ": " + errors),
        (out, err) -> SystemPrinter.printQuery(out, err, resp, verbose));
  }

  static <T> T wrapped(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw new CommandError(FAILED, e);
    }
  }
}
