package io.daos.server.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SystemPropertiesTest {
  private final SystemProperties props = new SystemProperties("daos_server", "2.9.100");

  record SetCase(String name, Map<String, String> toSet, Map<String, String> attrs, String error) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<SetCase> setCases() {
    return Stream.of(
        new SetCase("unknown key", Map.of("bad", "x"), null, "unknown property \"bad\""),
        new SetCase("computed key", Map.of("daos_system", "x"), null, "computed property values may not be set"),
        new SetCase("invalid choice", Map.of("pool_scrub_mode", "fast"), null, "invalid value \"fast\""),
        new SetCase("non-numeric threshold", Map.of("pool_scrub_thresh", "ten"), null, "invalid value \"ten\""),
        new SetCase("valid self_heal subset", Map.of("self_heal", "exclude;pool_rebuild"),
            Map.of("prop.self_heal", "exclude;pool_rebuild"), null),
        new SetCase("self_heal none", Map.of("self_heal", "none"), Map.of("prop.self_heal", "none"), null),
        new SetCase("threshold percent", Map.of("pool_scrub_thresh", "10%"), Map.of("prop.pool_scrub_thresh", "10"),
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setCases")
  void toAttributes(SetCase c) {
    if (c.error() != null) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> props.toAttributes(c.toSet()));
      assertTrue(e.getMessage().contains(c.error()), e.getMessage());
      return;
    }
    assertEquals(c.attrs(), props.toAttributes(c.toSet()));
  }

  @Test
  void valuesFillDefaultsAndComputedValues() {
    Map<String, String> all = props.values(Map.of("prop.pool_scrub_mode", "lazy", "user", "x"), List.of());
    assertEquals(Map.of("daos_system", "daos_server", "daos_version", "2.9.100", "pool_scrub_mode", "lazy",
        "pool_scrub_thresh", "0", "self_heal", "exclude;pool_exclude;pool_rebuild"), all);
    assertEquals(Map.of("self_heal", "none"), props.values(Map.of("prop.self_heal", "none"), List.of("self_heal")));
    assertThrows(IllegalArgumentException.class, () -> props.values(Map.of(), List.of("nope")));
  }

  @Test
  void selfHealChoicesAreEverySubsetInDaosOrderThenNone() {
    assertEquals(List.of("exclude;pool_exclude;pool_rebuild", "exclude;pool_exclude", "exclude;pool_rebuild",
        "exclude", "pool_exclude;pool_rebuild", "pool_exclude", "pool_rebuild", "none"),
        SystemProperties.selfHealChoices());
  }

  @Test
  void reservedKeys() {
    assertTrue(SystemProperties.isReservedKey("prop.self_heal"));
    assertTrue(SystemProperties.isReservedKey("mgmt.x"));
    assertTrue(!SystemProperties.isReservedKey("user.key"));
  }
}
