package io.daos.dmg.command.storage;

import io.daos.dmg.command.CommandError;
import io.daos.proto.ctl.LedAction;
import io.daos.proto.ctl.LedManageReq;
import io.daos.proto.ctl.LedState;
import io.daos.proto.ctl.SmdManageReq;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dmg storage led check|identify}. */
@Command(name = "led", description = "Manage LED status for supported drives.",
    subcommands = {StorageLedCommand.Check.class, StorageLedCommand.Identify.class})
public final class StorageLedCommand {

  /** Devices by comma-separated PCI addresses (jdaos: bdev paths too) or UUIDs; all when none given. */
  abstract static class LedCommand extends SmdManageCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "ids", description = "Comma-separated list of identifiers "
        + "which could be either VMD backing device (NVMe SSD) PCI addresses or device UUIDs. All SSDs selected if "
        + "arg not provided.")
    String ids = "";
  }

  @Command(name = "check", description = "Retrieve the current LED state of specified VMD device.")
  public static final class Check extends LedCommand {
    @Override
    SmdManageReq request() {
      return SmdManageReq.newBuilder().setLed(LedManageReq.newBuilder().setIds(ids).setLedAction(LedAction.GET)
          .setLedState(LedState.NA)).build();
    }

    @Override
    String op() {
      return "led-check";
    }
  }

  @Command(name = "identify", description = "Blink the status LED on specified VMD device (for the purpose of "
      + "visual SSD identification). Default duration is 2 minutes.")
  public static final class Identify extends LedCommand {
    @Option(names = "--timeout", description = "Number of minutes to blink the status LED for")
    int timeout;
    @Option(names = "--reset", description = "Reset blinking LED on specified VMD device back to previous state")
    boolean reset;

    @Override
    SmdManageReq request() {
      if (reset) {
        if (timeout != 0) {
          throw new CommandError("timeout option can not be set at the same time as reset");
        }
        return SmdManageReq.newBuilder().setLed(LedManageReq.newBuilder().setIds(ids)
            .setLedAction(LedAction.RESET).setLedState(LedState.NA)).build();
      }
      return SmdManageReq.newBuilder().setLed(LedManageReq.newBuilder().setIds(ids).setLedAction(LedAction.SET)
          .setLedState(LedState.QUICK_BLINK).setLedDurationMins(timeout)).build();
    }

    @Override
    String op() {
      return reset ? "led-reset" : "led-blink";
    }
  }
}
