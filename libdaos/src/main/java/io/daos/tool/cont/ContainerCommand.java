package io.daos.tool.cont;

import picocli.CommandLine.Command;

/** {@code daos container} (alias {@code cont}). */
@Command(name = "container", aliases = "cont", description = "Perform tasks related to DAOS containers",
    subcommands = {ContainerCreateCommand.class, ContainerListCommand.class, ContainerDestroyCommand.class,
        ContainerQueryCommand.class, ContAttrCommands.ListAttr.class, ContAttrCommands.DelAttr.class,
        ContAttrCommands.GetAttr.class, ContAttrCommands.SetAttr.class, ContPropCommands.GetProp.class,
        ContPropCommands.SetProp.class, ContAclCommands.GetAcl.class, ContAclCommands.OverwriteAcl.class,
        ContAclCommands.UpdateAcl.class, ContAclCommands.DeleteAcl.class, ContSetOwnerCommand.class,
        SnapshotCommands.Create.class, SnapshotCommands.Destroy.class,
        SnapshotCommands.ListSnaps.class})
public final class ContainerCommand {
}
