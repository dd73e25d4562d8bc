package io.daos.dmg;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.daos.dmg.model.CommandModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * Builds dmg's picocli tree. picocli reflects over every command class it is given, so the whole tree costs a
 * third of a short dmg run; for a command line that names one command ({@code dmg -i system query}) only the root,
 * the groups on the way (from their {@code @Command} attributes alone) and that command are built, from dmg's
 * {@link CommandModel} (the annotations as data: reading an annotation type costs a generated proxy class) where it
 * covers them. Anything else — help, a group without a command, a word or option that is not recognized here, a
 * parse error — gets the full tree from the annotations, so usage text and error messages are exactly picocli's.
 */
final class CommandTree {
  private final Object root;
  private final List<Class<?>> topLevel;
  private final CommandModel model;
  /** The root's model, or null where the command model does not cover it. */
  private final CommandSpec rootSpec;
  private final Set<String> valueOptions = new HashSet<>();
  private final Set<String> flagOptions = new HashSet<>();

  CommandTree(Object root, List<Class<?>> topLevel) {
    this(root, topLevel, CommandModel.get());
  }

  CommandTree(Object root, List<Class<?>> topLevel, CommandModel model) {
    this.root = root;
    this.topLevel = topLevel;
    this.model = model;
    this.rootSpec = model.covers(root.getClass()) ? model.spec(root) : null;
    if (rootSpec != null) {
      for (OptionSpec o : rootSpec.options()) {
        (o.arity().max() == 0 ? flagOptions : valueOptions).addAll(Arrays.asList(o.names()));
      }
      return;
    }
    for (Field f : root.getClass().getDeclaredFields()) {
      Option o = f.getAnnotation(Option.class);
      if (o != null) {
        (f.getType() == boolean.class ? flagOptions : valueOptions).addAll(Arrays.asList(o.names()));
      }
    }
  }

  /** Every command: what help, completion and any unusual command line get. */
  CommandLine full() {
    CommandLine cl = new CommandLine(root);
    topLevel.forEach(cl::addSubcommand);
    return cl;
  }

  /** Just the path {@code args} names when it names a runnable command and parses; else {@link #full()}. */
  CommandLine forArgs(String[] args) {
    List<Class<?>> path = path(args);
    if (path == null) {
      return full();
    }
    CommandLine rootCl = rootSpec != null ? new CommandLine(rootSpec) : new CommandLine(root);
    CommandLine parent = rootCl;
    for (Class<?> cls : path) {
      CommandLine child = hasSubcommands(cls) ? group(cls) : leaf(cls);
      parent.addSubcommand(name(cls), child);
      parent = child;
    }
    try {
      rootCl.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      return full();
    }
    return rootCl;
  }

  /** The command classes {@code args} walks through, ending at a command without subcommands; null if unsure. */
  List<Class<?>> path(String[] args) {
    List<Class<?>> path = new ArrayList<>();
    List<Class<?>> level = topLevel;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("-")) {
        int skip = rootOptionValues(a);
        if (skip < 0) {
          return null;
        }
        i += skip;
        continue;
      }
      Class<?> next = named(level, a);
      if (next == null || !lightGroupOrLeaf(next)) {
        return null;
      }
      path.add(next);
      if (!hasSubcommands(next)) {
        List<String> rest = Arrays.asList(args).subList(i + 1, args.length);
        return rest.contains("-h") || rest.contains("--help") ? null : path;
      }
      level = Arrays.asList(subcommands(next));
    }
    return null;
  }

  /** How many following words a root option takes (0 or 1), or -1 for help, "--" and anything unknown. */
  private int rootOptionValues(String a) {
    if (a.equals("--") || a.equals("-h") || a.equals("--help")) {
      return -1;
    }
    if (a.startsWith("--")) {
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      if (valueOptions.contains(name)) {
        return a.contains("=") ? 0 : 1;
      }
      return flagOptions.contains(name) && !a.contains("=") ? 0 : -1;
    }
    for (int c = 1; c < a.length(); c++) {           // a cluster such as -ij, -io FILE or -oFILE
      String opt = "-" + a.charAt(c);
      if (valueOptions.contains(opt)) {
        return c == a.length() - 1 ? 1 : 0;
      }
      if (!flagOptions.contains(opt) || opt.equals("-h")) {
        return -1;
      }
    }
    return 0;
  }

  private Class<?> named(List<Class<?>> level, String word) {
    for (Class<?> cls : level) {
      if (name(cls).equals(word) || Arrays.asList(aliases(cls)).contains(word)) {
        return cls;
      }
    }
    return null;
  }

  /** A group is built from its annotation only when it declares nothing picocli would read. */
  private boolean lightGroupOrLeaf(Class<?> cls) {
    return !hasSubcommands(cls) || (cls.getSuperclass() == Object.class && cls.getDeclaredFields().length == 0
        && Arrays.stream(cls.getDeclaredMethods()).allMatch(m -> m.isSynthetic()));
  }

  private CommandLine group(Class<?> cls) {
    CommandSpec spec = model.create(cls);
    if (spec != null) {
      return new CommandLine(spec);
    }
    Command c = annotation(cls);
    try {
      spec = CommandSpec.wrapWithoutInspection(cls.getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("dmg command group " + cls.getName() + " cannot be created", e);
    }
    spec.name(c.name()).aliases(c.aliases());
    spec.usageMessage().description(c.description());
    return new CommandLine(spec);
  }

  /** A command without subcommands: from the command model where it covers it, else from its annotations. */
  private CommandLine leaf(Class<?> cls) {
    CommandSpec spec = model.create(cls);
    return spec != null ? new CommandLine(spec) : new CommandLine(cls);
  }

  private boolean hasSubcommands(Class<?> cls) {
    return subcommands(cls).length > 0;
  }

  /** Whether the command model holds {@code cls} as a command: its {@code @Command} attributes come from there. */
  private boolean modeled(Class<?> cls) {
    return model.covers(cls) && model.name(cls) != null;
  }

  private String name(Class<?> cls) {
    return modeled(cls) ? model.name(cls) : annotation(cls).name();
  }

  private String[] aliases(Class<?> cls) {
    return modeled(cls) ? model.aliases(cls) : annotation(cls).aliases();
  }

  private Class<?>[] subcommands(Class<?> cls) {
    return modeled(cls) ? model.subcommands(cls) : annotation(cls).subcommands();
  }

  private static Command annotation(Class<?> cls) {
    Command c = cls.getAnnotation(Command.class);
    if (c == null) {
      throw new IllegalStateException(cls.getName() + " is listed as a dmg command but has no @Command");
    }
    return c;
  }
}
