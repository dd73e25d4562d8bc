package io.daos.dmg.command.system;

import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.TableFormatter;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.SystemGetAttrReq;
import io.daos.proto.mgmt.SystemGetAttrResp;
import io.daos.proto.mgmt.SystemSetAttrReq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dmg system set-attr|get-attr|del-attr}: free-form system attributes kept by the MS. */
final class SystemAttrCommands {
  private SystemAttrCommands() {
  }

  static <T> T call(String failed, Supplier<T> rpc) {
    try {
      return rpc.get();
    } catch (RuntimeException e) {
      throw new CommandError(failed, e);
    }
  }

  /** Text of a successful set: DAOS prints "system set-attr succeeded"; JSON has a null response. */
  static Outcome succeeded(String what) {
    return Outcome.of(null, null, (out, err) -> out.append("system ").append(what).append(" succeeded\n"));
  }

  /** {@code set-attr key:val[,key:val...]}. */
  @Command(name = "set-attr", description = "Set system attributes")
  public static final class Set extends BaseCommand {
    @Parameters(paramLabel = "key:val[,key:val...]", description = "system attributes to set")
    String attrs;

    @Override
    protected Outcome execute(ControlInvoker client) {
      SystemSetAttrReq req = SystemSetAttrReq.newBuilder().setSys(client.systemName())
          .putAllAttributes(KeyValueArgs.pairs(attrs)).build();
      SystemAttrCommands.call("system set-attr failed",
          () -> client.invokeMs(MgmtSvcGrpc.getSystemSetAttrMethod(), req));
      return succeeded("set-attr");
    }
  }

  /** {@code get-attr [key[,key...]]}: a Name/Value table, or {"attributes":{...}} with -j. */
  @Command(name = "get-attr", description = "Get system attributes")
  public static final class Get extends BaseCommand {
    @Parameters(paramLabel = "key[,key...]", arity = "0..1", description = "system attributes to get")
    String keys;

    @Override
    protected Outcome execute(ControlInvoker client) {
      SystemGetAttrReq req = SystemGetAttrReq.newBuilder().setSys(client.systemName())
          .addAllKeys(KeyValueArgs.keys(keys)).build();
      SystemGetAttrResp pb = SystemAttrCommands.call("system get-attr failed",
          () -> client.invokeMs(MgmtSvcGrpc.getSystemGetAttrMethod(), req));
      Map<String, String> attrs = new TreeMap<>(pb.getAttributesMap());
      Map<String, Object> resp = new LinkedHashMap<>();
      resp.put("attributes", attrs);
      return Outcome.of(resp, null, (out, err) -> out.append(table(attrs)));
    }

    static String table(Map<String, String> attrs) {
      if (attrs.isEmpty()) {
        return "No system attributes found.\n";
      }
      List<Map<String, String>> rows = new ArrayList<>();
      attrs.forEach((k, v) -> rows.add(Map.of("Name", k, "Value", v)));
      return new TableFormatter("Name", "Value").format(rows);
    }
  }

  /** {@code del-attr key[,key...]}: sets each key to "" (the MS deletes it). */
  @Command(name = "del-attr", description = "Delete system attributes")
  public static final class Del extends BaseCommand {
    @Parameters(paramLabel = "key[,key...]", description = "system attributes to delete")
    String keys;

    @Override
    protected Outcome execute(ControlInvoker client) {
      List<String> list = KeyValueArgs.keys(keys);
      if (list.isEmpty()) {
        throw new CommandError("no attribute keys specified");
      }
      SystemSetAttrReq.Builder req = SystemSetAttrReq.newBuilder().setSys(client.systemName());
      list.forEach(k -> req.putAttributes(k, ""));
      SystemAttrCommands.call("system del-attr failed",
          () -> client.invokeMs(MgmtSvcGrpc.getSystemSetAttrMethod(), req.build()));
      return succeeded("del-attr");
    }
  }
}
