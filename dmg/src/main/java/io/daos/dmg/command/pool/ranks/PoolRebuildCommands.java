package io.daos.dmg.command.pool.ranks;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.PoolRebuildStartReq;
import io.daos.proto.mgmt.PoolRebuildStopReq;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dmg pool rebuild start|stop <pool>}: "Pool-rebuild start request succeeded"; JSON response null. */
@Command(name = "rebuild", description = "Manage interactive rebuild process for pools",
    subcommands = {PoolRebuildCommands.Start.class, PoolRebuildCommands.Stop.class})
public final class PoolRebuildCommands {
  abstract static class Op extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "pool")
    String pool;

    abstract String opName();

    abstract DaosResp call(ControlInvoker client, String id);

    @Override
    protected Outcome execute(ControlInvoker client) {
      if (pool == null || pool.isEmpty()) {
        throw new CommandError("no pool ID or label specified");
      }
      String msg = "pool-rebuild " + opName() + " failed";
      DaosResp r;
      try {
        r = call(client, pool);
      } catch (RuntimeException e) {
        throw new CommandError(msg, e);
      }
      if (r.getStatus() != 0) {
        throw new CommandError(msg, new DaosException(DaosStatus.fromCode(r.getStatus())));
      }
      return Outcome.of(null, null,
          (out, err) -> out.append("Pool-rebuild ").append(opName()).append(" request succeeded\n"));
    }
  }

  /** {@code dmg pool rebuild start}. */
  @Command(name = "start", description = "Rebuild start request submitted to pool")
  public static final class Start extends Op {
    @Override
    String opName() {
      return "start";
    }

    @Override
    DaosResp call(ControlInvoker client, String id) {
      return client.invokeMs(MgmtSvcGrpc.getPoolRebuildStartMethod(), PoolRebuildStartReq.newBuilder()
          .setSys(client.systemName()).setId(id).build());
    }
  }

  /** {@code dmg pool rebuild stop [-f]}. */
  @Command(name = "stop", description = "Rebuild stop request submitted to pool")
  public static final class Stop extends Op {
    @Option(names = {"-f", "--force"}, description = "Forcibly stop rebuild")
    boolean force;

    @Override
    String opName() {
      return "stop";
    }

    @Override
    DaosResp call(ControlInvoker client, String id) {
      return client.invokeMs(MgmtSvcGrpc.getPoolRebuildStopMethod(), PoolRebuildStopReq.newBuilder()
          .setSys(client.systemName()).setId(id).setForce(force).build());
    }
  }
}
