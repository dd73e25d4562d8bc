package io.daos.dmg.model;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * dmg's picocli annotations as data: for each command class (and each class its commands extend or mix in), its
 * {@code @Command} attributes and its annotated fields, in declaration order, with every attribute that differs from
 * its default. {@link #spec} builds a command's picocli model from it as picocli does from the annotations, with
 * picocli's own option and parameter builders, but without reading an annotation: the JDK reads each annotation
 * type through a proxy class it generates at its first use, and generating the seven dmg needs was a third of a
 * short dmg run. The data is {@link CommandModelText}, generated from the annotations by dmg's tests
 * ({@code CommandModelTest}, which also fails when it is stale).
 *
 * <p>Format: one record a line, tab-separated: {@code class NAME}, {@code command NAME - ATTRS}, and
 * {@code option|parameters|mixin|spec NAME FIELD ATTRS}, ATTRS being {@code key=value} items (strings escaped,
 * arrays as {@code n:} and n elements). A class the model does not know gets null from {@link #spec}, and its caller
 * reads the annotations.
 */
public final class CommandModel {
  /** The {@code @Command} attributes {@link #spec} applies; a model with any other cannot be used for that class. */
  public static final Set<String> COMMAND_ATTRIBUTES = Set.of("name", "aliases", "description", "subcommands",
      "mixinStandardHelpOptions", "hidden");

  /** One class's records. */
  record ClassModel(String name, AnnotationValues command, List<MemberModel> members) {
  }

  /** One annotated field; {@code initial} its value in a new command object, where the model knows it. */
  record MemberModel(ModelMember.Kind kind, String field, AnnotationValues values, InitialValue initial) {
  }

  /** The member attribute that holds the field's initial value (not an annotation attribute). */
  public static final String INITIAL = "~initial";

  private static volatile CommandModel loaded;

  /** The model's text; a class's records are parsed when it is first asked for. */
  private final String text;
  private final Map<String, ClassModel> classes = new java.util.concurrent.ConcurrentHashMap<>();
  /** Marks a class the text does not hold. */
  private static final ClassModel ABSENT = new ClassModel("", null, List.of());

  private CommandModel(String text) {
    this.text = text;
  }

  /** dmg's model ({@link CommandModelText}, a class rather than a resource: no jar lookup on a short run's path). */
  public static CommandModel get() {
    CommandModel m = loaded;
    if (m == null) {
      m = new CommandModel(CommandModelText.text());
      loaded = m;
    }
    return m;
  }

  /** A model of {@code text}; a malformed record throws IllegalStateException when its class is asked for. */
  public static CommandModel parse(String text) {
    return new CommandModel(text);
  }

  /** Parses the records of {@code cls}: its {@code class} line and the lines after it up to the next one. */
  private ClassModel parseClass(String cls) {
    String head = "class\t" + cls + "\n";
    int start;
    if (text.startsWith(head)) {
      start = 0;
    } else {
      int nl = text.indexOf("\n" + head);
      if (nl < 0) {
        return ABSENT;
      }
      start = nl + 1;
    }
    AnnotationValues command = null;
    List<MemberModel> members = new ArrayList<>();
    for (int pos = start + head.length(); pos < text.length(); ) {
      int end = text.indexOf('\n', pos);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(pos, end);
      pos = end + 1;
      if (line.startsWith("class\t")) {
        break;
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 3) {
        throw new IllegalStateException("dmg's command model: short record " + line);
      }
      switch (f[0]) {
        case "command" -> command = values(Command.class, f, 3);
        case "option" -> members.add(memberModel(ModelMember.Kind.OPTION, Option.class, f));
        case "parameters" -> members.add(memberModel(ModelMember.Kind.PARAMETERS, Parameters.class, f));
        case "mixin" -> members.add(memberModel(ModelMember.Kind.MIXIN, Mixin.class, f));
        case "spec" -> members.add(memberModel(ModelMember.Kind.SPEC, Spec.class, f));
        default -> throw new IllegalStateException("dmg's command model: unknown record " + line);
      }
    }
    return new ClassModel(cls, command, List.copyOf(members));
  }

  private static MemberModel memberModel(ModelMember.Kind kind, Class<? extends Annotation> type, String[] f) {
    AnnotationValues v = values(type, f, 3);
    return new MemberModel(kind, f[2], v, InitialValue.decode(v.removeStored(INITIAL)));
  }

  private static AnnotationValues values(Class<? extends Annotation> type, String[] f, int from) {
    Map<String, String> m = new HashMap<>();
    for (int i = from; i < f.length; i++) {
      int eq = f[i].indexOf('=');
      if (eq <= 0) {
        throw new IllegalStateException("dmg's command model: bad attribute " + f[i]);
      }
      m.put(f[i].substring(0, eq), f[i].substring(eq + 1));
    }
    return new AnnotationValues(type, m);
  }

  /** The model of {@code cls}, or null if it is not in the model. */
  ClassModel of(Class<?> cls) {
    ClassModel m = classes.computeIfAbsent(cls.getName(), this::parseClass);
    return m == ABSENT ? null : m;
  }

  /**
   * Whether {@link #spec} can build {@code cls}: it and every class it extends are in the model, with only the
   * {@code @Command} attributes {@link #spec} applies, and so are the classes it mixes in.
   */
  public boolean covers(Class<?> cls) {
    for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
      ClassModel m = of(c);
      if (m == null || (m.command() != null && !COMMAND_ATTRIBUTES.containsAll(m.command().names()))) {
        return false;
      }
      for (MemberModel mm : m.members()) {
        if (mm.kind() == ModelMember.Kind.MIXIN) {
          try {
            if (!covers(c.getDeclaredField(mm.field()).getType())) {
              return false;
            }
          } catch (NoSuchFieldException e) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** The {@code @Command} name of {@code cls} (its own or inherited), or null if it has none in the model. */
  public String name(Class<?> cls) {
    Object v = command(cls, "name");
    return v == null ? null : (String) v;
  }

  /** The {@code @Command} aliases of {@code cls}: those of the most derived class with {@code @Command}. */
  public String[] aliases(Class<?> cls) {
    for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
      ClassModel m = of(c);
      if (m != null && m.command() != null) {
        return m.command().get("aliases");
      }
    }
    return new String[0];
  }

  /** The {@code @Command} subcommands of {@code cls}. */
  public Class<?>[] subcommands(Class<?> cls) {
    Object v = command(cls, "subcommands");
    return v == null ? new Class<?>[0] : (Class<?>[]) v;
  }

  /** An attribute as picocli merges them: the most derived class that sets it. */
  private Object command(Class<?> cls, String attribute) {
    for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
      ClassModel m = of(c);
      if (m != null && m.command() != null && m.command().names().contains(attribute)) {
        return m.command().get(attribute);
      }
    }
    return null;
  }

  /** A new instance of command class {@code cls} and its model ({@link #spec}); null if the model does not cover it. */
  public CommandSpec create(Class<?> cls) {
    if (!covers(cls)) {
      return null;
    }
    return spec(instantiate(cls));
  }

  /**
   * The picocli model of {@code command} (whose class {@link #covers} must accept), built as picocli's
   * {@code CommandSpec.forAnnotatedObject} builds it: superclasses first, each class's {@code @Command} attributes
   * and then its fields; mixins are the field's object (created if null) and its own model; a {@code @Spec} field
   * gets the model.
   */
  public CommandSpec spec(Object command) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    Deque<Class<?>> hierarchy = new ArrayDeque<>();
    for (Class<?> c = command.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      hierarchy.push(c);
    }
    CommandLine.IFactory factory = CommandLine.defaultFactory();
    for (Class<?> c : hierarchy) {
      ClassModel m = of(c);
      if (m == null) {
        throw new IllegalStateException(c.getName() + " is not in dmg's command model");
      }
      if (m.command() != null) {
        applyCommand(spec, m.command());
      }
      for (MemberModel mm : m.members()) {
        Field f;
        try {
          f = c.getDeclaredField(mm.field());
        } catch (NoSuchFieldException e) {
          throw new IllegalStateException("dmg's command model names a missing field " + c.getName() + "."
              + mm.field() + " (regenerate it: see CommandModelTest)", e);
        }
        switch (mm.kind()) {
          case OPTION -> spec.addOption(OptionSpec.builder(
              new ModelMember(mm.kind(), f, new OptionData(mm.values()), command, mm.initial()), factory)
              .build());
          case PARAMETERS -> spec.addPositional(PositionalParamSpec.builder(
              new ModelMember(mm.kind(), f, new ParametersData(mm.values()), command, mm.initial()), factory)
              .build());
          case MIXIN -> {
            ModelMember member = new ModelMember(mm.kind(), f, new MixinData(mm.values().get("name")), command);
            Object mixin = mm.initial().known() && mm.initial().value() == null ? null : get(f, command);
            if (mixin == null) {
              mixin = instantiate(f.getType());
              set(f, command, mixin);
            }
            spec.addMixin(member.getMixinName(), spec(mixin).withToString(member.getToString()), member);
          }
          case SPEC -> set(f, command, spec);
        }
      }
    }
    return spec;
  }

  private static void applyCommand(CommandSpec spec, AnnotationValues cmd) {
    spec.aliases(cmd.<String[]>get("aliases")); // as picocli: each class's @Command sets them, none included
    for (String k : cmd.names()) {
      switch (k) {
        case "name" -> spec.name(cmd.get("name"));
        case "aliases" -> {
          // above
        }
        case "description" -> spec.usageMessage().description(cmd.<String[]>get("description"));
        case "mixinStandardHelpOptions" -> spec.mixinStandardHelpOptions(cmd.<Boolean>get(k));
        case "hidden" -> spec.usageMessage().hidden(cmd.<Boolean>get(k));
        case "subcommands" -> {
          // added by the caller (CommandTree): only the ones a command line names are built
        }
        default -> throw new IllegalStateException("dmg's command model cannot apply @Command " + k);
      }
    }
  }

  private static Object instantiate(Class<?> cls) {
    try {
      Constructor<?> c = cls.getDeclaredConstructor();
      c.setAccessible(true);
      return c.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("dmg command " + cls.getName() + " cannot be created", e);
    }
  }

  private static Object get(Field f, Object target) {
    try {
      f.setAccessible(true);
      return f.get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void set(Field f, Object target, Object value) {
    try {
      f.setAccessible(true);
      f.set(target, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
