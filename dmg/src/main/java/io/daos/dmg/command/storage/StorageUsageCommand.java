package io.daos.dmg.command.storage;

import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.storage.SmdPrinter;
import io.daos.proto.ctl.ScanNvmeReq;
import io.daos.proto.ctl.ScanScmReq;
import io.daos.proto.ctl.StorageScanReq;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dmg storage query usage}: StorageScan with usage (SCM mounts' and SMD devices' total and free bytes), as
 * DAOS's usageQueryCmd. MD-on-SSD tier tables are not shown: jdaos engines keep metadata on SCM.
 */
@Command(name = "usage", description = "Show SCM & NVMe storage space utilization per storage server")
public final class StorageUsageCommand extends BaseCommand {
  @Option(names = {"-u", "--show-usable"}, description = "Set to display potential data capacity of future pools by "
      + "factoring in a new pool's metadata overhead. This can include the use of MD-on-SSD mem-ratio if specified "
      + "to calculate meta-blob size when adjusting NVMe free capacity")
  boolean showUsable;
  @Option(names = "--mem-ratio", description = "Set the percentage of the pool metadata storage size (on SSD) that "
      + "should be used as the memory file size (on ram-disk). Used to calculate data size for new MD-on-SSD "
      + "phase-2 pools. Only valid with --show-usable flag")
  String memRatio;

  StorageScanReq request() {
    if (memRatio != null && !showUsable) {
      throw new CommandError("--mem-ratio is only supported with --show-usable flag");
    }
    return StorageScanReq.newBuilder().setScm(ScanScmReq.newBuilder().setUsage(true))
        .setNvme(ScanNvmeReq.newBuilder().setHealth(true).setMeta(true)).build();
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    return StorageScanCommand.scan(client, request(), context().hostList(), (out, err, hsm) -> {
      if (showUsable) {
        err.append("--show-usable flag ignored when MD-on-SSD is not enabled\n");
      }
      SmdPrinter.printUsage(out, hsm);
    });
  }
}
