package io.daos.tool.pool;

import picocli.CommandLine.Command;

/** {@code daos pool}: pool query, container listing and pool attributes. */
@Command(name = "pool", description = "Perform tasks related to DAOS pools",
    subcommands = {PoolQueryCommand.class, PoolListContainersCommand.class, PoolAttrCommands.ListAttr.class,
        PoolAttrCommands.GetAttr.class, PoolAttrCommands.SetAttr.class, PoolAttrCommands.DelAttr.class})
public final class PoolCommand {
}
