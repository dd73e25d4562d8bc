package io.daos.dmg.command.storage;

import picocli.CommandLine.Command;

/** {@code dmg storage} (alias {@code sto}). */
@Command(name = "storage", aliases = "sto",
    description = "Perform tasks related to storage attached to remote servers",
    subcommands = {StorageScanCommand.class, StorageFormatCommand.class, StorageQueryCommand.class,
        NvmeDeviceCommands.Rebind.class, NvmeDeviceCommands.AddDevice.class, StorageSetCommand.class,
        StorageReplaceCommand.class, StorageLedCommand.class})
public final class StorageCommand {
}
