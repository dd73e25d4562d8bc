package io.daos.dmg.command.pool.ranks;

import com.google.gson.JsonObject;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.RankRanges;
import io.daos.dmg.output.pool.PoolRanksPrinter;
import io.daos.dmg.output.pool.PoolRanksPrinter.PoolRanks;
import io.daos.dmg.output.pool.PoolRanksPrinter.RankResult;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.PoolDrainReq;
import io.daos.proto.mgmt.PoolExcludeReq;
import io.daos.proto.mgmt.PoolExtendReq;
import io.daos.proto.mgmt.PoolExtendResp;
import io.daos.proto.mgmt.PoolReintReq;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The pool-rank commands. exclude, drain and reintegrate send one request per rank (DAOS's control API loop) and
 * print the per-rank outcome table; a failed rank is an errored result and makes the command fail after the
 * table. extend sends one request for all ranks.
 */
public final class PoolRanksCommands {
  private PoolRanksCommands() {
  }

  /** DAOS poolRanksCmd: the pool and {@code --ranks}. */
  abstract static class RanksCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "pool")
    String pool;
    @Option(names = "--ranks", required = true,
        description = "Comma-separated list of rank-range strings to operate on for a single pool")
    String ranks;

    String poolId() {
      if (pool == null || pool.isEmpty()) {
        throw new CommandError("no pool ID or label specified");
      }
      return pool;
    }

    List<Long> rankList() {
      List<Long> out;
      try {
        out = new ArrayList<>(RankRanges.parse(ranks));
      } catch (IllegalArgumentException e) {
        throw new CommandError("creating numeric set from \"" + ranks + "\": " + e.getMessage());
      }
      if (out.isEmpty()) {
        throw new CommandError("no ranks in request");
      }
      return out;
    }
  }

  /** exclude/drain/reintegrate: {@code --target-idx} and the per-rank loop. */
  abstract static class RankOpCommand extends RanksCommand {
    @Option(names = "--target-idx", description = "Comma-separated list of target index(es) on each rank")
    String targetIdx;

    /** DAOS common.ParseNumberList. */
    List<Integer> targets() {
      List<Integer> out = new ArrayList<>();
      if (targetIdx == null || targetIdx.isBlank()) {
        return out;
      }
      for (String t : targetIdx.split(",")) {
        try {
          out.add(Integer.parseUnsignedInt(t.trim()));
        } catch (NumberFormatException e) {
          throw new CommandError("parsing target list: unable to parse \"" + t.trim() + "\" as a number");
        }
      }
      return out;
    }

    /** One rank's request; returns its DAOS status. */
    abstract int call(ControlInvoker client, String id, int rank, List<Integer> targets);

    @Override
    protected Outcome execute(ControlInvoker client) {
      String id = poolId();
      List<Integer> targets = targets();
      List<RankResult> results = new ArrayList<>();
      for (long rank : rankList()) {
        try {
          int status = call(client, id, (int) rank, targets);
          results.add(new RankResult(rank, status != 0, status == 0 ? "" : DaosStatus.fromCode(status).toString()));
        } catch (RuntimeException e) {
          results.add(new RankResult(rank, true, io.daos.common.cli.ErrorText.message(e)));
        }
      }
      PoolRanks resp = new PoolRanks(id, results);
      String errors = resp.errors();
      JsonObject json = resp.toJson();
      return Outcome.of(json, errors == null ? null : new CommandError(errors),
          (out, err) -> PoolRanksPrinter.print(out, List.of(resp)));
    }
  }

  /** {@code dmg pool exclude}. */
  @Command(name = "exclude", description = "Exclude targets from a set of ranks")
  public static final class Exclude extends RankOpCommand {
    @Option(names = {"-f", "--force"},
        description = "Force the operation to continue, potentially leading to data loss")
    boolean force;

    @Override
    int call(ControlInvoker client, String id, int rank, List<Integer> targets) {
      return client.invokeMs(MgmtSvcGrpc.getPoolExcludeMethod(), PoolExcludeReq.newBuilder()
          .setSys(client.systemName()).setId(id).setRank(rank).addAllTargetIdx(targets).setForce(force).build())
          .getStatus();
    }
  }

  /** {@code dmg pool drain}. */
  @Command(name = "drain", description = "Drain targets from a set of ranks")
  public static final class Drain extends RankOpCommand {
    @Override
    int call(ControlInvoker client, String id, int rank, List<Integer> targets) {
      return client.invokeMs(MgmtSvcGrpc.getPoolDrainMethod(), PoolDrainReq.newBuilder()
          .setSys(client.systemName()).setId(id).setRank(rank).addAllTargetIdx(targets).build()).getStatus();
    }
  }

  /** {@code dmg pool reintegrate} (alias reint). */
  @Command(name = "reintegrate", aliases = "reint", description = "Reintegrate targets for a set of rank")
  public static final class Reintegrate extends RankOpCommand {
    @Override
    int call(ControlInvoker client, String id, int rank, List<Integer> targets) {
      return client.invokeMs(MgmtSvcGrpc.getPoolReintegrateMethod(), PoolReintReq.newBuilder()
          .setSys(client.systemName()).setId(id).setRank(rank).addAllTargetIdx(targets).build()).getStatus();
    }
  }

  /** {@code dmg pool extend}: "Extend command succeeded" or "Extend command failed: ...". */
  @Command(name = "extend", description = "Extend a DAOS pool to include new ranks")
  public static final class Extend extends RanksCommand {
    @Override
    protected Outcome execute(ControlInvoker client) {
      PoolExtendReq.Builder req = PoolExtendReq.newBuilder().setSys(client.systemName()).setId(poolId());
      rankList().forEach(r -> req.addRanks(r.intValue()));
      PoolExtendResp pb;
      try {
        pb = client.invokeMs(MgmtSvcGrpc.getPoolExtendMethod(), req.build());
      } catch (RuntimeException e) {
        throw new CommandError("pool extend failed", e);
      }
      if (pb.getStatus() != 0) {
        throw new CommandError("pool extend failed",
            new DaosException(DaosStatus.fromCode(pb.getStatus())));
      }
      return Outcome.of(null, null, (out, err) -> out.append("Extend command succeeded\n"));
    }
  }
}
