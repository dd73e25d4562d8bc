package io.daos.dmg.command.check;

import picocli.CommandLine.Command;

/** {@code dmg check}: DAOS's system checker. */
@Command(name = "check", description = "Check system health",
    subcommands = {CheckModeCommands.Enable.class, CheckModeCommands.Disable.class, CheckRunCommands.Start.class,
        CheckRunCommands.Stop.class, CheckRunCommands.Query.class, CheckPolicyCommands.Set.class,
        CheckPolicyCommands.Get.class, CheckRunCommands.Repair.class})
public final class CheckCommand {
}
