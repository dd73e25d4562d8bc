package io.daos.tool.cont;

import io.daos.client.ContainerProps;
import io.daos.client.PropType;
import io.daos.common.ByteSize;
import io.daos.common.status.DaosStatus;
import io.daos.placement.object.ObjectClass;
import io.daos.tool.api.ContApi;
import io.daos.tool.api.PoolApi;
import io.daos.tool.command.AttrOps;
import io.daos.tool.command.CommandContext;
import io.daos.tool.command.ContArgs;
import io.daos.tool.command.Outcome;
import io.daos.tool.command.PoolArgs;
import io.daos.tool.output.CliError;
import io.daos.tool.output.ErrorText;
import io.daos.tool.output.cont.ContProps;
import io.daos.tool.output.cont.ContQueryInfo;
import io.daos.tool.output.cont.ContainerPrinter;
import io.daos.tool.output.cont.Layouts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code daos container create <pool> [<label>] [-t type] [--properties k:v,...] [-o oclass] [-z size] [-a k:v]}. */
@Command(name = "create", description = "create a container")
final class ContainerCreateCommand extends PoolArgs {
  @Parameters(index = "1", arity = "0..1", paramLabel = "label")
  String label;
  @Option(names = {"-t", "--type"}, description = "container type")
  String type;
  @Option(names = {"-z", "--chunk-size"}, description = "container chunk size")
  String chunkSize;
  @Option(names = {"-o", "--oclass"}, description = "default object class")
  String oclass;
  @Option(names = "--properties", description = "container properties")
  String properties;
  @Option(names = {"-a", "--attrs"}, description = "user-defined attributes (key:val[,key:val...])")
  String attrs;

  @Override
  protected Outcome execute(CommandContext ctx) {
    int layout = layout();
    checkDfsFlags();
    ContainerProps props = props(layout);
    Map<String, String> userAttrs = attrs == null ? Map.of() : ContProps.parsePairs(attrs, List.of());
    if (pool == null || pool.isEmpty()) {
      throw CliError.of("no pool ID or dfs path supplied");
    }
    checkId(pool);
    try (PoolApi p = connectPool(ctx)) {
      UUID uuid = create(p, props);
      StringBuilder text = new StringBuilder();
      if (!userAttrs.isEmpty()) {
        text.append(setAttrs(p, uuid, userAttrs));
      }
      text.append("Successfully created container ").append(uuid).append(" type ").append(Layouts.name(layout))
          .append('\n');
      ContQueryInfo ci = query(p, uuid, layout);
      text.append(ContainerPrinter.info(ci, false, ctx.zone()));
      return Outcome.of(ContainerPrinter.json(ci, ctx.zone()), text.toString());
    }
  }

  private PoolApi connectPool(CommandContext ctx) {
    try {
      return ctx.api().connectPool(pool, RW);
    } catch (RuntimeException e) {
      throw CliError.wrap("failed to connect to pool", e);
    }
  }

  private int layout() {
    if (type == null) {
      return PropType.LAYOUT_UNKNOWN;
    }
    if (type.isEmpty()) {
      throw CliError.of("empty container type");
    }
    int l = Layouts.parse(type);
    if (l == PropType.LAYOUT_UNKNOWN) {
      throw CliError.of("unknown container layout \"" + type + "\"");
    }
    return l;
  }

  /** -o and -z are DFS (POSIX) attributes: checked as DAOS checks them. */
  private void checkDfsFlags() {
    if (oclass != null) {
      try {
        ObjectClass.byName(oclass);
      } catch (IllegalArgumentException e) {
        throw CliError.of("unknown object class \"" + oclass + "\"");
      }
    }
    if (chunkSize != null) {
      try {
        ByteSize.parse(chunkSize);
      } catch (IllegalArgumentException e) {
        throw CliError.of(chunkSize.isEmpty() ? "empty chunk size" : "invalid chunk-size \"" + chunkSize + "\"");
      }
    }
  }

  private ContainerProps props(int layout) {
    ContainerProps props = ContainerProps.empty();
    Map<String, String> pairs = properties == null ? new LinkedHashMap<>()
        : ContProps.parsePairs(properties, ContProps.writableNames());
    if (label != null && !label.isEmpty()) {
      if (pairs.containsKey("label")) {
        throw CliError.of("can't supply label arg and --properties label:");
      }
      pairs.put("label", label);
    }
    for (Map.Entry<String, String> e : pairs.entrySet()) {
      props = ContProps.set(props, e.getKey(), e.getValue());
    }
    return layout == PropType.LAYOUT_UNKNOWN ? props : props.withLayoutType(layout);
  }

  private static UUID create(PoolApi p, ContainerProps props) {
    try {
      return p.createContainer(props);
    } catch (RuntimeException e) {
      throw CliError.wrap("failed to create container", e);
    }
  }

  /** {@code -a}: set on the new container; on failure the container is destroyed again. */
  private String setAttrs(PoolApi p, UUID uuid, Map<String, String> userAttrs) {
    try (ContApi c = p.openContainer(uuid.toString(), ContArgs.COO_RW)) {
      return new AttrOps(c, "container", uuid.toString()).set(userAttrs).text();
    } catch (RuntimeException e) {
      try {
        p.destroyContainer(uuid.toString(), true);
      } catch (RuntimeException ignored) {
        // DAOS only notes a failed clean-up
      }
      throw CliError.wrap("failed to set user attributes on new container " + uuid, e);
    }
  }

  /** {@code QueryContainer} of the new container; without permission to query, what is known. */
  private ContQueryInfo query(PoolApi p, UUID uuid, int layout) {
    try (ContApi c = p.openContainer(uuid.toString(), ContArgs.COO_RO)) {
      return c.query();
    } catch (RuntimeException e) {
      if (ErrorText.statusOf(e) != DaosStatus.NO_PERM) {
        throw CliError.wrap("failed to query new container " + uuid, e);
      }
      ContainerProps props = ContainerProps.empty().withLayoutType(layout);
      return new ContQueryInfo(p.uuid(), uuid, label == null ? "" : label, 0, 0, 0, 0, 0,
          label == null || label.isEmpty() ? props : props.withString(PropType.CO_LABEL, label));
    }
  }
}
