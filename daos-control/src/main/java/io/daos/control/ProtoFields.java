package io.daos.control;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.GeneratedMessage;
import com.google.protobuf.Message;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads DAOS's conventional fields from any protobuf message: {@code int32 status}, {@code uint64 data_version} and
 * {@code string sys}, as DAOS's Go code does through getter interfaces. A generated message is read through its
 * generated accessors ({@code getSys()}, {@code getStatus()}, {@code getDataVersion()}, the builder's
 * {@code setSys}): its descriptors stay unbuilt, and building them (protobuf's descriptor of descriptor.proto and
 * the resolution of features) was a fifth of a short dmg run's CPU. Any other message (a {@code DynamicMessage}) is
 * read through its descriptor.
 */
public final class ProtoFields {
  private ProtoFields() {
  }

  /** A generated message class's accessors of the three fields (null where it has no such field). */
  private record Accessors(Method status, Method dataVersion, Method sys, Method setSys) {
  }

  private static final ClassValue<Accessors> ACCESSORS = new ClassValue<>() {
    @Override
    protected Accessors computeValue(Class<?> type) {
      Method sys = getter(type, "getSys", String.class);
      Method setSys = null;
      if (sys != null) {
        try {
          Class<?> builder = type.getMethod("toBuilder").getReturnType();
          setSys = builder.getMethod("setSys", String.class);
        } catch (NoSuchMethodException e) {
          sys = null; // a getter without a setter is not a generated field
        }
      }
      return new Accessors(getter(type, "getStatus", int.class), getter(type, "getDataVersion", long.class), sys,
          setSys);
    }
  };

  private static Method getter(Class<?> type, String name, Class<?> returns) {
    try {
      Method m = type.getMethod(name);
      return m.getReturnType() == returns ? m : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** The {@code status} field if the message has an int32 one. */
  public static OptionalInt status(Object message) {
    if (message instanceof GeneratedMessage) {
      Method m = ACCESSORS.get(message.getClass()).status();
      return m == null ? OptionalInt.empty() : OptionalInt.of((Integer) call(m, message));
    }
    FieldDescriptor fd = field(message, "status");
    if (fd == null || fd.getJavaType() != FieldDescriptor.JavaType.INT || fd.isRepeated()) {
      return OptionalInt.empty();
    }
    return OptionalInt.of((Integer) ((Message) message).getField(fd));
  }

  /** The {@code data_version} field if the message has a 64-bit one (unsigned). */
  public static OptionalLong dataVersion(Object message) {
    if (message instanceof GeneratedMessage) {
      Method m = ACCESSORS.get(message.getClass()).dataVersion();
      return m == null ? OptionalLong.empty() : OptionalLong.of((Long) call(m, message));
    }
    FieldDescriptor fd = field(message, "data_version");
    if (fd == null || fd.getJavaType() != FieldDescriptor.JavaType.LONG || fd.isRepeated()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of((Long) ((Message) message).getField(fd));
  }

  /** The {@code sys} field if the message has a string one. */
  public static Optional<String> sys(Object message) {
    if (message instanceof GeneratedMessage) {
      Method m = ACCESSORS.get(message.getClass()).sys();
      return m == null ? Optional.empty() : Optional.of((String) call(m, message));
    }
    FieldDescriptor fd = stringField(message, "sys");
    return fd == null ? Optional.empty() : Optional.of((String) ((Message) message).getField(fd));
  }

  /** The message with {@code sys} set to {@code systemName} if it has an empty {@code sys} field. */
  @SuppressWarnings("unchecked")
  public static <T> T withSysIfUnset(T message, String systemName) {
    if (message instanceof GeneratedMessage g) {
      Accessors a = ACCESSORS.get(message.getClass());
      if (a.sys() == null || !((String) call(a.sys(), message)).isEmpty()) {
        return message;
      }
      Message.Builder b = g.toBuilder();
      call(a.setSys(), b, systemName);
      return (T) b.build();
    }
    FieldDescriptor fd = stringField(message, "sys");
    if (fd == null || !((String) ((Message) message).getField(fd)).isEmpty()) {
      return message;
    }
    return (T) ((Message) message).toBuilder().setField(fd, systemName).build();
  }

  private static Object call(Method m, Object target, Object... args) {
    try {
      return m.invoke(target, args);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("protobuf accessor " + m + " is not public", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("protobuf accessor " + m + " failed", e.getCause());
    }
  }

  private static FieldDescriptor stringField(Object message, String name) {
    FieldDescriptor fd = field(message, name);
    return fd == null || fd.getJavaType() != FieldDescriptor.JavaType.STRING || fd.isRepeated() ? null : fd;
  }

  private static FieldDescriptor field(Object message, String name) {
    return message instanceof Message m ? m.getDescriptorForType().findFieldByName(name) : null;
  }
}
