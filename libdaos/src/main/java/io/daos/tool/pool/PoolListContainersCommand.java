package io.daos.tool.pool;

import io.daos.tool.cont.ContainerListCommand;
import picocli.CommandLine.Command;

/** {@code daos pool list-containers <pool>}: the same as {@code daos container list}. */
@Command(name = "list-containers", aliases = "list-cont", description = "list all containers in pool")
final class PoolListContainersCommand extends ContainerListCommand {
}
