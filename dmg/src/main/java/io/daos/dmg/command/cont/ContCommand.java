package io.daos.dmg.command.cont;

import picocli.CommandLine.Command;

/** {@code dmg container} (alias {@code cont}). */
@Command(name = "container", aliases = "cont", description = "Perform tasks related to DAOS containers",
    subcommands = {ContSetOwnerCommand.class})
public final class ContCommand {
}
