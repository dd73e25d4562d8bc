package io.daos.dmg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.daos.dmg.command.pool.PoolCreateCommand;
import io.daos.dmg.command.pool.PoolCommand;
import io.daos.dmg.command.system.SystemCommand;
import io.daos.dmg.command.system.SystemQueryCommand;
import io.daos.dmg.command.version.VersionCommand;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** A command line naming one command builds only its path; help and anything unusual build every command. */
class CommandTreeTest {
  record Case(String name, List<String> args, List<Class<?>> path) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    List<Class<?>> query = List.of(SystemCommand.class, SystemQueryCommand.class);
    return List.of(
        new Case("flags and config before", List.of("-i", "-o", "/x/daos_control.yml", "system", "query"), query),
        new Case("clustered flags with value", List.of("-io", "/x.yml", "sys", "query", "-v"), query),
        new Case("attached value", List.of("-o/x.yml", "--insecure", "system", "query"), query),
        new Case("long option with =", List.of("--config-path=/x.yml", "-j", "system", "query"), query),
        new Case("root flags after the command", List.of("system", "query", "-i", "-j"), query),
        new Case("nested", List.of("pool", "create", "tank", "-z", "2G"),
            List.of(PoolCommand.class, PoolCreateCommand.class)),
        new Case("top-level command", List.of("version"), List.of(VersionCommand.class)),
        new Case("help", List.of("-h", "system", "query"), null),
        new Case("help after the command", List.of("system", "query", "--help"), null),
        new Case("group alone", List.of("-i", "system"), null),
        new Case("unknown word", List.of("system", "qurey"), null),
        new Case("unknown root option", List.of("--bogus", "system", "query"), null),
        new Case("nothing", List.of(), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void pathOfArgs(Case c) {
    CommandTree tree = new CommandTree(new Dmg(System.out, System.err, cfg -> null), Dmg.COMMANDS);
    List<Class<?>> path = tree.path(c.args().toArray(String[]::new));
    if (c.path() == null) {
      assertNull(path);
    } else {
      assertEquals(c.path(), path);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void prunedTreeParsesAsTheFullOne(Case c) {
    String[] args = c.args().toArray(String[]::new);
    CommandLine pruned = new CommandTree(new Dmg(System.out, System.err, cfg -> null), Dmg.COMMANDS).forArgs(args);
    CommandLine full = new CommandTree(new Dmg(System.out, System.err, cfg -> null), Dmg.COMMANDS).full();
    assertEquals(commands(full, args), commands(pruned, args));
    if (c.path() != null) {
      assertEquals(1, Set.copyOf(pruned.getSubcommands().values()).size(), "only the named top-level command is built");
    }
  }

  private static String commands(CommandLine cl, String[] args) {
    try {
      StringBuilder names = new StringBuilder();
      for (CommandLine.ParseResult r = cl.parseArgs(args); r != null; r = r.subcommand()) {
        names.append(r.commandSpec().qualifiedName()).append(' ').append(r.matchedOptions().size()).append(';');
      }
      return names.toString();
    } catch (CommandLine.ParameterException e) {
      return "error: " + e.getMessage();
    }
  }
}
