package io.daos.dmg.command.config;

import picocli.CommandLine.Command;

/** {@code dmg config} (alias {@code cfg}). */
@Command(name = "config", aliases = "cfg",
    description = "Perform tasks related to configuration of hardware on remote servers",
    subcommands = {ConfigGenerateCommand.class})
public final class ConfigCommand {
}
