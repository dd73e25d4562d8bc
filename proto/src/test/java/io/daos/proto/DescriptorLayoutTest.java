package io.daos.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Field numbers, field types and enum values of our generated descriptors match the DAOS table. */
class DescriptorLayoutTest {
  static final DescriptorIndex INDEX = DescriptorIndex.of(
      io.daos.proto.drpc.Drpc.getDescriptor(),
      io.daos.proto.ctl.CtlProto.getDescriptor(),
      io.daos.proto.mgmt.MgmtProto.getDescriptor(),
      io.daos.proto.srv.SrvProto.getDescriptor(),
      io.daos.proto.auth.AuthProto.getDescriptor());

  /**
   * jdaos extension fields (docs/extensions.md), numbered far above DAOS's own so that a DAOS peer skips them as
   * unknown: left out of the comparison with DAOS's table.
   */
  static final Map<String, Integer> EXTENSIONS = Map.of(
      "mgmt.JoinResp.fabric_key", 100,
      "mgmt.SetRankReq.fabric_key", 100,
      "auth.Sys.jdaos_validity", 1000);

  static Stream<Arguments> messages() {
    return MilestoneFields.MESSAGES.stream().map(DescriptorLayoutTest::split);
  }

  static Stream<Arguments> enums() {
    return MilestoneFields.ENUMS.stream().map(DescriptorLayoutTest::split);
  }

  private static Arguments split(String line) {
    int colon = line.indexOf(": ");
    return Arguments.of(line.substring(0, colon), line.substring(colon + 2).trim());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void messageFieldsMatchDaos(String fullName, String spec) {
    Descriptor message = INDEX.message(fullName).orElseThrow(() -> new AssertionError("no message " + fullName));
    Map<String, String> expected = parse(spec);
    Map<String, String> actual = new TreeMap<>();
    for (FieldDescriptor field : message.getFields()) {
      Integer ext = EXTENSIONS.get(fullName + "." + field.getName());
      if (ext != null) {
        assertEquals(ext, field.getNumber(), "jdaos extension " + fullName + "." + field.getName());
        continue;
      }
      actual.put(field.getName(), field.getNumber() + ":" + typeOf(field));
    }
    assertEquals(expected, actual, fullName);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enums")
  void enumValuesMatchDaos(String fullName, String spec) {
    EnumDescriptor type = INDEX.enumType(fullName).orElseThrow(() -> new AssertionError("no enum " + fullName));
    Map<String, String> actual = type.getValues().stream()
        .collect(Collectors.toMap(EnumValueDescriptor::getName, v -> Integer.toString(v.getNumber()),
            (a, b) -> a, TreeMap::new));
    assertEquals(parse(spec), actual, fullName);
  }

  @Test
  void rasEventExtendedInfoIsOneOneof() {
    Descriptor event = INDEX.message("shared.RASEvent").orElseThrow();
    assertEquals(1, event.getOneofs().size());
    assertEquals("extended_info", event.getOneofs().get(0).getName());
    assertEquals(java.util.List.of(17, 18, 19),
        event.getOneofs().get(0).getFields().stream().map(FieldDescriptor::getNumber).toList());
  }

  @Test
  void everyFileUsesOurJavaPackageAndMultipleFiles() {
    Stream.of(io.daos.proto.ctl.CtlProto.getDescriptor(), io.daos.proto.mgmt.MgmtProto.getDescriptor(),
        io.daos.proto.srv.SrvProto.getDescriptor(), io.daos.proto.auth.AuthProto.getDescriptor())
        .flatMap(DescriptorLayoutTest::withDependencies)
        .forEach(file -> {
          assertEquals("io.daos.proto." + file.getPackage(), file.getOptions().getJavaPackage(), file.getName());
          assertTrue(file.getOptions().getJavaMultipleFiles(), file.getName());
        });
  }

  private static Stream<com.google.protobuf.Descriptors.FileDescriptor> withDependencies(
      com.google.protobuf.Descriptors.FileDescriptor file) {
    return Stream.concat(Stream.of(file), file.getDependencies().stream()
        .flatMap(DescriptorLayoutTest::withDependencies));
  }

  /** "a=1:string b=2:x.Y*" becomes {a -> "1:string", b -> "2:x.Y*"}. */
  private static Map<String, String> parse(String spec) {
    return Arrays.stream(spec.split("\\s+"))
        .map(entry -> entry.split("=", 2))
        .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1], (a, b) -> {
          throw new IllegalArgumentException("duplicate entry in " + spec);
        }, TreeMap::new));
  }

  private static String typeOf(FieldDescriptor field) {
    String base = switch (field.getType()) {
      case MESSAGE, GROUP -> field.getMessageType().getFullName();
      case ENUM -> field.getEnumType().getFullName();
      default -> field.getType().name().toLowerCase(java.util.Locale.ROOT);
    };
    return field.isRepeated() ? base + "*" : base;
  }
}
