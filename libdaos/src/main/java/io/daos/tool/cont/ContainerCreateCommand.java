package io.daos.tool.cont;

import io.daos.client.cont.ContainerProps;
import io.daos.client.dfs.DfsAttr;
import io.daos.client.cont.PropType;
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
import io.daos.tool.output.cont.ContProps;
import io.daos.tool.output.cont.ContQueryInfo;
import io.daos.tool.output.cont.ContainerPrinter;
import io.daos.tool.output.cont.Layouts;
import io.daos.common.cli.ErrorText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code daos container create <pool> [<label>] [-t type] [--properties k:v,...] [-o oclass] [-z size] [-a k:v]
 * [-A acl-file] [-g group]}.
 */
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
  @Option(names = {"-d", "--dir-oclass"}, description = "default directory object class")
  String dirOclass;
  @Option(names = {"-f", "--file-oclass"}, description = "default file object class")
  String fileOclass;
  @Option(names = "--properties", description = "container properties")
  String properties;
  @Option(names = {"-A", "--acl-file"}, description = "input file containing ACL")
  String aclFile;
  @Option(names = {"-g", "--group"}, description = "group who will own the container (group@[domain])")
  String group;
  @Option(names = {"-a", "--attrs"}, description = "user-defined attributes (key:val[,key:val...])")
  String attrs;

  @Override
  protected Outcome execute(CommandContext ctx) {
    int layout = layout();
    DfsAttr dfs = dfsAttr();
    ContainerProps props = props(layout);
    Map<String, String> userAttrs = attrs == null ? Map.of() : ContProps.parsePairs(attrs, List.of());
    if (pool == null || pool.isEmpty()) {
      throw CliError.of("no pool ID or dfs path supplied");
    }
    checkId(pool);
    try (PoolApi p = connectPool(ctx)) {
      UUID uuid = create(p, props, layout == PropType.LAYOUT_POSIX ? dfs : null);
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

  /**
   * -o, -d, -f and -z are DFS (POSIX) attributes: parsed as DAOS parses them for every type, used (written into
   * the superblock by {@code dfs_cont_create}) only for {@code --type POSIX}, as in DAOS.
   */
  private DfsAttr dfsAttr() {
    DfsAttr a = DfsAttr.defaults();
    if (oclass != null) {
      a = a.withOclass(oclassFlag(oclass));
    }
    if (dirOclass != null) {
      a = a.withDirOclass(oclassFlag(dirOclass));
    }
    if (fileOclass != null) {
      a = a.withFileOclass(oclassFlag(fileOclass));
    }
    if (chunkSize != null) {
      try {
        a = a.withChunkSize(ByteSize.parse(chunkSize).bytes());
      } catch (IllegalArgumentException e) {
        throw CliError.of(chunkSize.isEmpty() ? "empty chunk size" : "invalid chunk-size \"" + chunkSize + "\"");
      }
    }
    return a;
  }

  private static ObjectClass oclassFlag(String name) {
    try {
      return ObjectClass.byName(name);
    } catch (IllegalArgumentException e) {
      throw CliError.of("unknown object class \"" + name + "\"");
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
    props = withOwnership(props);
    return layout == PropType.LAYOUT_UNKNOWN ? props : props.withLayoutType(layout);
  }

  /** {@code --acl-file} becomes the ACL property and {@code --group} the owner group, as DAOS's getCreateProps. */
  private ContainerProps withOwnership(ContainerProps props) {
    ContainerProps p = props;
    if (aclFile != null && !aclFile.isEmpty()) {
      List<String> aces = ContAclCommands.readFile(aclFile);
      p = p.withRaw(PropType.CO_ACL, String.join("\n", aces).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    if (group != null && !group.isEmpty()) {
      String g = group.contains("@") ? group : group + "@";
      if (!io.daos.common.acl.AclPrincipal.isValidName(g)) {
        throw CliError.of("invalid ACL principal \"" + group + "\": use group@[domain]");
      }
      p = p.withString(PropType.CO_OWNER_GROUP, g);
    }
    return p;
  }

  private static UUID create(PoolApi p, ContainerProps props, DfsAttr dfs) {
    try {
      return dfs != null ? p.createPosixContainer(props, dfs) : p.createContainer(props);
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
