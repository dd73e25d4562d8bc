package io.daos.dmg.command.pool;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.PoolEvictReq;
import io.daos.proto.mgmt.PoolEvictResp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dmg pool evict <pool>}: every handle of the pool is evicted; JSON response is null, as DAOS's. */
@Command(name = "evict", description = "Evict all pool connections to a DAOS pool")
public final class PoolEvictCommand extends BaseCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "pool")
  String pool;

  PoolEvictReq request(String sys) {
    if (pool == null || pool.isEmpty()) {
      throw new CommandError("no pool ID or label specified");
    }
    return PoolEvictReq.newBuilder().setSys(sys).setId(pool).build();
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    PoolEvictReq req = request(client.systemName());
    PoolEvictResp pb;
    try {
      pb = client.invokeMs(MgmtSvcGrpc.getPoolEvictMethod(), req);
    } catch (RuntimeException e) {
      throw new CommandError("Pool-evict command failed", e);
    }
    if (pb.getStatus() != 0) {
      throw new CommandError("Pool-evict command failed", new DaosException(DaosStatus.fromCode(pb.getStatus())));
    }
    return Outcome.of(null, null, (out, err) -> out.append("Pool-evict command succeeded\n"));
  }
}
