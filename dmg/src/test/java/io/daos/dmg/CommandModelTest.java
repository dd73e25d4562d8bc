package io.daos.dmg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.dmg.model.CommandModel;
import io.daos.dmg.model.CommandModelWriter;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * dmg's command model ({@link CommandModel}) is its picocli annotations as data. These tests keep it current (the
 * resource is what the annotations say now; {@code -Djdaos.dmg.model.write=true} rewrites it) and check that every
 * command's picocli model built from it is the one picocli builds from the annotations.
 */
class CommandModelTest {
  private static final Path SOURCE = Path.of("src/main/java/io/daos/dmg/model/CommandModelText.java");

  private static String current() {
    return CommandModelWriter.render(Dmg.class, Dmg.COMMANDS, CommandModelTest::newCommand);
  }

  /** A new command object as dmg makes it (the root with its streams), or null for a class it never makes. */
  private static Object newCommand(Class<?> cls) {
    if (cls == Dmg.class) {
      return new Dmg(System.out, System.err, cfg -> null);
    }
    try {
      return create(cls);
    } catch (Exception e) {
      return null;
    }
  }

  @Test
  void modelIsWhatTheAnnotationsSay() throws Exception {
    String now = CommandModelWriter.javaSource(current());
    if (Boolean.getBoolean("jdaos.dmg.model.write")) {
      Files.writeString(SOURCE, now);
    }
    assertEquals(now, Files.readString(SOURCE), "dmg's command model is stale: a picocli annotation changed. Regenerate it with "
        + "mvn -o -q -pl dmg -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest=CommandModelTest "
        + "-Djdaos.dmg.model.write=true");
  }

  /** Every class with {@code @Command}, and the root, as the model builds it and as picocli builds it. */
  @Test
  void everyCommandsModelIsPicoclis() throws Exception {
    CommandModel model = CommandModel.get();
    List<Class<?>> commands = new ArrayList<>();
    for (String line : current().split("\n")) {
      if (line.startsWith("command\t")) {
        commands.add(Class.forName(line.split("\t")[1]));
      }
    }
    assertTrue(commands.size() > 80, "commands found: " + commands.size());
    for (Class<?> cls : commands) {
      assertTrue(model.covers(cls), cls + " is not covered");
      if (Dmg.class.isAssignableFrom(cls)) {
        continue;
      }
      if (java.lang.reflect.Modifier.isAbstract(cls.getModifiers())) {
        continue;
      }
      CommandSpec fromModel = model.create(cls);
      CommandSpec fromAnnotations = CommandSpec.forAnnotatedObject(create(cls));
      assertSameModel(describe(fromAnnotations), describe(fromModel), cls.getName());
    }
    Dmg a = new Dmg(System.out, System.err, cfg -> null);
    Dmg b = new Dmg(System.out, System.err, cfg -> null);
    assertSameModel(describe(CommandSpec.forAnnotatedObject(a)), describe(model.spec(b)), "dmg's root");
  }

  @Test
  void aClassOutsideTheModelIsNotCovered() {
    CommandModel model = CommandModel.parse(current());
    assertFalse(model.covers(String.class));
    assertNull(model.create(String.class));
    CommandModel empty = CommandModel.parse("");
    assertFalse(empty.covers(io.daos.dmg.command.system.SystemQueryCommand.class));
  }

  /** Line by line, so that a difference names the option it is in. */
  private static void assertSameModel(String expected, String actual, String what) {
    List<String> e = List.of(expected.split("\n"));
    List<String> a = List.of(actual.split("\n"));
    for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
      assertEquals(e.get(i), a.get(i), what + ", line " + i);
    }
    assertEquals(e.size(), a.size(), what + ": lines");
  }

  private static Object create(Class<?> cls) throws Exception {
    Constructor<?> c = cls.getDeclaredConstructor();
    c.setAccessible(true);
    return c.newInstance();
  }

  /** What picocli's model says of a command, as text: everything that shapes parsing, help and errors. */
  static String describe(CommandSpec s) {
    StringBuilder b = new StringBuilder();
    b.append("name=").append(s.name()).append(" aliases=").append(Arrays.toString(s.aliases()))
        .append(" description=").append(Arrays.toString(s.usageMessage().description()))
        .append(" hidden=").append(s.usageMessage().hidden())
        .append(" helpOptions=").append(s.mixinStandardHelpOptions()).append('\n');
    for (OptionSpec o : s.options()) {
      b.append("option ").append(Arrays.toString(o.names())).append(arg(o)).append(" usageHelp=")
          .append(o.usageHelp()).append(" versionHelp=").append(o.versionHelp()).append(" negatable=")
          .append(o.negatable()).append(" fallback=").append(o.fallbackValue()).append(" order=").append(o.order())
          .append('\n');
    }
    for (PositionalParamSpec p : s.positionalParameters()) {
      b.append("parameters index=").append(p.index()).append(arg(p)).append('\n');
    }
    Map<String, CommandSpec> mixins = new TreeMap<>(s.mixins());
    for (Map.Entry<String, CommandSpec> m : mixins.entrySet()) {
      b.append("mixin ").append(m.getKey()).append(" {\n").append(describe(m.getValue())).append("}\n");
    }
    return b.toString();
  }

  private static String arg(ArgSpec a) {
    return " arity=" + a.arity() + " type=" + a.type().getName() + " aux=" + names(a.auxiliaryTypes())
        + " required=" + a.required() + " label=" + a.paramLabel() + " description="
        + Arrays.toString(a.description()) + " hidden=" + a.hidden() + " default=" + a.defaultValue()
        + " initial=" + a.initialValue() + " value=" + a.getValue() + " hasInitial=" + a.hasInitialValue() + " scope=" + a.scopeType()
        + " split=" + a.splitRegex() + " interactive=" + a.interactive() + " converters=" + a.converters().length
        + " toString=" + a + " userObject=" + a.userObject() + " multi=" + a.isMultiValue()
        + " typeInfo=" + a.typeInfo().getClassName() + "/" + a.typeInfo().isCollection() + "/"
        + a.typeInfo().isArray() + "/" + a.typeInfo().isMap() + "/" + a.typeInfo().isBoolean()
        + "/" + a.typeInfo().isOptional() + "/" + a.typeInfo().getActualGenericTypeArguments();
  }

  private static String names(Class<?>[] types) {
    List<String> n = new ArrayList<>();
    for (Class<?> t : types) {
      n.add(t.getName());
    }
    return n.toString();
  }

  /** A command line parses the same into the model's command as into picocli's. */
  @Test
  void parsesAsPicocliDoes() throws Exception {
    CommandModel model = CommandModel.get();
    Class<?> cls = io.daos.dmg.command.system.SystemQueryCommand.class;
    CommandLine viaModel = new CommandLine(model.create(cls));
    CommandLine viaAnnotations = new CommandLine(cls);
    String[] args = {"--ranks", "0-3", "-v", "--with-states", "Joined,Excluded"};
    viaModel.parseArgs(args);
    viaAnnotations.parseArgs(args);
    assertSameModel(describe(viaAnnotations.getCommandSpec()), describe(viaModel.getCommandSpec()), "parsed");
  }
}
