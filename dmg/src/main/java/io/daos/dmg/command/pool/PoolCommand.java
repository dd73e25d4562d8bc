package io.daos.dmg.command.pool;

import io.daos.dmg.command.pool.acl.PoolDeleteAclCommand;
import io.daos.dmg.command.pool.acl.PoolGetAclCommand;
import io.daos.dmg.command.pool.acl.PoolOverwriteAclCommand;
import io.daos.dmg.command.pool.acl.PoolUpdateAclCommand;
import picocli.CommandLine.Command;

/** {@code dmg pool}. */
@Command(name = "pool", description = "Perform tasks related to DAOS pools",
    subcommands = {PoolCreateCommand.class, PoolListCommand.class, PoolDestroyCommand.class,
        PoolQueryCommand.class, PoolQueryTargetsCommand.class, PoolGetPropCommand.class, PoolSetPropCommand.class,
        PoolEvictCommand.class, PoolGetAclCommand.class, PoolOverwriteAclCommand.class, PoolUpdateAclCommand.class,
        PoolDeleteAclCommand.class})
public final class PoolCommand {
}
