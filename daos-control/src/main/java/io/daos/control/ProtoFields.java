package io.daos.control;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads DAOS's conventional fields from any protobuf message by reflection: {@code int32 status},
 * {@code uint64 data_version} and {@code string sys}, as DAOS's Go code does through getter interfaces.
 */
public final class ProtoFields {
  private ProtoFields() {
  }

  /** The {@code status} field if the message has an int32 one. */
  public static OptionalInt status(Object message) {
    FieldDescriptor fd = field(message, "status");
    if (fd == null || fd.getJavaType() != FieldDescriptor.JavaType.INT || fd.isRepeated()) {
      return OptionalInt.empty();
    }
    return OptionalInt.of((Integer) ((Message) message).getField(fd));
  }

  /** The {@code data_version} field if the message has a 64-bit one (unsigned). */
  public static OptionalLong dataVersion(Object message) {
    FieldDescriptor fd = field(message, "data_version");
    if (fd == null || fd.getJavaType() != FieldDescriptor.JavaType.LONG || fd.isRepeated()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of((Long) ((Message) message).getField(fd));
  }

  /** The {@code sys} field if the message has a string one. */
  public static Optional<String> sys(Object message) {
    FieldDescriptor fd = stringField(message, "sys");
    return fd == null ? Optional.empty() : Optional.of((String) ((Message) message).getField(fd));
  }

  /** The message with {@code sys} set to {@code systemName} if it has an empty {@code sys} field. */
  @SuppressWarnings("unchecked")
  public static <T> T withSysIfUnset(T message, String systemName) {
    FieldDescriptor fd = stringField(message, "sys");
    if (fd == null || !((String) ((Message) message).getField(fd)).isEmpty()) {
      return message;
    }
    return (T) ((Message) message).toBuilder().setField(fd, systemName).build();
  }

  private static FieldDescriptor stringField(Object message, String name) {
    FieldDescriptor fd = field(message, name);
    return fd == null || fd.getJavaType() != FieldDescriptor.JavaType.STRING || fd.isRepeated() ? null : fd;
  }

  private static FieldDescriptor field(Object message, String name) {
    return message instanceof Message m ? m.getDescriptorForType().findFieldByName(name) : null;
  }
}
