package io.daos.dmg.command.system;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.pool.PoolRanksPrinter;
import io.daos.dmg.output.pool.PoolRanksPrinter.PoolRanks;
import io.daos.dmg.output.pool.PoolRanksPrinter.RankResult;
import io.daos.dmg.output.system.RebuildManagePrinter;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.PoolRanksResp;
import io.daos.proto.mgmt.PoolRebuildManageResult;
import io.daos.proto.mgmt.SystemDrainReq;
import io.daos.proto.mgmt.SystemDrainResp;
import io.daos.proto.mgmt.SystemRebuildManageReq;
import io.daos.proto.mgmt.SystemRebuildManageResp;
import io.daos.proto.mgmt.SystemSelfHealEvalReq;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dmg system drain|reintegrate}, {@code dmg system rebuild start|stop} and {@code dmg system self-heal
 * eval} (DAOS cmd/dmg/system.go): the MS applies them to every pool concerned and answers per pool; and
 * {@code dmg system list-pools}.
 */
public final class SystemPoolCommands {
  private SystemPoolCommands() {
  }

  /** {@code dmg system list-pools}: DAOS's other name for {@code dmg pool list} (same flags, output and JSON). */
  @Command(name = "list-pools", description = "List all pools in the DAOS system")
  public static final class ListPools extends io.daos.dmg.command.pool.PoolListCommand {
  }

  /** {@code dmg system drain}: the selected ranks are drained from every pool that has them enabled. */
  @Command(name = "drain", description = "Drain ranks or hosts from all relevant pools in DAOS system")
  public static class Drain extends BaseCommand {
    @Mixin
    RankListOptions rankList;

    boolean reint() {
      return false;
    }

    SystemDrainReq request(String sys) {
      rankList.validate();
      if (rankList.ranks().isEmpty() && rankList.hosts().isEmpty()) {
        throw new CommandError("system " + op() + " failed: no ranks or hosts specified");
      }
      return SystemDrainReq.newBuilder().setSys(sys).setRanks(rankList.ranks()).setHosts(rankList.hosts())
          .setReint(reint()).build();
    }

    private String op() {
      return reint() ? "reintegrate" : "drain";
    }

    @Override
    protected Outcome execute(ControlInvoker client) {
      SystemDrainReq req = request(client.systemName());
      SystemDrainResp pb;
      try {
        pb = client.invokeMs(MgmtSvcGrpc.getSystemDrainMethod(), req);
      } catch (RuntimeException e) {
        throw new CommandError("system " + op() + " failed", e);
      }
      List<PoolRanks> resps = new ArrayList<>();
      for (PoolRanksResp p : pb.getResponsesList()) {
        List<RankResult> rs = new ArrayList<>();
        p.getResultsList().forEach(r -> rs.add(new RankResult(r.getRank(), r.getErrored(), r.getMsg())));
        resps.add(new PoolRanks(p.getId(), rs));
      }
      String errors = PoolRanksPrinter.errors(resps);
      com.google.gson.JsonObject json = new com.google.gson.JsonObject();
      json.addProperty("reint", pb.getReint());
      com.google.gson.JsonArray a = new com.google.gson.JsonArray();
      resps.forEach(p -> a.add(p.toJson()));
      json.add("responses", a);
      return Outcome.of(json, errors == null ? null : new CommandError("system " + op() + " failed: " + errors),
          (out, err) -> PoolRanksPrinter.print(out, resps));
    }
  }

  /** {@code dmg system reintegrate} (alias reint): the ranks come back into every pool that has them disabled. */
  @Command(name = "reintegrate", aliases = "reint",
      description = "Reintegrate ranks or hosts into all relevant pools in DAOS system")
  public static final class Reintegrate extends Drain {
    @Override
    boolean reint() {
      return true;
    }
  }

  /** {@code dmg system rebuild start|stop}. */
  @Command(name = "rebuild", description = "Interactive rebuild commands",
      subcommands = {RebuildStart.class, RebuildStop.class})
  public static final class Rebuild {
  }

  abstract static class RebuildOp extends BaseCommand {
    @Option(names = {"-v", "--verbose"}, description = "Print pool identifiers")
    boolean verbose;

    abstract int opCode();

    abstract boolean force();

    @Override
    protected Outcome execute(ControlInvoker client) {
      String fail = "system rebuild " + RebuildManagePrinter.opName(opCode()) + " failed";
      SystemRebuildManageResp pb;
      try {
        pb = client.invokeMs(MgmtSvcGrpc.getSystemRebuildManageMethod(), SystemRebuildManageReq.newBuilder()
            .setSys(client.systemName()).setOpCode(opCode()).setForce(force()).build());
      } catch (RuntimeException e) {
        throw new CommandError(fail, e);
      }
      List<RebuildManagePrinter.Result> results = new ArrayList<>();
      for (PoolRebuildManageResult r : pb.getResultsList()) {
        results.add(new RebuildManagePrinter.Result(r.getId(), r.getOpCode(), r.getErrored(), r.getMsg()));
      }
      String jsonErr = RebuildManagePrinter.errors(results);
      StringBuilder text = new StringBuilder();
      String textErr = RebuildManagePrinter.print(text, results, verbose);
      if (context().json()) {
        return Outcome.of(RebuildManagePrinter.toJson(results),
            jsonErr == null ? null : new CommandError(fail + ": " + jsonErr), (out, err) -> out.append(text));
      }
      return Outcome.of(RebuildManagePrinter.toJson(results),
          textErr == null ? null : new CommandError(fail + ": " + textErr), (out, err) -> out.append(text));
    }
  }

  /** {@code dmg system rebuild start}. */
  @Command(name = "start", description = "System rebuild start requests submitted to pools")
  public static final class RebuildStart extends RebuildOp {
    @Override
    int opCode() {
      return 1;
    }

    @Override
    boolean force() {
      return false;
    }
  }

  /** {@code dmg system rebuild stop [-f]}. */
  @Command(name = "stop", description = "System rebuild stop requests submitted to pools")
  public static final class RebuildStop extends RebuildOp {
    @Option(names = {"-f", "--force"}, description = "Forcibly stop interactive rebuild")
    boolean force;

    @Override
    int opCode() {
      return 2;
    }

    @Override
    boolean force() {
      return force;
    }
  }

  /** {@code dmg system self-heal eval}. */
  @Command(name = "self-heal", description = "Self-heal commands for auto recovery",
      subcommands = {SelfHealEval.class})
  public static final class SelfHeal {
  }

  /** "System self-heal eval request succeeded"; JSON response null. */
  @Command(name = "eval", description = "Trigger self healing if necessary based on system property self_heal "
      + "and the current system status")
  public static final class SelfHealEval extends BaseCommand {
    @Override
    protected Outcome execute(ControlInvoker client) {
      DaosResp pb;
      try {
        pb = client.invokeMs(MgmtSvcGrpc.getSystemSelfHealEvalMethod(), SystemSelfHealEvalReq.newBuilder()
            .setSys(client.systemName()).build());
      } catch (RuntimeException e) {
        throw new CommandError("system self-heal eval failed", e);
      }
      if (pb.getStatus() != 0) {
        throw new CommandError("system self-heal eval failed", new DaosException(DaosStatus.fromCode(
            pb.getStatus())));
      }
      return Outcome.of(null, null, (out, err) -> out.append("System self-heal eval request succeeded\n"));
    }
  }
}
