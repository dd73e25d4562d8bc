package io.daos.dmg.command.check;

import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.proto.mgmt.CheckDisableReq;
import io.daos.proto.mgmt.CheckEnableReq;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import picocli.CommandLine.Command;

/** {@code dmg check enable|disable}: checker mode on and off (the MS restarts or stops the ranks). */
final class CheckModeCommands {
  private CheckModeCommands() {
  }

  /** A done message as DAOS's cmd.Info prints it; JSON has a null response. */
  static Outcome info(String msg) {
    return Outcome.of(null, null, (out, err) -> out.append(msg).append('\n'));
  }

  @Command(name = "enable", description = "Enable system checker")
  public static final class Enable extends BaseCommand {
    @Override
    protected Outcome execute(ControlInvoker client) {
      client.invokeMs(MgmtSvcGrpc.getSystemCheckEnableMethod(),
          CheckEnableReq.newBuilder().setSys(client.systemName()).build());
      return info("system checker enabled");
    }
  }

  @Command(name = "disable", description = "Disable system checker")
  public static final class Disable extends BaseCommand {
    @Override
    protected Outcome execute(ControlInvoker client) {
      client.invokeMs(MgmtSvcGrpc.getSystemCheckDisableMethod(),
          CheckDisableReq.newBuilder().setSys(client.systemName()).build());
      return info("system checker disabled");
    }
  }
}
