package io.daos.dmg.command.support;

import picocli.CommandLine.Command;

/** {@code dmg support} (alias {@code supp}). */
@Command(name = "support", aliases = "supp", description = "Perform debug tasks to help support team",
    subcommands = {SupportCollectLogCommand.class})
public final class SupportCommand {
}
