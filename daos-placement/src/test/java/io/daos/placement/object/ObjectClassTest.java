package io.daos.placement.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ObjectClassTest {
  static Stream<Arguments> classes() {
    return Stream.of(
        Arguments.of("S1", 0x1000001, 1, 1),
        Arguments.of("S2", 0x1000002, 1, 2),
        Arguments.of("SX", 0x100FFFF, 1, 0xFFFF),
        Arguments.of("RP_2G1", 0x8000001, 2, 1),
        Arguments.of("RP_2GX", 0x800FFFF, 2, 0xFFFF),
        Arguments.of("RP_3G1", 0x9000001, 3, 1),
        Arguments.of("RP_6G32", 0xC000020, 6, 32),
        Arguments.of("EC_2P1G1", 0x20000001, 3, 1),
        Arguments.of("EC_4P2G1", 0x23000001, 6, 1),
        Arguments.of("EC_8P2G1", 0x25000001, 10, 1),
        Arguments.of("EC_4P3GX", 0x2800FFFF, 7, 0xFFFF),
        Arguments.of("EC_16P3G32", 0x2A000020, 19, 32),
        Arguments.of("RP_XSF", 80, 0xFFFF, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classes")
  void registeredClass(String name, int id, int groupSize, int groups) {
    ObjectClass oc = ObjectClass.byName(name);
    assertEquals(id, oc.id());
    assertEquals(groupSize, oc.groupSize());
    assertEquals(groups, oc.groups());
    assertEquals(oc, ObjectClass.byId(id));
  }

  @Test
  void tableHoldsAllPublicClasses() {
    // S: 9, RP_2..6: 5 x 9, RP_XSF, EC: 11 ordinals x 8
    assertEquals(9 + 45 + 1 + 88, ObjectClass.all().size());
  }

  @Test
  void namesAreCaseSensitiveWithoutPrefix() {
    assertThrows(IllegalArgumentException.class, () -> ObjectClass.byName("s1"));
    assertThrows(IllegalArgumentException.class, () -> ObjectClass.byName("OC_S1"));
    assertThrows(IllegalArgumentException.class, () -> ObjectClass.byName("EC_2P1G6"));
  }

  @Test
  void unregisteredGroupCountFallsBackToTheOrdinal() {
    ObjectClass oc = ObjectClass.byId(ObjectClass.classId(Redundancy.RP_2, 3));
    assertEquals("RP_2G3", oc.name());
    assertEquals(3, oc.groups());
    assertEquals("S5", ObjectClass.byId(ObjectClass.classId(Redundancy.RP_1, 5)).name());
    assertEquals("EC_4P2G7", ObjectClass.byId(ObjectClass.classId(Redundancy.RS_4P2, 7)).name());
    assertFalse(ObjectClass.isValid(ObjectClass.classId(Redundancy.RP_8, 1)));
    assertFalse(ObjectClass.isValid(0));
    assertFalse(ObjectClass.isValid(1 << 24));
    assertTrue(ObjectClass.isValid(80));
  }
}
