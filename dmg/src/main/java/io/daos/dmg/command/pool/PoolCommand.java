package io.daos.dmg.command.pool;

import picocli.CommandLine.Command;

/** {@code dmg pool}. */
@Command(name = "pool", description = "Perform tasks related to DAOS pools",
    subcommands = {PoolCreateCommand.class, PoolListCommand.class, PoolDestroyCommand.class,
        PoolQueryCommand.class, PoolGetPropCommand.class, PoolSetPropCommand.class, PoolEvictCommand.class})
public final class PoolCommand {
}
