package io.daos.tool.cont;

import io.daos.client.ContainerProps;
import io.daos.tool.command.CommandContext;
import io.daos.tool.command.ContArgs;
import io.daos.tool.command.Outcome;
import io.daos.tool.output.CliError;
import io.daos.tool.output.cont.ContProp;
import io.daos.tool.output.cont.ContProps;
import io.daos.tool.output.cont.PropPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code daos container get-prop | set-prop}. */
final class ContPropCommands {
  /** The properties users may change on an existing container. */
  static final List<String> SETTABLE = List.of("label", "status");

  private ContPropCommands() {
  }

  @Command(name = "get-prop", aliases = "getprop", description = "get container properties")
  static final class GetProp extends ContArgs {
    @Option(names = "--properties", description = "container properties to get (deprecated: use positional "
        + "argument)")
    String flagProps;
    @Parameters(index = "2", arity = "0..1", paramLabel = "key[,key...]")
    String keys;

    @Override
    protected Outcome execute(CommandContext ctx) {
      List<String> names = names(keys);
      if (!names(flagProps).isEmpty()) {
        if (!names.isEmpty()) {
          throw CliError.of("cannot specify both --properties and positional arguments");
        }
        names = names(flagProps);
      }
      try (Handles h = open(ctx, COO_RO)) {
        List<ContProp> wanted;
        ContainerProps props;
        try {
          wanted = names.isEmpty() ? ContProps.all() : resolve(names);
          props = h.cont().query().props();
        } catch (RuntimeException e) {
          throw CliError.wrap("failed to fetch properties for container " + cont, e);
        }
        String title = "Properties for container " + cont;
        return Outcome.of(PropPrinter.json(wanted, props), PropPrinter.text(title, wanted, props));
      }
    }

    /** DAOS's GetPropertiesFlag: comma-separated names in the order given; "" or "all" means every property. */
    private static List<String> names(String text) {
      if (text == null) {
        return List.of();
      }
      List<String> names = List.of(text.split(",", -1));
      return names.get(0).equals("all") || names.get(0).isEmpty() ? List.of() : names;
    }

    private static List<ContProp> resolve(List<String> names) {
      List<ContProp> out = new ArrayList<>();
      for (String n : names) {
        ContProp p = ContProps.byName(n);
        if (out.contains(p)) {
          throw CliError.of("duplicate property \"" + p.name() + "\"");
        }
        out.add(p);
      }
      return out;
    }
  }

  @Command(name = "set-prop", aliases = "setprop", description = "set container properties")
  static final class SetProp extends ContArgs {
    @Option(names = "--properties", description = "container properties to set (deprecated: use positional "
        + "argument)")
    String flagProps;
    @Parameters(index = "2", arity = "0..1", paramLabel = "key:val[,key:val...]")
    String pairs;

    @Override
    protected Outcome execute(CommandContext ctx) {
      Map<String, String> parsed = pairs == null ? Map.of() : ContProps.parsePairs(pairs, SETTABLE);
      if (flagProps != null) {
        if (!parsed.isEmpty()) {
          throw CliError.of("cannot specify both --properties and positional arguments");
        }
        parsed = ContProps.parsePairs(flagProps, SETTABLE);
      }
      if (parsed.isEmpty()) {
        throw CliError.of("property name and value are required");
      }
      ContainerProps props = ContainerProps.empty();
      for (Map.Entry<String, String> e : parsed.entrySet()) {
        props = ContProps.set(props, e.getKey(), e.getValue());
      }
      try (Handles h = open(ctx, COO_RW)) {
        try {
          h.cont().setProps(props);
        } catch (RuntimeException e) {
          throw CliError.wrap("failed to set properties on container " + cont, e);
        }
      }
      return Outcome.text("Properties were successfully set\n");
    }
  }
}
