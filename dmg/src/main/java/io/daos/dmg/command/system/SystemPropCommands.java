package io.daos.dmg.command.system;

import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.TableFormatter;
import io.daos.dmg.output.system.SystemProperty;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.SystemGetPropReq;
import io.daos.proto.mgmt.SystemGetPropResp;
import io.daos.proto.mgmt.SystemSetPropReq;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dmg system set-prop|get-prop}: DAOS's user-visible system properties. */
final class SystemPropCommands {
  private SystemPropCommands() {
  }

  /** {@code set-prop key:val[,key:val...]}: keys are checked here, values by the MS. */
  @Command(name = "set-prop", description = "Set system properties")
  public static final class Set extends BaseCommand {
    @Parameters(paramLabel = "key:val[,key:val...]", description = "system properties to set")
    String props;

    @Override
    protected Outcome execute(ControlInvoker client) {
      Map<String, String> pairs = KeyValueArgs.pairs(props);
      pairs.keySet().forEach(SystemPropCommands::checkKey);
      SystemSetPropReq req = SystemSetPropReq.newBuilder().setSys(client.systemName()).putAllProperties(pairs)
          .build();
      SystemAttrCommands.call("system set-prop failed",
          () -> client.invokeMs(MgmtSvcGrpc.getSystemSetPropMethod(), req));
      return SystemAttrCommands.succeeded("set-prop");
    }
  }

  /** {@code get-prop [key[,key...]]}: a "Description (key)"/Value table, or a JSON array of properties. */
  @Command(name = "get-prop", description = "Get system properties")
  public static final class Get extends BaseCommand {
    @Parameters(paramLabel = "key[,key...]", arity = "0..1", description = "system properties to get")
    String keys;

    @Override
    protected Outcome execute(ControlInvoker client) {
      List<String> list = KeyValueArgs.keys(keys);
      list.forEach(SystemPropCommands::checkKey);
      SystemGetPropReq req = SystemGetPropReq.newBuilder().setSys(client.systemName()).addAllKeys(list).build();
      SystemGetPropResp pb = SystemAttrCommands.call("system get-prop failed",
          () -> client.invokeMs(MgmtSvcGrpc.getSystemGetPropMethod(), req));
      List<SystemProperty> resp = new ArrayList<>();
      new TreeMap<>(pb.getPropertiesMap()).forEach((k, v) -> resp.add(SystemProperty.of(k, v)));
      return Outcome.of(resp, null, (out, err) -> out.append(table(resp)));
    }

    static String table(List<SystemProperty> props) {
      if (props.isEmpty()) {
        return "No system properties found.\n";
      }
      List<Map<String, String>> rows = new ArrayList<>();
      props.forEach(p -> rows.add(Map.of("Name", p.description() + " (" + p.key() + ")", "Value", p.value())));
      return new TableFormatter("Name", "Value").format(rows);
    }
  }

  static void checkKey(String key) {
    if (!SystemProperty.isKnown(key)) {
      throw new CommandError("invalid system property key: " + key);
    }
  }
}
