package io.daos.dmg.command.version;

import com.google.gson.JsonObject;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.proto.mgmt.BuildInfo;
import io.daos.proto.mgmt.GetAttachInfoReq;
import io.daos.proto.mgmt.GetAttachInfoResp;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import picocli.CommandLine.Command;

/** {@code dmg server-version}: the server's build, read (as DAOS does) from GetAttachInfo's build_info. */
@Command(name = "server-version", description = "Print server version")
public final class ServerVersionCommand extends BaseCommand {
  @Override
  protected Outcome execute(ControlInvoker client) {
    GetAttachInfoResp resp;
    try {
      resp = client.invokeMs(MgmtSvcGrpc.getGetAttachInfoMethod(),
          GetAttachInfoReq.newBuilder().setSys(client.systemName()).setAllRanks(true).build());
    } catch (RuntimeException e) {
      throw new CommandError("GetAttachInfo failed", e);
    }
    String version = version(resp);
    JsonObject info = new JsonObject();
    info.addProperty("name", DmgVersion.CONTROL_PLANE_NAME);
    info.addProperty("version", version);
    if (resp.hasBuildInfo() && !resp.getBuildInfo().getTag().isEmpty()) {
      info.addProperty("build_info", resp.getBuildInfo().getTag());
    }
    return Outcome.of(info, null,
        (out, err) -> out.append(DmgVersion.line(DmgVersion.CONTROL_PLANE_NAME, version)).append('\n'));
  }

  private static String version(GetAttachInfoResp resp) {
    if (!resp.hasBuildInfo()) {
      return "";
    }
    BuildInfo bi = resp.getBuildInfo();
    return bi.getMajor() + "." + bi.getMinor() + "." + bi.getPatch();
  }
}
