package io.daos.dmg.model;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** Writes {@link CommandModel}'s text from the picocli annotations of a command tree. */
public final class CommandModelWriter {
  private CommandModelWriter() {
  }

  /**
   * The model of {@code root}'s class, {@code topLevel} and everything they reach (subcommands, mixins, supers).
   * {@code create} makes a new object of a concrete class (null if it cannot): its fields' initial values go into
   * the model where they are immutable and the same in two new objects.
   */
  public static String render(Class<?> root, List<Class<?>> topLevel, Function<Class<?>, Object> create) {
    TreeMap<String, Class<?>> all = new TreeMap<>();
    Deque<Class<?>> todo = new ArrayDeque<>();
    todo.add(root);
    todo.addAll(topLevel);
    while (!todo.isEmpty()) {
      Class<?> c = todo.poll();
      if (c == Object.class || all.containsKey(c.getName())) {
        continue;
      }
      all.put(c.getName(), c);
      if (c.getSuperclass() != null) {
        todo.add(c.getSuperclass());
      }
      Command cmd = c.getAnnotation(Command.class);
      if (cmd != null) {
        todo.addAll(Arrays.asList(cmd.subcommands()));
      }
      for (Field f : c.getDeclaredFields()) {
        if (f.isAnnotationPresent(Mixin.class)) {
          todo.add(f.getType());
        }
      }
    }
    StringBuilder out = new StringBuilder("# dmg's picocli annotations as data (io.daos.dmg.model.CommandModel); "
        + "written by CommandModelTest, do not edit\n");
    for (Class<?> c : all.values()) {
      out.append("class\t").append(c.getName()).append('\n');
      Command cmd = c.getAnnotation(Command.class);
      if (cmd != null) {
        out.append("command\t").append(c.getName()).append("\t-").append(attributes(cmd)).append('\n');
      }
      for (Method m : c.getDeclaredMethods()) {
        for (Class<? extends Annotation> a : List.of(Option.class, Parameters.class, Mixin.class, Spec.class,
            ArgGroup.class, ParentCommand.class, Unmatched.class)) {
          if (m.isAnnotationPresent(a)) {
            throw new IllegalStateException(m + ": picocli annotations on methods are not in dmg's command model");
          }
        }
      }
      for (Field f : c.getDeclaredFields()) {
        for (Class<? extends Annotation> a : List.of(ArgGroup.class, ParentCommand.class, Unmatched.class)) {
          if (f.isAnnotationPresent(a)) {
            throw new IllegalStateException(f + ": @" + a.getSimpleName() + " is not in dmg's command model");
          }
        }
        List<String> kinds = new ArrayList<>();
        String initial = initial(c, f, create);
        record(out, c, f, Option.class, "option", kinds, initial);
        record(out, c, f, Parameters.class, "parameters", kinds, initial);
        record(out, c, f, Mixin.class, "mixin", kinds, initial);
        record(out, c, f, Spec.class, "spec", kinds, null);
        if (kinds.size() > 1) {
          throw new IllegalStateException(f + " carries " + kinds + ": one picocli annotation a field");
        }
      }
    }
    return out.toString();
  }

  private static void record(StringBuilder out, Class<?> c, Field f, Class<? extends Annotation> type, String kind,
      List<String> kinds, String initial) {
    Annotation a = f.getAnnotation(type);
    if (a != null) {
      kinds.add(kind);
      out.append(kind).append('\t').append(c.getName()).append('\t').append(f.getName()).append(attributes(a));
      if (initial != null) {
        out.append('\t').append(CommandModel.INITIAL).append('=').append(initial);
      }
      out.append('\n');
    }
  }

  /** The encoded value of {@code f} in a new {@code c}, or null if it is not immutable, not stable or unknown. */
  private static String initial(Class<?> c, Field f, Function<Class<?>, Object> create) {
    if (Modifier.isAbstract(c.getModifiers()) || Modifier.isStatic(f.getModifiers())) {
      return null;
    }
    Object a = create.apply(c);
    Object b = create.apply(c);
    if (a == null || b == null) {
      return null;
    }
    try {
      f.setAccessible(true);
      Object va = f.get(a);
      Object vb = f.get(b);
      return Objects.equals(va, vb) ? InitialValue.encode(va) : null;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code CommandModelText.java}: {@code model} as Java string constants, in parts of whole lines under 16 KB (a
   * class file's string constant holds at most 64 KB).
   */
  public static String javaSource(String model) {
    StringBuilder b = new StringBuilder();
    b.append("// Generated by CommandModelTest from dmg's picocli annotations (CommandModelWriter); do not edit.\n")
        .append("package io.daos.dmg.model;\n\n")
        .append("/** dmg's command model as text ({@link CommandModel}); written by CommandModelTest. */\n")
        .append("final class CommandModelText {\n")
        .append("  private CommandModelText() {\n  }\n\n")
        .append("  static String text() {\n    return String.join(\"\", PARTS);\n  }\n\n")
        .append("  private static final String[] PARTS = {\n");
    int partSize = 0;
    boolean first = true;
    for (String line : model.split("(?<=\n)")) {
      if (first || partSize + line.length() > 16_000) {
        b.append(first ? "" : ",\n").append("      \"\"");
        partSize = 0;
        first = false;
      }
      b.append("\n      + \"").append(javaLiteral(line)).append('"');
      partSize += line.length();
    }
    b.append("\n  };\n}\n");
    return b.toString();
  }

  private static String javaLiteral(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** Tab-prefixed {@code key=value} items of the attributes that differ from their defaults, by name. */
  static String attributes(Annotation a) {
    StringBuilder b = new StringBuilder();
    Method[] methods = a.annotationType().getDeclaredMethods();
    Arrays.sort(methods, (x, y) -> x.getName().compareTo(y.getName()));
    for (Method m : methods) {
      Object v;
      try {
        v = m.invoke(a);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (Objects.deepEquals(v, m.getDefaultValue())) {
        continue;
      }
      b.append('\t').append(m.getName()).append('=').append(encode(v));
    }
    return b.toString();
  }

  static String encode(Object v) {
    if (v.getClass().isArray()) {
      int n = java.lang.reflect.Array.getLength(v);
      StringBuilder b = new StringBuilder().append(n).append(':');
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          b.append(AnnotationValues.ELEMENT);
        }
        b.append(encode(java.lang.reflect.Array.get(v, i)));
      }
      return b.toString();
    }
    if (v instanceof String s) {
      return AnnotationValues.escape(s);
    }
    if (v instanceof Class<?> c) {
      return c.getName();
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    if (v instanceof Boolean || v instanceof Integer) {
      return v.toString();
    }
    throw new IllegalStateException("cannot put a " + v.getClass() + " attribute in dmg's command model");
  }
}
