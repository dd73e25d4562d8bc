package io.daos.tool.cont;

import io.daos.tool.command.AttrOps;
import io.daos.tool.command.CommandContext;
import io.daos.tool.command.ContArgs;
import io.daos.tool.command.Outcome;
import io.daos.tool.output.CliError;
import io.daos.tool.output.cont.ContProps;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code daos container list-attr | get-attr | set-attr | del-attr}. */
final class ContAttrCommands {
  private ContAttrCommands() {
  }

  private static Outcome run(ContArgs cmd, CommandContext ctx, int flags,
      java.util.function.Function<AttrOps, Outcome> op) {
    try (ContArgs.Handles h = cmd.open(ctx, flags)) {
      return op.apply(new AttrOps(h.cont(), "container", h.cont().id()));
    }
  }

  @Command(name = "list-attr", aliases = {"list-attrs", "lsattr"},
      description = "list container user-defined attributes")
  static final class ListAttr extends ContArgs {
    @Option(names = {"-V", "--verbose"}, description = "Include values")
    boolean verbose;

    @Override
    protected Outcome execute(CommandContext ctx) {
      return run(this, ctx, COO_RO, a -> a.list(verbose));
    }
  }

  /** The names from {@code key[,key...]} or the deprecated {@code --attr}, never both (as DAOS's tool). */
  static List<String> names(String keys, String flagAttr) {
    List<String> names = keys == null ? List.of() : ContProps.parseKeys(keys);
    if (flagAttr == null) {
      return names;
    }
    if (!names.isEmpty()) {
      throw CliError.of("cannot specify both --attr and positional arguments");
    }
    return List.of(flagAttr);
  }

  @Command(name = "get-attr", aliases = "getattr", description = "get container user-defined attribute")
  static final class GetAttr extends ContArgs {
    @Option(names = {"-a", "--attr"}, description = "single attribute name (deprecated; use positional argument)")
    String flagAttr;
    @Parameters(index = "2", arity = "0..1", paramLabel = "key[,key...]")
    String keys;

    @Override
    protected Outcome execute(CommandContext ctx) {
      List<String> want = names(keys, flagAttr);
      return run(this, ctx, COO_RO, a -> a.get(want));
    }
  }

  @Command(name = "set-attr", aliases = "setattr", description = "set container user-defined attribute")
  static final class SetAttr extends ContArgs {
    @Option(names = {"-a", "--attr"}, description = "attribute name (deprecated; use positional argument)")
    String flagAttr;
    @Option(names = {"-v", "--value"}, description = "attribute value (deprecated; use positional argument)")
    String flagValue;
    @Parameters(index = "2", arity = "0..1", paramLabel = "key:val[,key:val...]")
    String attrs;

    @Override
    protected Outcome execute(CommandContext ctx) {
      Map<String, String> parsed = attrs == null ? Map.of() : ContProps.parsePairs(attrs, List.of());
      if (flagAttr != null || flagValue != null) {
        if (flagAttr == null || flagValue == null) {
          throw CliError.of("both --attr and --value are required if either are used");
        }
        if (!parsed.isEmpty()) {
          throw CliError.of("cannot specify both --attr and positional arguments");
        }
        parsed = Map.of(flagAttr, flagValue);
      }
      if (parsed.isEmpty()) {
        throw CliError.of("attribute name and value are required");
      }
      Map<String, String> want = parsed;
      return run(this, ctx, COO_RW, a -> a.set(want));
    }
  }

  @Command(name = "del-attr", aliases = "delattr", description = "delete container user-defined attribute")
  static final class DelAttr extends ContArgs {
    @Option(names = {"-a", "--attr"}, description = "attribute name (deprecated; use positional argument)")
    String flagAttr;
    @Parameters(index = "2", arity = "0..1", paramLabel = "key[,key...]")
    String keys;

    @Override
    protected Outcome execute(CommandContext ctx) {
      List<String> want = names(keys, flagAttr);
      if (want.isEmpty()) {
        throw CliError.of("attribute name is required");
      }
      return run(this, ctx, COO_RW, a -> a.delete(want));
    }
  }
}
