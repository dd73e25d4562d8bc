package io.daos.dmg.command.server;

import picocli.CommandLine.Command;

/** {@code dmg server} (alias {@code srv}). */
@Command(name = "server", aliases = "srv", description = "Perform tasks related to remote servers",
    subcommands = {ServerSetLogMasksCommand.class})
public final class ServerCommand {
}
