package io.daos.control.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.build.Component;
import io.daos.common.build.Version;
import io.daos.common.build.VersionedComponent;
import io.daos.control.TestMessages;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mirrors DAOS's TestServer_checkVersion (server/interceptors_test.go). */
class VersionCheckTest {
  record Case(String name, String self, String otherVersion, String cert, String hdrComp, String hdrVer,
      boolean nonSysMsg, String expErr) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case insecureHdr(String name, String self, String comp, String ver, String err) {
    return new Case(name, self, null, null, comp, ver, true, err);
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("unknown self version", "0.0.0", null, null, null, null, false, "self server version"),
        new Case("older other component (no version)", "1.2.3", null, null, null, null, false, "not compatible"),
        new Case("secure pre-2.0.0 component with version somehow is still incompatible", "2.2.0", "1.0.0",
            "admin", null, null, false, "not compatible"),
        new Case("unknown secure component rejected", "2.4.0", "2.4.0", "3v1l", null, null, false, "not compatible"),
        new Case("insecure components not compatible", "2.4.0", "2.4.1", null, null, null, false,
            "not compatible in insecure mode"),
        new Case("secure versioned component", "2.4.0", "2.4.0", "agent", null, null, false, null),
        new Case("non-sys msg bypasses version checks in secure mode", "2.4.0", null, "agent", null, null, true, null),
        insecureHdr("insecure prelease agent with 2.4.0 server", "2.4.0", "agent", "2.3.108", null),
        insecureHdr("insecure 2.4.1 agent with 2.4.0 server", "2.4.0", "agent", "2.4.1", null),
        insecureHdr("insecure 2.4.0 agent with 2.4.1 server", "2.4.1", "agent", "2.4.0", null),
        insecureHdr("insecure 2.6.0 agent with 2.4.1 server", "2.4.1", "agent", "2.6.0", null),
        insecureHdr("insecure 2.4.1 dmg with 2.4.0 server", "2.4.0", "admin", "2.4.1", null),
        insecureHdr("insecure 2.6.0 dmg with 2.4.0 server", "2.4.0", "admin", "2.6.0", "not compatible"),
        insecureHdr("insecure 2.4.0 server with 2.4.1 server", "2.4.1", "server", "2.4.0", null),
        insecureHdr("insecure 2.6.0 server with 2.4.1 server", "2.4.1", "server", "2.6.0", "not compatible"),
        insecureHdr("invalid component", "2.4.1", "banana", "2.6.0", "invalid component"),
        new Case("header/certificate component mismatch", "2.4.0", null, "agent", "server", "2.6.0", true,
            "component mismatch"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void checkVersion(Case tc) {
    VersionedComponent self = new VersionedComponent(Component.SERVER, Version.parse(tc.self()));
    Object req = tc.nonSysMsg() ? TestMessages.plain("x")
        : TestMessages.req("daos_server" + (tc.otherVersion() == null ? "" : "-" + tc.otherVersion()), "x");
    Optional<String> cert = Optional.ofNullable(tc.cert());
    if (tc.expErr() == null) {
      assertDoesNotThrow(() -> VersionCheck.check(self, cert, tc.hdrComp(), tc.hdrVer(), req));
      return;
    }
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> VersionCheck.check(self, cert, tc.hdrComp(), tc.hdrVer(), req));
    assertTrue(e.getMessage().contains(tc.expErr()), e.getMessage());
  }
}
