package io.daos.dmg.command.pool;

import io.daos.dmg.command.pool.acl.PoolDeleteAclCommand;
import io.daos.dmg.command.pool.acl.PoolGetAclCommand;
import io.daos.dmg.command.pool.acl.PoolOverwriteAclCommand;
import io.daos.dmg.command.pool.acl.PoolUpdateAclCommand;
import io.daos.dmg.command.pool.ranks.PoolRanksCommands;
import io.daos.dmg.command.pool.ranks.PoolRebuildCommands;
import picocli.CommandLine.Command;

/** {@code dmg pool}. */
@Command(name = "pool", description = "Perform tasks related to DAOS pools",
    subcommands = {PoolCreateCommand.class, PoolListCommand.class, PoolDestroyCommand.class,
        PoolQueryCommand.class, PoolQueryTargetsCommand.class, PoolGetPropCommand.class, PoolSetPropCommand.class,
        PoolEvictCommand.class, PoolUpgradeCommand.class, PoolGetAclCommand.class, PoolOverwriteAclCommand.class, PoolUpdateAclCommand.class,
        PoolDeleteAclCommand.class, PoolRanksCommands.Extend.class, PoolRanksCommands.Exclude.class,
        PoolRanksCommands.Drain.class, PoolRanksCommands.Reintegrate.class, PoolRebuildCommands.class})
public final class PoolCommand {
}
