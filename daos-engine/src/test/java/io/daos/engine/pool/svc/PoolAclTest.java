package io.daos.engine.pool.svc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Entry validation as DAOS's daos_ace_from_str + daos_ace_is_valid, and delete-acl principal forms. */
class PoolAclTest {
  static Stream<Arguments> aces() {
    return Stream.of(
        Arguments.of("owner", "A::OWNER@:rw", true),
        Arguments.of("owner group needs G", "A:G:GROUP@:rw", true),
        Arguments.of("owner group without G", "A::GROUP@:rw", false),
        Arguments.of("owner with G", "A:G:OWNER@:rw", false),
        Arguments.of("everyone with G", "A:G:EVERYONE@:r", false),
        Arguments.of("named user with domain", "A::bob@example.com:rwcdtTaAo", true),
        Arguments.of("named group", "A:G:devs@:r", true),
        Arguments.of("no name before @", "A::@:r", false),
        Arguments.of("two @", "A::bob@a@b:r", false),
        Arguments.of("no @", "A::bob:r", false),
        Arguments.of("audit with success flag", "U:GS:GROUP@:r", true),
        Arguments.of("audit without S or F", "U:G:GROUP@:r", false),
        Arguments.of("allow with audit flag", "A:F:bob@:r", false),
        Arguments.of("allow and alarm", "AL:SF:bob@:rw", true),
        Arguments.of("unknown access type", "X::bob@:r", false),
        Arguments.of("no access type", "::bob@:r", false),
        Arguments.of("unknown flag", "A:Q:bob@:r", false),
        Arguments.of("unknown perm", "A::bob@:rx", false),
        Arguments.of("no perms", "A::bob@:", true),
        Arguments.of("too long principal", "A::" + "u".repeat(255) + "@:r", false),
        Arguments.of("three fields", "A::bob@", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("aces")
  void aceValidity(String name, String ace, boolean valid) {
    if (valid) {
      assertEquals(List.of(ace), PoolAcl.of(List.of(ace)).aces());
      return;
    }
    DaosException e = assertThrows(DaosException.class, () -> PoolAcl.of(List.of(ace)));
    assertEquals(DaosStatus.INVAL, e.status());
  }

  static Stream<Arguments> principals() {
    return Stream.of(
        Arguments.of("OWNER@", "OWNER@"), Arguments.of("GROUP@", "G:GROUP@"), Arguments.of("EVERYONE@", "EVERYONE@"),
        Arguments.of("u:bob@", "bob@"), Arguments.of("g:devs@site", "G:devs@site"), Arguments.of("bob@", null),
        Arguments.of("u:bob", null), Arguments.of("g:@", null), Arguments.of("", null));
  }

  @ParameterizedTest(name = "principal \"{0}\"")
  @MethodSource("principals")
  void deletePrincipal(String principal, String key) {
    if (key == null) {
      assertEquals(DaosStatus.INVAL, assertThrows(DaosException.class, () -> PoolAcl.principalFromDaos(principal))
          .status());
      return;
    }
    assertEquals(key, PoolAcl.principalFromDaos(principal));
  }
}
