package io.daos.dmg.command.version;

import com.google.gson.JsonObject;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import picocli.CommandLine.Command;

/** {@code dmg version}: dmg's own version, no server contact ("DAOS Admin Tool version 2.9.100"). */
@Command(name = "version", description = "Print dmg version")
public final class VersionCommand extends BaseCommand {
  @Override
  protected boolean needsClient() {
    return false;
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    JsonObject info = new JsonObject();
    info.addProperty("name", DmgVersion.ADMIN_UTIL_NAME);
    info.addProperty("version", DmgVersion.VERSION);
    info.addProperty("build_time", "0001-01-01T00:00:00Z");
    return Outcome.of(info, null,
        (out, err) -> out.append(DmgVersion.line(DmgVersion.ADMIN_UTIL_NAME, DmgVersion.VERSION)).append('\n'));
  }
}
