package io.daos.dmg.command.pool;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.PoolUpgradeReq;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code dmg pool upgrade <pool>}: the pool service upgrades the pool to the engine's layout version when it is
 * behind (DAOS MgmtSvc PoolUpgrade); a pool already at it needs nothing and the command succeeds.
 */
@Command(name = "upgrade", description = "Upgrade pool to latest format")
public final class PoolUpgradeCommand extends BaseCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "pool")
  String pool;

  @Override
  protected Outcome execute(ControlInvoker client) {
    if (pool == null || pool.isEmpty()) {
      throw new CommandError("no pool ID or label specified");
    }
    DaosResp resp;
    try {
      resp = client.invokeMs(MgmtSvcGrpc.getPoolUpgradeMethod(), PoolUpgradeReq.newBuilder()
          .setSys(client.systemName()).setId(pool).build());
    } catch (RuntimeException e) {
      throw new CommandError("pool upgrade failed", e);
    }
    if (resp.getStatus() != 0) {
      throw new CommandError("pool upgrade failed", new DaosException(DaosStatus.fromCode(resp.getStatus())));
    }
    return Outcome.of(null, null, (out, err) -> out.append("Pool-upgrade command succeeded\n"));
  }
}
