package io.daos.placement.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ObjectIdTest {
  static Stream<Arguments> encodings() {
    return Stream.of(
        Arguments.of("S1 multi-hashed", ObjectType.MULTI_HASHED, ObjectClass.S1, 0x0001000100000000L),
        Arguments.of("SX multi-hashed", ObjectType.MULTI_HASHED, ObjectClass.SX, 0x0001FFFF00000000L),
        Arguments.of("RP_2G1 array byte", ObjectType.ARRAY_BYTE, ObjectClass.RP_2G1, 0x0D08000100000000L),
        Arguments.of("RP_3G1 kv hashed", ObjectType.KV_HASHED, ObjectClass.RP_3G1, 0x0809000100000000L),
        Arguments.of("EC_2P1G1 array", ObjectType.ARRAY, ObjectClass.EC_2P1G1, 0x0B20000100000000L),
        Arguments.of("EC_4P2GX oit v2", ObjectType.OIT_V2, ObjectClass.EC_4P2GX, 0x0E23FFFF00000000L),
        Arguments.of("RP_XSF legacy id", ObjectType.MULTI_HASHED, ObjectClass.byName("RP_XSF"), 0x0000005000000000L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encodings")
  void setOidByClass(String name, ObjectType type, ObjectClass oc, long hiBits) {
    ObjectId oid = ObjectId.byClass(0x1234L, 0xFFFFFFFF_CAFEBABEL, type, oc);
    assertEquals(hiBits | 0xCAFEBABEL, oid.hi());
    assertEquals(0x1234L, oid.lo());
    assertEquals(type, oid.type());
    assertEquals(oc.id(), oid.classId());
    assertEquals(oc, oid.objectClass());
    assertEquals(0xCAFEBABE, oid.userHi());
  }

  @Test
  void toStringIsDafOidUnsignedHiDotLo() {
    ObjectId oid = new ObjectId(-1L, 0x0001000100000000L);
    assertEquals("281479271677952.18446744073709551615", oid.toString());
    assertEquals(oid, ObjectId.parse(oid.toString()));
    assertThrows(IllegalArgumentException.class, () -> ObjectId.parse("12"));
  }

  @Test
  void groupCountIsCappedAtMax() {
    assertEquals(0xFFFF, ObjectId.encode(0, 0, ObjectType.ARRAY, 1, 100000).groups());
  }

  @Test
  void generateFitsMaxGroupsToThePool() {
    // 4 domains x 8 targets: RF0 reserves nothing; RF1 reserves one domain's targets (8 / grp size)
    assertEquals(32, ObjectId.generate(1, 0, ObjectType.ARRAY_BYTE, ObjectClass.SX, 0,
        new PoolAttributes(4, 32, 0)).groups());
    assertEquals(24, ObjectId.generate(1, 0, ObjectType.ARRAY_BYTE, ObjectClass.SX, 0,
        new PoolAttributes(4, 32, 1)).groups());
    ObjectId ec = ObjectId.generate(1, 0, ObjectType.ARRAY_BYTE, ObjectClass.EC_2P1GX, 0,
        new PoolAttributes(4, 32, 1));
    assertEquals(7, ec.groups());
    assertEquals(Redundancy.RS_2P1.number(), ec.ordinal());
  }

  @Test
  void generateRejectsGroupsWiderThanDomains() {
    assertThrows(IllegalArgumentException.class, () -> ObjectId.generate(1, 0, ObjectType.MULTI_HASHED,
        ObjectClass.RP_3G1, 0, new PoolAttributes(2, 16, 0)));
  }
}
