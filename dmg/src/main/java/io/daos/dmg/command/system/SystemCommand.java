package io.daos.dmg.command.system;

import picocli.CommandLine.Command;

/** {@code dmg system} (alias {@code sys}). */
@Command(name = "system", aliases = "sys", description = "Perform distributed tasks related to DAOS system",
    subcommands = {LeaderQueryCommand.class, SystemQueryCommand.class, SystemStopCommand.class,
        SystemStartCommand.class, SystemExcludeCommand.class, SystemExcludeCommand.Clear.class,
        SystemEraseCommand.class, SystemCleanupCommand.class,
        SystemAttrCommands.Set.class, SystemAttrCommands.Get.class, SystemAttrCommands.Del.class,
        SystemPropCommands.Set.class, SystemPropCommands.Get.class, SystemPoolCommands.ListPools.class,
        SystemPoolCommands.Drain.class,
        SystemPoolCommands.Reintegrate.class, SystemPoolCommands.Rebuild.class, SystemPoolCommands.SelfHeal.class})
public final class SystemCommand {
}
