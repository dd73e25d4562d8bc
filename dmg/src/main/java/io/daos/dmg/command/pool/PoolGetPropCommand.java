package io.daos.dmg.command.pool;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.TableFormatter;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.PoolGetPropReq;
import io.daos.proto.mgmt.PoolGetPropResp;
import io.daos.proto.mgmt.PoolProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dmg pool get-prop <pool> [key[,key...]]}: DAOS's Name/Value table; JSON is an array of properties. */
@Command(name = "get-prop", description = "Get pool properties")
public final class PoolGetPropCommand extends BaseCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "pool")
  String pool;
  @Parameters(index = "1..*", arity = "0..*", paramLabel = "key[,key...]")
  List<String> keys;

  /** A property read back: its definition and the engine's value. */
  record Value(PoolPropDef def, PoolProperty value) {
  }

  PoolGetPropReq request(String sys, List<PoolPropDef> defs) {
    if (pool == null || pool.isEmpty()) {
      throw new CommandError("no pool ID or label specified");
    }
    PoolGetPropReq.Builder b = PoolGetPropReq.newBuilder().setSys(sys).setId(pool);
    defs.forEach(d -> b.addProperties(PoolProperty.newBuilder().setNumber(d.number())));
    return b.build();
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    List<PoolPropDef> defs = PoolPropFlags.parseGet(keys);
    PoolGetPropReq req = request(client.systemName(), defs);
    PoolGetPropResp pb;
    try {
      pb = client.invokeMs(MgmtSvcGrpc.getPoolGetPropMethod(), req);
    } catch (RuntimeException e) {
      throw new CommandError("pool get-prop failed", e);
    }
    if (pb.getStatus() != 0) {
      throw new CommandError("pool get-prop failed", new DaosException(DaosStatus.fromCode(pb.getStatus())));
    }
    List<Value> values = match(defs, pb);
    return Outcome.of(json(values), null, (out, err) -> print(out, pool, values));
  }

  /** The answers in the order asked (name order); properties the engine did not return are left out, as DAOS. */
  static List<Value> match(List<PoolPropDef> defs, PoolGetPropResp pb) {
    Map<Integer, PoolProperty> byNumber = new HashMap<>();
    for (PoolProperty p : pb.getPropertiesList()) {
      if (byNumber.put(p.getNumber(), p) != null) {
        throw new CommandError("got > 1 occurrences of prop " + p.getNumber() + " in resp");
      }
    }
    List<Value> out = new ArrayList<>();
    defs.stream().filter(d -> byNumber.containsKey(d.number()))
        .forEach(d -> out.add(new Value(d, byNumber.get(d.number()))));
    return out;
  }

  static JsonArray json(List<Value> values) {
    JsonArray a = new JsonArray();
    for (Value v : values) {
      JsonObject o = new JsonObject();
      o.addProperty("name", v.def().name());
      o.addProperty("description", v.def().description());
      o.add("value", v.def().json().apply(v.value()));
      a.add(o);
    }
    return a;
  }

  static void print(StringBuilder out, String pool, List<Value> values) {
    out.append("Pool ").append(pool).append(" properties:\n");
    List<Map<String, String>> rows = new ArrayList<>();
    for (Value v : values) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("Name", v.def().description() + " (" + v.def().name() + ")");
      row.put("Value", v.def().text().apply(v.value()));
      rows.add(row);
    }
    out.append(new TableFormatter("Name", "Value").format(rows));
  }
}
