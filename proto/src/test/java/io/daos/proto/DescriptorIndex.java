package io.daos.proto;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Every message, enum and service reachable from our root .proto files, by protobuf full name. */
final class DescriptorIndex {
  private final Map<String, Descriptor> messages = new HashMap<>();
  private final Map<String, EnumDescriptor> enums = new HashMap<>();
  private final Map<String, ServiceDescriptor> services = new HashMap<>();

  static DescriptorIndex of(FileDescriptor... roots) {
    DescriptorIndex index = new DescriptorIndex();
    for (FileDescriptor root : roots) {
      index.addFile(root);
    }
    return index;
  }

  private void addFile(FileDescriptor file) {
    file.getDependencies().forEach(this::addFile);
    file.getMessageTypes().forEach(this::addMessage);
    file.getEnumTypes().forEach(e -> enums.put(e.getFullName(), e));
    file.getServices().forEach(s -> services.put(s.getFullName(), s));
  }

  private void addMessage(Descriptor message) {
    messages.put(message.getFullName(), message);
    message.getNestedTypes().forEach(this::addMessage);
    message.getEnumTypes().forEach(e -> enums.put(e.getFullName(), e));
  }

  Optional<Descriptor> message(String fullName) {
    return Optional.ofNullable(messages.get(fullName));
  }

  Optional<EnumDescriptor> enumType(String fullName) {
    return Optional.ofNullable(enums.get(fullName));
  }

  Optional<ServiceDescriptor> service(String fullName) {
    return Optional.ofNullable(services.get(fullName));
  }
}
