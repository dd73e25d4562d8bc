package io.daos.tool.pool;

import io.daos.tool.api.PoolApi;
import io.daos.tool.command.AttrOps;
import io.daos.tool.command.CommandContext;
import io.daos.tool.command.Outcome;
import io.daos.tool.command.PoolArgs;
import io.daos.tool.output.CliError;
import io.daos.tool.output.cont.ContProps;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code daos pool list-attr | get-attr | set-attr | del-attr}. */
final class PoolAttrCommands {
  private PoolAttrCommands() {
  }

  @Command(name = "list-attr", aliases = {"list-attrs", "lsattr"}, description = "list pool user-defined attributes")
  static final class ListAttr extends PoolArgs {
    @Option(names = {"-V", "--verbose"}, description = "Include values")
    boolean verbose;

    @Override
    protected Outcome execute(CommandContext ctx) {
      try (PoolApi p = connect(ctx, RO)) {
        return new AttrOps(p, "pool", p.id()).list(verbose);
      }
    }
  }

  @Command(name = "get-attr", aliases = "getattr", description = "get pool user-defined attribute")
  static final class GetAttr extends PoolArgs {
    @Parameters(index = "1", arity = "0..1", paramLabel = "key[,key...]")
    String keys;

    @Override
    protected Outcome execute(CommandContext ctx) {
      List<String> names = keys == null ? List.of() : ContProps.parseKeys(keys);
      try (PoolApi p = connect(ctx, RO)) {
        return new AttrOps(p, "pool", p.id()).get(names);
      }
    }
  }

  @Command(name = "set-attr", aliases = "setattr", description = "set pool user-defined attribute")
  static final class SetAttr extends PoolArgs {
    @Parameters(index = "1", arity = "0..1", paramLabel = "key:val[,key:val...]")
    String attrs;

    @Override
    protected Outcome execute(CommandContext ctx) {
      if (attrs == null) {
        throw CliError.of("the required argument `key:val[,key:val...]` was not provided");
      }
      var parsed = ContProps.parsePairs(attrs, List.of());
      try (PoolApi p = connect(ctx, RW)) {
        return new AttrOps(p, "pool", p.id()).set(parsed);
      }
    }
  }

  @Command(name = "del-attr", aliases = "delattr", description = "delete pool user-defined attribute")
  static final class DelAttr extends PoolArgs {
    @Parameters(index = "1", arity = "0..1", paramLabel = "key[,key...]")
    String keys;

    @Override
    protected Outcome execute(CommandContext ctx) {
      if (keys == null) {
        throw CliError.of("the required argument `key[,key...]` was not provided");
      }
      List<String> names = ContProps.parseKeys(keys);
      try (PoolApi p = connect(ctx, RW)) {
        return new AttrOps(p, "pool", p.id()).delete(names);
      }
    }
  }
}
