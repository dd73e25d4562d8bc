package io.daos.placement.ec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The ISA-L tests' rule: where libisal loads they compare against it; where it does not they fail if
 * {@code JDAOS_REQUIRE_ISAL=1} (CI), else they check that the pure-Java codec is the one chosen.
 */
final class IsalPresence {
  private IsalPresence() {}

  /** True where ISA-L is loaded; false (after checking the fallback) where it is absent and not required. */
  static boolean present() {
    if (EcCodecs.isalLoaded()) {
      return true;
    }
    if ("1".equals(System.getenv("JDAOS_REQUIRE_ISAL"))) {
      fail("JDAOS_REQUIRE_ISAL=1 but ISA-L did not load: " + EcCodecs.isalError());
    }
    assertEquals("java", EcCodecs.get(4, 2).implementation(), "without ISA-L the pure-Java codec is chosen");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> EcCodecs.isal(4, 2));
    assertEquals("ISA-L is not available: " + EcCodecs.isalError(), e.getMessage());
    return false;
  }
}
