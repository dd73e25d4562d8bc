package io.daos.common.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DAOS acl_util_tests.c / acl_api_tests.c / acl_principal_tests.c cases for the short ACE form and the ACL. */
class AclTest {
  private static DaosStatus status(Runnable r) {
    return assertThrows(DaosException.class, r::run).status();
  }

  /** The invalid entries of DAOS's ftest cont_update_acl.yaml and acl_util_tests.c's malformed strings. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"@$%656672!7", "987654321", "B::OWNER@:dtTaAo", "A::OWNER@:NOTPERMISSIONS",
      "A::OWNER:dtTaAo", "A:G:GROUP:dtTaAo", "A::GROUP@:r", "A:G:OWNER@:r", "A:G:EVERYONE@:r", "L::OWNER@:r",
      "A:S:OWNER@:r", "::OWNER@:r", "A::@domain:r", "A::a@b@c:r", "A::OWNER@:r:extra"})
  void ace_from_str_invalid(String s) {
    assertEquals(DaosStatus.INVAL, status(() -> Ace.parse(s)));
  }

  @Test
  void ace_from_str_canonical() {
    assertEquals("A::OWNER@:rwcdtTaAo", Ace.parse("A::OWNER@:oAaTtdcwr").toString());
    assertEquals("ALU:GSF:devs@:r", Ace.parse("LUA:FSG:devs@:r").toString());
    assertEquals("A::EVERYONE@:", Ace.parse("A::EVERYONE@:").toString(), "no permissions is valid");
    assertEquals(AclPrincipal.Type.GROUP, Ace.parse("A:G:devs@:r").principalType());
  }

  @Test
  void acl_sorted_by_principal_type() {
    Acl acl = Acl.of(List.of("A::EVERYONE@:r", "A:G:devs@:r", "A:G:GROUP@:rw", "A::bob@:rw", "A::OWNER@:rw"));
    assertEquals(List.of("A::OWNER@:rw", "A::bob@:rw", "A:G:GROUP@:rw", "A:G:devs@:r", "A::EVERYONE@:r"),
        acl.strings());
    Acl merged = acl.merge(Acl.of(List.of("A::carol@:r", "A::bob@:r")));
    assertEquals(List.of("A::OWNER@:rw", "A::bob@:r", "A::carol@:r", "A:G:GROUP@:rw", "A:G:devs@:r",
        "A::EVERYONE@:r"), merged.strings(), "replaced in place, new users after the users");
  }

  @Test
  void acl_duplicate_principal() {
    assertEquals(DaosStatus.INVAL, status(() -> Acl.of(List.of("A::bob@:r", "A::bob@:rw"))));
    Acl.of(List.of("A::bob@:r", "A:G:bob@:rw")); // a user and a group may share a name
  }

  @Test
  void acl_remove_ace() {
    Acl acl = Acl.of(List.of("A::OWNER@:rw", "A::bob@:rw", "A:G:bob@:r"));
    assertEquals(List.of("A::OWNER@:rw", "A::bob@:rw"), acl.without(AclPrincipal.parse("g:bob@")).strings());
    assertEquals(List.of("A::OWNER@:rw", "A:G:bob@:r"), acl.without(AclPrincipal.parse("u:bob@")).strings());
    assertEquals(DaosStatus.NONEXIST, status(() -> acl.without(AclPrincipal.parse("EVERYONE@"))));
  }

  /** The invalid principals of DAOS's ftest cont_delete_acl.yaml and acl_principal_tests.c. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"123456789", "NoT_vAliD", "1ab2@3c4$%(", "bob@", "u:", "u:bob", "g:@x", "u:a@b@c",
      "owner@", "G:devs@"})
  void acl_principal_from_str_invalid(String s) {
    assertEquals(DaosStatus.INVAL, status(() -> AclPrincipal.parse(s)));
  }

  /** DAOS_ACL_MAX_ACE_LEN: 64 KiB of entries, each 32 bytes plus a named principal padded to 8 with its NUL. */
  @Test
  void acl_max_ace_len() {
    assertEquals(32, Ace.parse("A::OWNER@:rw").encodedSize());
    assertEquals(32 + 8, Ace.parse("A::user1@:r").encodedSize(), "7 characters and the NUL take 8");
    assertEquals(32 + 16, Ace.parse("A::user123@:r").encodedSize());
    List<String> aces = new ArrayList<>();
    for (int i = 0; i < 65536 / 48; i++) {
      aces.add(String.format("A::user%05d@:r", i));
    }
    assertEquals(65536 / 48 * 48, AclLimits.encodedSize(Acl.of(aces).aces()));
    aces.add("A::EVERYONE@:r");
    aces.add("A::one_more@:r");
    DaosException e = assertThrows(DaosException.class, () -> Acl.of(aces));
    assertEquals(DaosStatus.INVAL, e.status());
    assertTrue(e.getMessage().contains("65536"), e.getMessage());
  }
}
