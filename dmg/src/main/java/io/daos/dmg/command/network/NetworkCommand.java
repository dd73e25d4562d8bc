package io.daos.dmg.command.network;

import picocli.CommandLine.Command;

/** {@code dmg network} (alias {@code net}). */
@Command(name = "network", aliases = "net",
    description = "Perform tasks related to network devices attached to remote servers",
    subcommands = {NetworkScanCommand.class})
public final class NetworkCommand {
}
