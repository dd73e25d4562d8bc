package io.daos.dmg.command.check;

import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.check.CheckQueryJson;
import io.daos.dmg.output.check.CheckQueryText;
import io.daos.dmg.output.check.CheckQueryView;
import io.daos.proto.chk.CheckFlag;
import io.daos.proto.chk.CheckInconsistAction;
import io.daos.proto.chk.CheckReport;
import io.daos.proto.mgmt.CheckActReq;
import io.daos.proto.mgmt.CheckQueryReq;
import io.daos.proto.mgmt.CheckQueryResp;
import io.daos.proto.mgmt.CheckStartReq;
import io.daos.proto.mgmt.CheckStopReq;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dmg check start|stop|query|repair}. */
final class CheckRunCommands {
  private CheckRunCommands() {
  }

  /** DAOS's ui.EnabledFlag: "on" or "off". */
  static boolean onOff(String v, String flag) {
    return switch (v) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new CommandError("invalid value \"" + v + "\" for --" + flag + " (want on or off)");
    };
  }

  @Command(name = "start", description = "Start a system check")
  public static final class Start extends BaseCommand {
    @Option(names = {"-n", "--dry-run"}, description = "Scan only; do not initiate repairs.")
    boolean dryRun;
    @Option(names = {"-r", "--reset"}, description = "Reset the system check state.")
    boolean reset;
    @Option(names = {"-f", "--failout"}, paramLabel = "on|off", description = "Stop on failure.")
    String failout;
    @Option(names = {"-a", "--auto"}, paramLabel = "on|off",
        description = "Attempt to automatically repair problems.")
    String auto;
    @Option(names = {"-O", "--find-orphans"}, description = "Find orphaned pools.")
    boolean findOrphans;
    @Option(names = {"-p", "--policies"}, paramLabel = "CLASS:ACTION[,...]", description = "Set repair policies.")
    String policies;
    @Parameters(paramLabel = "pool", arity = "0..*", description = "pool names or UUIDs (default: all)")
    List<String> pools = new ArrayList<>();

    @Override
    protected Outcome execute(ControlInvoker client) {
      int flags = (dryRun ? CheckFlag.CF_DRYRUN_VALUE : 0) | (reset ? CheckFlag.CF_RESET_VALUE : 0)
          | (findOrphans ? CheckFlag.CF_ORPHAN_POOL_VALUE : 0);
      if (failout != null) {
        flags |= onOff(failout, "failout") ? CheckFlag.CF_FAILOUT_VALUE : CheckFlag.CF_NO_FAILOUT_VALUE;
      }
      if (auto != null) {
        flags |= onOff(auto, "auto") ? CheckFlag.CF_AUTO_VALUE : CheckFlag.CF_NO_AUTO_VALUE;
      }
      CheckStartReq req = CheckStartReq.newBuilder().setSys(client.systemName()).setFlags(flags)
          .addAllUuids(pools).addAllPolicies(CheckNames.policies(policies)).build();
      client.invokeMs(MgmtSvcGrpc.getSystemCheckStartMethod(), req);
      return CheckModeCommands.info("system checker started");
    }
  }

  @Command(name = "stop", description = "Stop a system check")
  public static final class Stop extends BaseCommand {
    @Parameters(paramLabel = "pool", arity = "0..*", description = "pool names or UUIDs (default: all)")
    List<String> pools = new ArrayList<>();

    @Override
    protected Outcome execute(ControlInvoker client) {
      client.invokeMs(MgmtSvcGrpc.getSystemCheckStopMethod(),
          CheckStopReq.newBuilder().setSys(client.systemName()).addAllUuids(pools).build());
      return CheckModeCommands.info("system checker stopped");
    }
  }

  @Command(name = "query", description = "Query a system check")
  public static final class Query extends BaseCommand {
    @Option(names = {"-v", "--verbose"}, description = "Show more detailed information.")
    boolean verbose;
    @Parameters(paramLabel = "pool", arity = "0..*", description = "pool names or UUIDs (default: all)")
    List<String> pools = new ArrayList<>();

    @Override
    protected Outcome execute(ControlInvoker client) {
      CheckQueryResp pb = client.invokeMs(MgmtSvcGrpc.getSystemCheckQueryMethod(),
          CheckQueryReq.newBuilder().setSys(client.systemName()).addAllUuids(pools).build());
      CheckQueryView v = CheckQueryView.of(pb);
      return Outcome.of(CheckQueryJson.of(v), null, (out, err) -> out.append(CheckQueryText.print(v, verbose)));
    }
  }

  @Command(name = "repair", description = "Repair a reported system check problem")
  public static final class Repair extends BaseCommand {
    @Parameters(index = "0", paramLabel = "seq-num", description = "finding sequence number (decimal or 0x hex)")
    String seq;
    @Parameters(index = "1", paramLabel = "action", description = "index of the repair option")
    int action;

    @Override
    protected Outcome execute(ControlInvoker client) {
      long s = parseSeq(seq);
      String id = "0x" + Long.toHexString(s);
      CheckQueryResp q = client.invokeMs(MgmtSvcGrpc.getSystemCheckQueryMethod(),
          CheckQueryReq.newBuilder().setSys(client.systemName()).addSeqs(s).build());
      if (q.getReportsCount() == 0) {
        throw new CommandError("no report found for seq " + id);
      }
      CheckReport r = q.getReports(0);
      if (r.getAction() != CheckInconsistAction.CIA_INTERACT) {
        throw new CommandError("finding " + id + " is already resolved: " + CheckQueryView.resolution(r));
      }
      if (action < 0 || action >= r.getActChoicesCount()) {
        throw new CommandError("invalid action " + action + " for seq " + id);
      }
      client.invokeMs(MgmtSvcGrpc.getSystemCheckRepairMethod(), CheckActReq.newBuilder()
          .setSys(client.systemName()).setSeq(s).setAct(r.getActChoices(action)).build());
      return CheckModeCommands.info("Repair request sent");
    }

    static long parseSeq(String v) {
      try {
        return v.startsWith("0x") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseUnsignedLong(v);
      } catch (NumberFormatException e) {
        throw new CommandError("invalid seq-num \"" + v + "\" (want a decimal or 0x-prefixed hex number)");
      }
    }
  }
}
