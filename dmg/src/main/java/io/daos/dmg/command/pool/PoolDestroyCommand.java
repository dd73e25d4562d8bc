package io.daos.dmg.command.pool;

import io.daos.common.status.DaosException;
import io.daos.control.RetryPolicy;
import io.daos.common.status.DaosStatus;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.PoolDestroyReq;
import io.daos.proto.mgmt.PoolDestroyResp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dmg pool destroy <pool>}: by label or UUID. */
@Command(name = "destroy", description = "Destroy a DAOS pool")
public final class PoolDestroyCommand extends BaseCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "pool")
  String pool;
  @Option(names = {"-f", "--force"}, description = "Force removal of DAOS pool")
  boolean force;
  @Option(names = {"-r", "--recursive"}, description = "Remove DAOS pool with existing containers")
  boolean recursive;

  PoolDestroyReq request(String sys) {
    if (pool == null || pool.isEmpty()) {
      throw new CommandError("no pool ID or label specified");
    }
    return PoolDestroyReq.newBuilder().setSys(sys).setId(pool).setForce(force).setRecursive(recursive).build();
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    PoolDestroyReq req = request(client.systemName());
    PoolDestroyResp pb;
    try {
      // DAOS's poolRequest.canRetry: a rank that just restarted and is not in the group map yet (DER_OOG), a
      // leader change, the pool lock of another create or destroy.
      pb = client.invokeMs(MgmtSvcGrpc.getPoolDestroyMethod(), req, RetryPolicy.POOL);
    } catch (RuntimeException e) {
      throw new CommandError("pool destroy failed", e);
    }
    if (pb.getStatus() != 0) {
      throw new CommandError("pool destroy failed", new DaosException(DaosStatus.fromCode(pb.getStatus())));
    }
    return Outcome.of(null, null, (out, err) -> out.append("Pool-destroy command succeeded\n"));
  }
}
