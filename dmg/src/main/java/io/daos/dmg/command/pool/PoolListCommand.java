package io.daos.dmg.command.pool;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.daos.common.cli.ErrorText;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.pool.PoolInfo;
import io.daos.dmg.output.pool.PoolListPrinter;
import io.daos.proto.mgmt.ListPoolsReq;
import io.daos.proto.mgmt.ListPoolsResp;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.PoolQueryReq;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dmg pool list} (alias ls): pools from the MS, each Ready pool queried (unless {@code -n}) for its
 * size and usage, sorted by label. Pools whose query failed are warned about on stderr and left out of the
 * table; when that leaves none, the table is replaced by a line saying so (not "No pools in system"); JSON is {@code {"status":0,"pools":[PoolInfo...]}}.
 */
@Command(name = "list", aliases = "ls", description = "List DAOS pools")
public class PoolListCommand extends BaseCommand {
  @Option(names = {"-v", "--verbose"}, description = "Add pool UUIDs and service replica lists to display")
  boolean verbose;
  @Option(names = {"-n", "--no-query"}, description = "Disable query of listed pools")
  boolean noQuery;
  @Option(names = {"-r", "--rebuild-only"}, description = "List only pools which rebuild stats is not idle")
  boolean rebuildOnly;

  @Override
  protected Outcome execute(ControlInvoker client) {
    ListPoolsResp pb;
    try {
      pb = client.invokeMs(MgmtSvcGrpc.getListPoolsMethod(),
          ListPoolsReq.newBuilder().setSys(client.systemName()).build());
    } catch (RuntimeException e) {
      throw new CommandError("list pools failed", e);
    }
    List<PoolInfo> pools = new ArrayList<>();
    Set<String> failed = new HashSet<>();
    StringBuilder warn = new StringBuilder();
    for (ListPoolsResp.Pool p : pb.getPoolsList()) {
      PoolInfo listed = PoolInfos.fromList(p);
      pools.add(noQuery || !listed.state().equals("Ready") ? listed : queried(client, listed, failed, warn));
    }
    if (!noQuery) {
      pools.sort(Comparator.comparing(PoolInfo::label));
    }
    if (rebuildOnly) {
      pools.removeIf(p -> p.rebuild() == null || p.rebuild().state().equals("idle"));
    }
    JsonObject json = json(pools);
    List<PoolInfo> shown = pools.stream().filter(p -> !failed.contains(p.uuid())).toList();
    return Outcome.of(json, null, (out, err) -> {
      err.append(warn);
      if (shown.isEmpty() && !failed.isEmpty()) {
        out.append(unqueried(failed.size()));
      } else {
        PoolListPrinter.print(out, shown, verbose);
      }
    });
  }

  /**
   * What replaces DAOS's "No pools in system" when pools exist but none could be queried (DAOS prints that line
   * after the query errors, which reads as a contradiction).
   */
  static String unqueried(int n) {
    return "No pool could be queried (" + n + (n == 1 ? " pool" : " pools") + " in system, see the errors above); "
        + "run `dmg pool list --no-query` to list them without querying, or `dmg system query` to check the "
        + "engines\n";
  }

  private static PoolInfo queried(ControlInvoker client, PoolInfo listed, Set<String> failed, StringBuilder warn) {
    PoolQueryReq req = PoolQueryReq.newBuilder().setSys(client.systemName()).setId(listed.uuid()).build();
    try {
      return PoolQueryCommand.query(client, req);
    } catch (CommandError e) {
      failed.add(listed.uuid());
      warn.append("Query on pool \"").append(listed.name()).append("\" unsuccessful, error: \"")
          .append(ErrorText.message(e.getCause() == null ? e : e.getCause())).append("\"\n");
      return listed;
    }
  }

  static JsonObject json(List<PoolInfo> pools) {
    JsonObject o = new JsonObject();
    o.addProperty("status", 0);
    JsonArray a = new JsonArray();
    pools.forEach(p -> a.add(p.toJson()));
    o.add("pools", a);
    return o;
  }
}
