package io.daos.dmg.command.storage;

import io.daos.proto.ctl.DevReplaceReq;
import io.daos.proto.ctl.SmdManageReq;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dmg storage replace nvme}. */
@Command(name = "replace", description = "Replace a storage device that has been hot-removed with a new device.",
    subcommands = StorageReplaceCommand.Nvme.class)
public final class StorageReplaceCommand {

  /** The new device takes over the old (FAULTY) one's targets, which are reintegrated; the same UUID revives it. */
  @Command(name = "nvme", description = "Replace an evicted/FAULTY NVMe SSD with another device.")
  public static final class Nvme extends SmdManageCommand {
    @Option(names = "--old-uuid", required = true, description = "Device UUID of hot-removed SSD")
    String oldUuid;
    @Option(names = "--new-uuid", required = true, description = "Device UUID of new device")
    String newUuid;

    @Override
    SmdManageReq request() {
      SmdQueryCommand.checkUuid(oldUuid);
      SmdQueryCommand.checkUuid(newUuid);
      if (oldUuid.equals(newUuid)) {
        System.err.println("Attempting to reuse a previously set FAULTY device!");
      }
      return SmdManageReq.newBuilder().setReplace(DevReplaceReq.newBuilder().setOldDevUuid(oldUuid)
          .setNewDevUuid(newUuid)).build();
    }

    @Override
    String op() {
      return "dev-replace";
    }

    @Override
    boolean singleHost() {
      return true;
    }
  }
}
