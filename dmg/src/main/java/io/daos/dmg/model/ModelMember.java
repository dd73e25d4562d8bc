package io.daos.dmg.model;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.IAnnotatedElement;
import picocli.CommandLine.Model.IExtensible;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.IScope;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.ITypeInfo;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Range;

/**
 * One annotated field of a command object, as picocli's own field member presents it to its option and parameter
 * builders, with the annotation's attributes from {@link CommandModel}: the field's type, generic type, binding to
 * the object and initial value (read from the field when picocli first needs it) are the field's own.
 */
final class ModelMember implements IAnnotatedElement, IExtensible {
  /** What the field carries. */
  enum Kind { OPTION, PARAMETERS, MIXIN, SPEC }

  private final Kind kind;
  private final Field field;
  private final Annotation annotation;
  private final Binding binding;
  private final ITypeInfo typeInfo;

  ModelMember(Kind kind, Field field, Annotation annotation, Object instance) {
    this(kind, field, annotation, instance, InitialValue.UNKNOWN);
  }

  /**
   * A member of {@code instance}, a command object as its constructor left it; {@code initial} is the field's
   * value there as the model recorded it (or {@link InitialValue#UNKNOWN}).
   */
  ModelMember(Kind kind, Field field, Annotation annotation, Object instance, InitialValue initial) {
    this.kind = kind;
    this.field = field;
    this.annotation = annotation;
    field.setAccessible(true);
    this.binding = new Binding(field, instance, initial);
    this.typeInfo = typeInfo();
  }

  /** As picocli: the annotation's arity, else 0 for a boolean option and 1 otherwise, marked unspecified. */
  private ITypeInfo typeInfo() {
    Range arity = null;
    Class<?>[] declared = new Class<?>[0];
    if (annotation instanceof Option o) {
      arity = Range.valueOf(o.arity());
      declared = o.type();
    } else if (annotation instanceof Parameters p) {
      arity = Range.valueOf(p.arity());
      declared = p.type();
    }
    Class<?> type = field.getType();
    if (arity == null || arity.isUnspecified()) {
      boolean bool = type == boolean.class || type == Boolean.class;
      arity = Range.valueOf(isOption() && bool ? "0" : "1").unspecified(true);
    }
    try {
      return (ITypeInfo) RUNTIME_TYPE_INFO.invoke(null, type, declared, field.getGenericType(), arity,
          isOption() ? boolean.class : String.class, isInteractive());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("picocli's type information for " + field + " cannot be made", e);
    }
  }

  /**
   * picocli's {@code RuntimeTypeInfo.create}, with which its own field members describe their type (public, in a
   * class that is not).
   */
  private static final Method RUNTIME_TYPE_INFO = runtimeTypeInfo();

  private static Method runtimeTypeInfo() {
    try {
      Method m = Class.forName("picocli.CommandLine$Model$RuntimeTypeInfo").getMethod("create", Class.class,
          Class[].class, Type.class, Range.class, Class.class, boolean.class);
      m.setAccessible(true);
      return m;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this picocli has no RuntimeTypeInfo.create (dmg's command model needs it)",
          e);
    }
  }

  @Override
  public Object userObject() {
    return field;
  }

  @Override
  public boolean isAnnotationPresent(Class<? extends Annotation> type) {
    return annotation.annotationType() == type;
  }

  @Override
  public <T extends Annotation> T getAnnotation(Class<T> type) {
    return isAnnotationPresent(type) ? type.cast(annotation) : null;
  }

  @Override
  public String getName() {
    return field.getName();
  }

  @Override
  public String getMixinName() {
    String name = annotation instanceof Mixin m ? m.name() : "";
    return name.isEmpty() ? getName() : name;
  }

  @Override
  public boolean isArgSpec() {
    return isOption() || isParameter();
  }

  @Override
  public boolean isOption() {
    return kind == Kind.OPTION;
  }

  @Override
  public boolean isParameter() {
    return kind == Kind.PARAMETERS;
  }

  @Override
  public boolean isArgGroup() {
    return false;
  }

  @Override
  public boolean isMixin() {
    return kind == Kind.MIXIN;
  }

  @Override
  public boolean isUnmatched() {
    return false;
  }

  @Override
  public boolean isSpec() {
    return kind == Kind.SPEC;
  }

  @Override
  public boolean isParentCommand() {
    return false;
  }

  @Override
  public boolean isMultiValue() {
    Class<?> t = field.getType();
    return t.isArray() || Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t);
  }

  @Override
  public boolean isInteractive() {
    return annotation instanceof Option o ? o.interactive()
        : annotation instanceof Parameters p && p.interactive();
  }

  @Override
  public boolean hasInitialValue() {
    return true;
  }

  @Override
  public boolean isMethodParameter() {
    return false;
  }

  @Override
  public int getMethodParamPosition() {
    return -1;
  }

  @Override
  public IScope scope() {
    return binding.scope;
  }

  @Override
  public IGetter getter() {
    return binding;
  }

  @Override
  public ISetter setter() {
    return binding;
  }

  @Override
  public ITypeInfo getTypeInfo() {
    return typeInfo;
  }

  @Override
  public String getToString() {
    String s = field.toGenericString();
    return isMixin() ? abbreviate("mixin from member " + s) : "field " + abbreviate(s);
  }

  /** picocli's abbreviation of a member's description: package names cut to their first letter. */
  private static String abbreviate(String text) {
    return text.replace("private ", "").replace("protected ", "").replace("public ", "").replace("java.lang.", "");
  }

  /**
   * picocli asks a field member when its initial value is to be read; a field's is read from the field when first
   * needed, as picocli's own field member answers.
   */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> T getExtension(Class<T> type) {
    if (type.isEnum() && type.getSimpleName().equals("InitialValueState")) {
      return (T) Enum.valueOf((Class) type, "POSTPONED");
    }
    return null;
  }

  /**
   * The field of the object: get and set, set answering the value it replaced. picocli reads every option's initial
   * value and writes it back before each parse; with the initial value known from the model, neither touches the
   * field until a value other than the initial one is set (the JDK makes a method-handle accessor for each field on
   * its first reflective access, the larger part of a short dmg run's parse).
   */
  private static final class Binding implements IGetter, ISetter {
    private final Field field;
    private final IScope scope;
    private final InitialValue initial;
    /** Whether the field may hold something else than {@link #initial} (always, when that is unknown). */
    private boolean written;

    Binding(Field field, Object instance, InitialValue initial) {
      this.field = field;
      this.scope = new InstanceScope(instance);
      this.initial = initial;
      this.written = !initial.known();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() throws Exception {
      return written ? (T) field.get(scope.get()) : (T) initial.value();
    }

    @Override
    public <T> T set(T value) throws Exception {
      T old = get();
      if (!written && java.util.Objects.equals(value, initial.value())) {
        return old;
      }
      field.set(scope.get(), value);
      written = true;
      return old;
    }

    @Override
    public String toString() {
      return "FieldBinding(" + field.getType().getName() + " " + field.getDeclaringClass().getName() + "."
          + field.getName() + ")";
    }
  }

  /** The command object a member belongs to. */
  private record InstanceScope(Object instance) implements IScope {
    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
      return (T) instance;
    }

    @Override
    public <T> T set(T value) {
      throw new UnsupportedOperationException("a command object's scope is fixed");
    }
  }
}
