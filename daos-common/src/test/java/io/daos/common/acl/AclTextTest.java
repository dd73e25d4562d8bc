package io.daos.common.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DAOS TestControl_FormatACL and TestControl_GetVerboseACE. */
class AclTextTest {
  static Stream<Arguments> formatCases() {
    return Stream.of(
        Arguments.of("nil", null, "", "", false, "# Entries:\n#   None\n"),
        Arguments.of("empty", List.of(), "", "", false, "# Entries:\n#   None\n"),
        Arguments.of("empty verbose", List.of(), "", "", true, "# Entries:\n#   None\n"),
        Arguments.of("single", List.of("A::user@:rw"), "", "", false, "# Entries:\nA::user@:rw\n"),
        Arguments.of("single verbose", List.of("A::user@:rw"), "", "", true,
            "# Entries:\n# Allow::user@:Read/Write\nA::user@:rw\n"),
        Arguments.of("multiple", List.of("A::OWNER@:rw", "A:G:GROUP@:rw", "A:G:readers@:r"), "", "", false,
            "# Entries:\nA::OWNER@:rw\nA:G:GROUP@:rw\nA:G:readers@:r\n"),
        Arguments.of("multiple verbose", List.of("A::OWNER@:rwcdtTaAo", "A:G:GROUP@:rw", "A:G:readers@:r"), "", "",
            true, "# Entries:\n"
                + "# Allow::Owner:Read/Write/Create-Cont/Destroy-Cont/Get-Prop/Set-Prop/Get-ACL/Set-ACL/Set-Owner\n"
                + "A::OWNER@:rwcdtTaAo\n# Allow:Group:Owner-Group:Read/Write\nA:G:GROUP@:rw\n"
                + "# Allow:Group:readers@:Read\nA:G:readers@:r\n"),
        Arguments.of("with owner user", List.of("A::OWNER@:rw"), "bob@", "", false,
            "# Owner: bob@\n# Entries:\nA::OWNER@:rw\n"),
        Arguments.of("with owner group", List.of("A:G:GROUP@:rw"), "", "admins@", false,
            "# Owner Group: admins@\n# Entries:\nA:G:GROUP@:rw\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formatCases")
  void formatAcl(String name, List<String> entries, String owner, String group, boolean verbose, String want) {
    assertEquals(want, AclText.format(entries, owner, group, verbose));
  }

  static Stream<Arguments> verboseCases() {
    return Stream.of(
        Arguments.of("empty", "", ""),
        Arguments.of("owner", "A::OWNER@:r", "Allow::Owner:Read"),
        Arguments.of("named user", "A::friendlyuser@:r", "Allow::friendlyuser@:Read"),
        Arguments.of("owner group", "A:G:GROUP@:r", "Allow:Group:Owner-Group:Read"),
        Arguments.of("named group", "A:G:mynicegroup@:r", "Allow:Group:mynicegroup@:Read"),
        Arguments.of("everyone", "A::EVERYONE@:r", "Allow::Everyone:Read"),
        Arguments.of("no identity", "A:::r", "Allow::None:Read"),
        Arguments.of("write perms", "A::friendlyuser@:w", "Allow::friendlyuser@:Write"),
        Arguments.of("read-write perms", "A::friendlyuser@:rw", "Allow::friendlyuser@:Read/Write"),
        Arguments.of("same order as short perms", "A::friendlyuser@:wr", "Allow::friendlyuser@:Write/Read"),
        Arguments.of("no perms", "A::friendlyuser@:", "Allow::friendlyuser@:None"),
        Arguments.of("unrecognized perms", "A::friendlyuser@:rvwx",
            "Allow::friendlyuser@:Read/Unknown/Write/Unknown"),
        Arguments.of("unrecognized flags", "A:CGI:someone@:rw", "Allow:Unknown/Group/Unknown:someone@:Read/Write"),
        Arguments.of("unrecognized access type", "XA:G:someone@:rw", "Unknown/Allow:Group:someone@:Read/Write"),
        Arguments.of("no access type", ":G:someone@:rw", "None:Group:someone@:Read/Write"),
        Arguments.of("not an ACE", "the quick brown fox jumped over the lazy dog", "invalid ACE"),
        Arguments.of("not all fields", "A::friendlyuser@", "invalid ACE"),
        Arguments.of("too many fields", "A::friendlyuser@:rw:xyz", "invalid ACE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("verboseCases")
  void getVerboseAce(String name, String ace, String want) {
    assertEquals(want, AclText.verbose(ace));
  }
}
