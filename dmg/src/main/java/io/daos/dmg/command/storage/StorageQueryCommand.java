package io.daos.dmg.command.storage;

import picocli.CommandLine.Command;

/** {@code dmg storage query}: per-server metadata (SMD) devices and pools, and space usage. */
@Command(name = "query", description = "Query storage commands, including raw NVMe SSD device health stats and "
    + "internal blobstore health info.",
    subcommands = {SmdQueryCommand.ListDevices.class, SmdQueryCommand.ListPools.class, StorageUsageCommand.class})
public final class StorageQueryCommand {
}
