package io.daos.common.build;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mirrors DAOS's TestBuild_CheckCompatibility and TestBuild_NewVersionedComponent (build/interop_test.go). */
class InteropTest {
  record Case(String name, VersionedComponent a, VersionedComponent b, InteropRule custom, String expErr) {
    @Override
    public String toString() {
      return name;
    }
  }

  static VersionedComponent vc(String comp, String ver) {
    return VersionedComponent.parse(comp, ver);
  }

  static Case c(String name, VersionedComponent a, VersionedComponent b, String err) {
    return new Case(name, a, b, null, err);
  }

  static Stream<Case> cases() {
    String incompat = "incompatible components";
    return Stream.of(
        c("server/server not patch compatible", vc("server", "1.0.0"), vc("server", "1.1.0"), incompat),
        c("server/server patch compatible", vc("server", "1.0.0"), vc("server", "1.0.1"), null),
        c("2.0 not backwards compatible", vc("", "2.0.0"), vc("", "1.2.0"), incompat),
        c("2.4 server compatible with 2.2 agent", vc("server", "2.4.0"), vc("agent", "2.2.0"), null),
        c("2.4 agent compatible with 2.2 server", vc("server", "2.2.0"), vc("agent", "2.3.100"), null),
        c("2.6 server not compatible with 2.2 agent", vc("server", "2.6.0"), vc("agent", "2.2.0"), incompat),
        c("2.6 agent not compatible with 2.2 server", vc("server", "2.2.0"), vc("agent", "2.6.0"), incompat),
        c("3.4 server not compatible with 2.2 agent", vc("server", "3.4.0"), vc("agent", "2.2.0"), incompat),
        c("nil a", null, vc("server", "2.0.0"), "nil components"),
        c("nil b", vc("server", "2.0.0"), null, "nil components"),
        c("general: client/server major delta too large", vc("admin", "1.0.0"), vc("server", "2.0.0"), incompat),
        c("general: server/agent minor delta too large", vc("server", "1.0.0"), vc("agent", "1.3.0"), incompat),
        new Case("custom: specific version not backwards compatible", vc("server", "1.1.1"), vc("agent", "1.1.0"),
            InteropRule.forAll("", (s, o) -> s.version().equals(new Version(1, 1, 1))
                && !o.version().lessThan(s.version())), incompat),
        new Case("custom: except specific component versions from standard interop rules",
            vc("server", "1.1.1"), vc("agent", "2.0.0"),
            new InteropRule(Component.SERVER, Component.AGENT, "", true,
                (s, o) -> s.version().equals(new Version(1, 1, 1)) && o.version().equals(new Version(2, 0, 0)), null),
            null),
        new Case("custom matcher: narrowly-scoped rule (non-match)", vc("server", "2.0.0"), vc("agent", "2.0.0"),
            new InteropRule(Component.SERVER, Component.AGENT, "custom matcher", false, (s, o) -> false,
                (s, o) -> false), null),
        new Case("custom matcher: narrowly-scoped rule (match)", vc("server", "2.0.0"), vc("agent", "2.0.1"),
            new InteropRule(Component.SERVER, Component.AGENT, "custom matcher", false, (s, o) -> false,
                (s, o) -> true), "custom matcher"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void checkCompatibility(Case tc) {
    InteropRule[] custom = tc.custom() == null ? new InteropRule[0] : new InteropRule[] {tc.custom()};
    if (tc.expErr() == null) {
      assertDoesNotThrow(() -> Interop.checkCompatibility(tc.a(), tc.b(), custom));
      return;
    }
    RuntimeException e = assertThrows(RuntimeException.class, () -> Interop.checkCompatibility(tc.a(), tc.b(), custom));
    assertTrue(e.getMessage().contains(tc.expErr()), e.getMessage());
  }

  @Test
  void errorNamesRuleAndComponents() {
    IncompatibleComponentsException e = assertThrows(IncompatibleComponentsException.class,
        () -> Interop.checkCompatibility(vc("server", "2.6.0"), vc("agent", "2.2.0")));
    assertEquals("server and agent must be within 2 minor versions: incompatible components: server:2.6.0, agent:2.2.0",
        e.getMessage());
  }

  record NewCase(String name, String component, String version, String expErr) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<NewCase> newCases() {
    return Stream.of(
        new NewCase("bad component", "no way josé", "1.0.0", "invalid component"),
        new NewCase("bad version", "server", "", "invalid version"),
        new NewCase("any component", "", "1.0.0", null),
        new NewCase("valid component/version", "server", "1.2.3", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("newCases")
  void newVersionedComponent(NewCase tc) {
    if (tc.expErr() == null) {
      VersionedComponent v = VersionedComponent.parse(tc.component(), tc.version());
      assertEquals(tc.component() + ":" + tc.version(), v.toString());
      return;
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VersionedComponent.parse(tc.component(), tc.version()));
    assertTrue(e.getMessage().contains(tc.expErr()), e.getMessage());
  }
}
