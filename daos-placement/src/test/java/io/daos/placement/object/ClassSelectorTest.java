package io.daos.placement.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClassSelectorTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("rf0 kv one group", 0, 4, 32, ObjectType.MULTI_HASHED, 0, Redundancy.RP_1, 1),
        Arguments.of("rf0 array max groups", 0, 4, 32, ObjectType.ARRAY_BYTE, 0, Redundancy.RP_1, 32),
        Arguments.of("rf0 ec hint", 0, 6, 48, ObjectType.MULTI_HASHED, OclassHints.RDD_EC, Redundancy.RS_4P1, 1),
        Arguments.of("rf1 kv replicated", 1, 4, 32, ObjectType.MULTI_HASHED, 0, Redundancy.RP_2, 1),
        Arguments.of("rf1 array ec 2p1", 1, 4, 32, ObjectType.ARRAY_BYTE, 0, Redundancy.RS_2P1, 7),
        Arguments.of("rf1 array two domains replicated", 1, 2, 16, ObjectType.ARRAY, 0, Redundancy.RP_2, 4),
        Arguments.of("rf1 array 18 domains 16p1", 1, 18, 144, ObjectType.ARRAY, 0, Redundancy.RS_16P1, 7),
        Arguments.of("rf2 array 8 domains 4p2", 2, 8, 64, ObjectType.ARRAY, 0, Redundancy.RS_4P2, 7),
        Arguments.of("rf2 flat kv replicated max", 2, 8, 64, ObjectType.KV_HASHED, 0, Redundancy.RP_3, 15),
        Arguments.of("rf3 array 9 domains replicated", 3, 9, 72, ObjectType.ARRAY, OclassHints.SHD_TINY,
            Redundancy.RP_4, 1),
        Arguments.of("rf4 replicated 5", 4, 8, 64, ObjectType.MULTI_HASHED, 0, Redundancy.RP_5, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void dcSetOclass(String name, int rf, int domains, int targets, ObjectType type, int hints, Redundancy ord,
                   int groups) {
    ClassSelector.Choice c = ClassSelector.select(new PoolAttributes(domains, targets, rf), type, hints);
    assertEquals(ord.number(), c.ordinal());
    assertEquals(groups, c.groups());
  }

  @Test
  void redundancyNeedsEnoughDomains() {
    assertThrows(IllegalArgumentException.class,
        () -> ClassSelector.select(new PoolAttributes(2, 16, 2), ObjectType.MULTI_HASHED, 0));
  }

  @Test
  void reserveGrowsWithDomainCount() {
    assertEquals(0, ClassSelector.reserveGroups(4, 32, 1, 0));
    assertEquals(8, ClassSelector.reserveGroups(4, 32, 1, 1));
    assertEquals(16, ClassSelector.reserveGroups(16, 128, 1, 1)); // rf + 1 domains of 8 targets
    assertEquals(3, ClassSelector.reserveGroups(4, 32, 3, 1));
  }
}
