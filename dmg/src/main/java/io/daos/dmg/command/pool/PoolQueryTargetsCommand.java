package io.daos.dmg.command.pool;

import io.daos.common.PoolQueryMask;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.RankRanges;
import io.daos.dmg.output.pool.PoolTargetPrinter;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.PoolQueryReq;
import io.daos.proto.mgmt.PoolQueryResp;
import io.daos.proto.mgmt.PoolQueryTargetReq;
import io.daos.proto.mgmt.PoolQueryTargetResp;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dmg pool query-targets <pool> --rank R [--target-idx 0,2-3]}: state and per-tier space of targets of
 * one engine. Without --target-idx, DAOS asks a pool query first and takes every index below
 * total_targets / total_engines.
 */
@Command(name = "query-targets", description = "Query pool target info")
public final class PoolQueryTargetsCommand extends BaseCommand {
  static final String FAILED = "pool query targets failed";

  @Parameters(index = "0", arity = "0..1", paramLabel = "<pool label or UUID>")
  String pool;
  @Option(names = "--rank", required = true, description = "Engine rank of the target(s) to be queried")
  long rank;
  @Option(names = "--target-idx",
      description = "Comma-separated list of target index(es) to be queried (default: all)")
  String targetIdx;

  /** The indices given with --target-idx; empty when none were given. */
  List<Integer> explicitTargets() {
    if (targetIdx == null || targetIdx.isBlank()) {
      return List.of();
    }
    try {
      return RankRanges.parse(targetIdx).stream().map(Long::intValue).toList();
    } catch (IllegalArgumentException e) {
      throw new CommandError("invalid argument for flag `--target-idx': " + e.getMessage());
    }
  }

  PoolQueryTargetReq request(String sys, List<Integer> targets) {
    if (pool == null || pool.isEmpty()) {
      throw new CommandError("the required argument `<pool label or UUID>` was not provided");
    }
    if (rank < 0 || rank > 0xFFFFFFFEL) {
      throw new CommandError("invalid argument for flag `--rank': " + rank + " is not a rank");
    }
    return PoolQueryTargetReq.newBuilder().setSys(sys).setId(pool).setRank((int) rank).addAllTargets(targets)
        .build();
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    List<Integer> targets = explicitTargets();
    PoolQueryTargetReq probe = request(client.systemName(), List.of());
    if (targets.isEmpty()) {
      targets = allTargets(client, client.systemName());
    }
    PoolQueryTargetReq req = probe.toBuilder().addAllTargets(targets).build();
    PoolQueryTargetResp resp;
    try {
      resp = client.invokeMs(MgmtSvcGrpc.getPoolQueryTargetMethod(), req);
    } catch (RuntimeException e) {
      throw new CommandError(FAILED, e);
    }
    if (resp.getStatus() != 0) {
      throw new CommandError(FAILED, new DaosException(DaosStatus.fromCode(resp.getStatus())));
    }
    return Outcome.of(PoolTargetPrinter.toJson(resp), null, (out, err) -> PoolTargetPrinter.print(out, resp));
  }

  /** Every target index of an engine, from a default pool query (as DAOS's dmg). */
  List<Integer> allTargets(ControlInvoker client, String sys) {
    PoolQueryReq q = PoolQueryReq.newBuilder().setSys(sys).setId(pool).setQueryMask(PoolQueryMask.DEFAULT).build();
    PoolQueryResp pi;
    try {
      pi = client.invokeMs(MgmtSvcGrpc.getPoolQueryMethod(), q);
    } catch (RuntimeException e) {
      throw new CommandError("pool query failed", e);
    }
    if (pi.getStatus() != 0) {
      throw new CommandError("pool query failed", new DaosException(DaosStatus.fromCode(pi.getStatus())));
    }
    if (pi.getTotalTargets() == 0 || pi.getTotalEngines() == 0) {
      throw new CommandError("failed to derive target count from pool query");
    }
    int n = Integer.divideUnsigned(pi.getTotalTargets(), pi.getTotalEngines());
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    return all;
  }
}
