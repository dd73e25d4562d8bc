package io.daos.dmg.command.system;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.TableFormatter;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.SystemCleanupReq;
import io.daos.proto.mgmt.SystemCleanupResp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dmg system cleanup <machine>}: every pool evicts the handles opened from the machine (DAOS MgmtSvc
 * SystemCleanup). A pool whose evict failed makes the command fail with that pool's message, after the output.
 */
@Command(name = "cleanup", description = "Clean up all resources associated with the specified machine")
public final class SystemCleanupCommand extends BaseCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "machine to cleanup")
  String machine;
  @Option(names = {"-v", "--verbose"}, description = "Output additional cleanup information")
  boolean verbose;

  @Override
  protected Outcome execute(ControlInvoker client) {
    if (machine == null || machine.isEmpty()) {
      throw new CommandError("system cleanup failed: the required argument `machine to cleanup` was not provided");
    }
    SystemCleanupResp pb;
    try {
      pb = client.invokeMs(MgmtSvcGrpc.getSystemCleanupMethod(), SystemCleanupReq.newBuilder()
          .setSys(client.systemName()).setMachine(machine).build());
    } catch (RuntimeException e) {
      throw new CommandError("system cleanup failed", e);
    }
    JsonArray results = new JsonArray();
    List<String> errors = new ArrayList<>();
    for (SystemCleanupResp.CleanupResult r : pb.getResultsList()) {
      JsonObject o = new JsonObject();
      o.addProperty("status", r.getStatus());
      o.addProperty("msg", r.getMsg());
      o.addProperty("pool_id", r.getPoolId());
      o.addProperty("count", r.getCount());
      results.add(o);
      if (r.getStatus() != 0) {
        errors.add(r.getMsg());
      }
    }
    JsonObject resp = new JsonObject();
    resp.add("results", pb.getResultsCount() == 0 ? com.google.gson.JsonNull.INSTANCE : results);
    CommandError error = errors.isEmpty() ? null : new CommandError("system cleanup failed: "
        + String.join(", ", errors));
    return Outcome.of(resp, error, (out, err) -> {
      if (!errors.isEmpty()) {
        err.append(String.join(", ", errors)).append('\n');
      }
      print(out, pb);
    });
  }

  /** DAOS PrintSystemCleanupResponse. */
  private void print(StringBuilder out, SystemCleanupResp pb) {
    if (pb.getResultsCount() == 0) {
      out.append("No handles cleaned up\n");
      return;
    }
    if (!verbose) {
      out.append("System Cleanup Success\n");
      return;
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (SystemCleanupResp.CleanupResult r : pb.getResultsList()) {
      rows.add(Map.of("Pool", r.getPoolId(), "Handles Revoked", Integer.toUnsignedString(r.getCount())));
    }
    out.append(new TableFormatter("Pool", "Handles Revoked").format(rows)).append('\n');
  }
}
