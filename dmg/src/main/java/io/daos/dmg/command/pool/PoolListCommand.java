package io.daos.dmg.command.pool;

import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.PoolListResponse;
import io.daos.dmg.output.RankRanges;
import io.daos.dmg.output.TableFormatter;
import io.daos.proto.mgmt.ListPoolsReq;
import io.daos.proto.mgmt.ListPoolsResp;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dmg pool list} (alias ls): pools from the MS (per-pool query not done yet). */
@Command(name = "list", aliases = "ls", description = "List DAOS pools")
public final class PoolListCommand extends BaseCommand {
  @Option(names = {"-v", "--verbose"}, description = "Add pool UUIDs and service replica lists to display")
  boolean verbose;

  @Override
  protected Outcome execute(ControlInvoker client) {
    ListPoolsResp pb;
    try {
      pb = client.invokeMs(MgmtSvcGrpc.getListPoolsMethod(),
          ListPoolsReq.newBuilder().setSys(client.systemName()).build());
    } catch (RuntimeException e) {
      throw new CommandError("pool list failed", e);
    }
    List<PoolListResponse.Pool> pools = pb.getPoolsList().stream().map(p -> new PoolListResponse.Pool(p.getUuid(),
        p.getLabel(), PoolCreateCommand.longs(p.getSvcRepsList()), p.getState(), p.getRebuildState())).toList();
    PoolListResponse resp = new PoolListResponse(0, pools);
    return Outcome.of(resp, null, (out, err) -> print(out, resp, verbose));
  }

  static void print(StringBuilder out, PoolListResponse r, boolean verbose) {
    if (r.pools().isEmpty()) {
      out.append("No pools in system\n");
      return;
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (PoolListResponse.Pool p : r.pools()) {
      rows.add(verbose ? Map.of("Label", p.label(), "UUID", p.uuid(), "State", p.state(), "SvcReps",
          RankRanges.ranged(p.svcReps())) : Map.of("Pool", p.label(), "State", p.state()));
    }
    TableFormatter t = verbose ? new TableFormatter("Label", "UUID", "State", "SvcReps")
        : new TableFormatter("Pool", "State");
    out.append(t.format(rows));
  }
}
