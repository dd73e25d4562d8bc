package io.daos.dmg.command.pool;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.pool.PoolInfo;
import io.daos.dmg.output.pool.PoolInfoPrinter;
import io.daos.common.PoolQueryMask;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.PoolQueryReq;
import io.daos.proto.mgmt.PoolQueryResp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dmg pool query <pool>}: the pool's health and space; JSON is DAOS's PoolInfo object. */
@Command(name = "query", description = "Query a DAOS pool")
public final class PoolQueryCommand extends BaseCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "pool")
  String pool;
  @Option(names = {"-t", "--health-only"}, description = "Only perform pool health related queries")
  boolean healthOnly;
  @Option(names = {"-e", "--show-enabled"}, description = "Show engine unique identifiers (ranks) which are enabled")
  boolean showEnabled;
  @Option(names = "--no-self-heal-check", description = "Disable self_heal pool property check")
  boolean noSelfHealCheck;

  /** The query mask DAOS's dmg sends for these flags. */
  long mask() {
    long mask = healthOnly ? PoolQueryMask.HEALTH_ONLY : PoolQueryMask.DEFAULT;
    if (!noSelfHealCheck) {
      mask |= PoolQueryMask.SELF_HEAL_POLICY;
    }
    if (showEnabled) {
      mask |= PoolQueryMask.ENGINES_ENABLED;
    }
    return mask | PoolQueryMask.ENGINES_DISABLED;
  }

  PoolQueryReq request(String sys) {
    if (pool == null || pool.isEmpty()) {
      throw new CommandError("no pool ID or label specified; usage: dmg pool query <label|uuid>");
    }
    return PoolQueryReq.newBuilder().setSys(sys).setId(pool).setQueryMask(mask()).build();
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    PoolQueryReq req = request(client.systemName());
    PoolQueryResp pb = queryPb(client, req);
    PoolInfo info = PoolInfos.fromQuery(pb, req.getQueryMask());
    return Outcome.of(info.toJson(), null, (out, err) -> {
      PoolInfoPrinter.print(out, info);
      PoolInfoPrinter.printSelfHealDisable(out, info.selfHealPolicy(), pb.getSysSelfHealPolicy());
    });
  }

  /** Asks the MS; a non-zero status in the answer is an error, as in DAOS. */
  static PoolInfo query(ControlInvoker client, PoolQueryReq req) {
    return PoolInfos.fromQuery(queryPb(client, req), req.getQueryMask());
  }

  private static PoolQueryResp queryPb(ControlInvoker client, PoolQueryReq req) {
    PoolQueryResp pb;
    try {
      pb = client.invokeMs(MgmtSvcGrpc.getPoolQueryMethod(), req);
    } catch (RuntimeException e) {
      throw new CommandError("pool query failed", e);
    }
    if (pb.getStatus() != 0) {
      throw new CommandError("pool query failed", new DaosException(DaosStatus.fromCode(pb.getStatus())));
    }
    return pb;
  }
}
