package io.daos.dmg.command.pool;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.PoolProperty;
import io.daos.proto.mgmt.PoolSetPropReq;
import io.daos.proto.mgmt.PoolSetPropResp;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dmg pool set-prop <pool> key:val[,key:val...]}; JSON response is null, as DAOS's. */
@Command(name = "set-prop", description = "Set pool property")
public final class PoolSetPropCommand extends BaseCommand {
  /** Properties DAOS's dmg refuses to change on an existing pool, with its messages. */
  private static final Map<Integer, String> FIXED = Map.of(
      21, "can't set perf_domain on existing pool.",
      12, "can't set EC performance domain affinity on existing pool.",
      13, "can't set RP performance domain affinity on existing pool.");

  @Parameters(index = "0", arity = "0..1", paramLabel = "pool")
  String pool;
  @Parameters(index = "1", arity = "0..1", paramLabel = "<key:val[,key:val1[;val2...]...]>")
  String props;

  PoolSetPropReq request(String sys) {
    if (pool == null || pool.isEmpty()) {
      throw new CommandError("no pool ID or label specified");
    }
    if (props == null) {
      throw new CommandError("the required argument `<key:val[,key:val1[;val2...]...]>` was not provided");
    }
    List<PoolProperty> set = PoolPropFlags.parseSet(props);
    for (PoolProperty p : set) {
      if (FIXED.containsKey(p.getNumber())) {
        throw new CommandError(FIXED.get(p.getNumber()));
      }
    }
    return PoolSetPropReq.newBuilder().setSys(sys).setId(pool).addAllProperties(set).build();
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    PoolSetPropReq req = request(client.systemName());
    PoolSetPropResp pb;
    try {
      pb = client.invokeMs(MgmtSvcGrpc.getPoolSetPropMethod(), req);
    } catch (RuntimeException e) {
      throw new CommandError("pool set-prop failed", e);
    }
    if (pb.getStatus() != 0) {
      throw new CommandError("pool set-prop failed", new DaosException(DaosStatus.fromCode(pb.getStatus())));
    }
    return Outcome.of(null, null, (out, err) -> out.append("pool set-prop succeeded\n"));
  }
}
