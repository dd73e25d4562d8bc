package io.daos.common.acl;

import java.util.List;
import java.util.Map;

/**
 * An ACL as dmg prints it (DAOS control.FormatACL): owner and owner group as comments, then the entries one per
 * line; with verbose, each entry is preceded by a comment spelling it out ("# Allow:Group:Owner-Group:Read").
 */
public final class AclText {
  private static final Map<Character, String> TYPES = Map.of('A', "Allow");
  private static final Map<Character, String> FLAGS = Map.of('G', "Group");
  private static final Map<String, String> SPECIAL = Map.of("OWNER@", "Owner", "GROUP@", "Owner-Group",
      "EVERYONE@", "Everyone");
  private static final Map<Character, String> PERMS = Map.of('r', "Read", 'w', "Write", 'c', "Create-Cont",
      'd', "Destroy-Cont", 't', "Get-Prop", 'T', "Set-Prop", 'a', "Get-ACL", 'A', "Set-ACL", 'o', "Set-Owner");

  private AclText() {
  }

  /** The ACL text; {@code entries} may be empty ("#   None"), owner and group empty (not printed). */
  public static String format(List<String> entries, String owner, String ownerGroup, boolean verbose) {
    StringBuilder b = new StringBuilder();
    if (owner != null && !owner.isEmpty()) {
      b.append("# Owner: ").append(owner).append('\n');
    }
    if (ownerGroup != null && !ownerGroup.isEmpty()) {
      b.append("# Owner Group: ").append(ownerGroup).append('\n');
    }
    b.append("# Entries:\n");
    if (entries == null || entries.isEmpty()) {
      return b.append("#   None\n").toString();
    }
    for (String ace : entries) {
      if (verbose) {
        b.append("# ").append(verbose(ace)).append('\n');
      }
      b.append(ace).append('\n');
    }
    return b.toString();
  }

  /** An entry spelled out ("A::OWNER@:rw" → "Allow::Owner:Read/Write"); "invalid ACE" if not 4 fields. */
  public static String verbose(String ace) {
    if (ace == null || ace.isEmpty()) {
      return "";
    }
    String[] f = ace.split(":", -1);
    if (f.length != 4) {
      return "invalid ACE";
    }
    String flags = f[1].isEmpty() ? "" : field(f[1], FLAGS);
    String who = f[2].isEmpty() ? "None" : SPECIAL.getOrDefault(f[2], f[2]);
    return field(f[0], TYPES) + ":" + flags + ":" + who + ":" + field(f[3], PERMS);
  }

  private static String field(String s, Map<Character, String> names) {
    if (s.isEmpty()) {
      return "None";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (i > 0) {
        b.append('/');
      }
      b.append(names.getOrDefault(s.charAt(i), "Unknown"));
    }
    return b.toString();
  }
}
