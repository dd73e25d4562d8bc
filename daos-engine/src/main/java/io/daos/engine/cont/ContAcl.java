package io.daos.engine.cont;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container ACL: at most one entry per principal, in order. Stored in the {@code CO_ACL} property as the ACE
 * strings joined by newlines (UTF-8). Permissions are resolved as DAOS's {@code get_acl_permissions}: the owner's
 * entry, else the user's named entry, else the union of the user's groups' entries (owner group included), else
 * EVERYONE@, else nothing.
 */
public final class ContAcl {
  private final Map<String, ContAce> aces;

  private ContAcl(Map<String, ContAce> aces) {
    this.aces = aces;
  }

  /** DAOS's default container ACL: owner full control, owner group read/write/get-prop/set-prop. */
  public static ContAcl defaults() {
    return of(List.of("A::OWNER@:rwdtTaAo", "A:G:GROUP@:rwtT"));
  }

  /** An ACL of these ACE strings; DER_INVAL for a malformed one or a principal given twice. */
  public static ContAcl of(List<String> strings) {
    Map<String, ContAce> m = new LinkedHashMap<>();
    for (String s : strings) {
      ContAce a = ContAce.parse(s.strip());
      if (m.putIfAbsent(a.key(), a) != null) {
        throw new DaosException(DaosStatus.INVAL, "ACL names principal " + a.principal() + " twice");
      }
    }
    return new ContAcl(m);
  }

  public static ContAcl decode(byte[] raw) {
    String s = new String(raw, StandardCharsets.UTF_8);
    return s.isEmpty() ? new ContAcl(new LinkedHashMap<>()) : of(List.of(s.split("\n")));
  }

  public byte[] encode() {
    return String.join("\n", strings()).getBytes(StandardCharsets.UTF_8);
  }

  public List<String> strings() {
    return aces.values().stream().map(ContAce::toString).toList();
  }

  /** This ACL with {@code update}'s entries replacing or added to ours ({@code daos_cont_update_acl}). */
  public ContAcl merge(ContAcl update) {
    Map<String, ContAce> m = new LinkedHashMap<>(aces);
    m.putAll(update.aces);
    return new ContAcl(m);
  }

  /**
   * This ACL without the entry of {@code principal} ("OWNER@", "GROUP@", "EVERYONE@", "u:name@", "g:name@" or
   * "name@"); DER_NONEXIST when there is none.
   */
  public ContAcl without(String principal) {
    String key = principalKey(principal);
    if (!aces.containsKey(key)) {
      throw new DaosException(DaosStatus.NONEXIST, "the ACL has no entry for " + principal);
    }
    Map<String, ContAce> m = new LinkedHashMap<>(aces);
    m.remove(key);
    return new ContAcl(m);
  }

  static String principalKey(String p) {
    if (p.startsWith("u:")) {
      return p.substring(2);
    }
    if (p.startsWith("g:") || p.startsWith("G:")) {
      return "g:" + p.substring(2);
    }
    return p;
  }

  /** Permission bits ({@code DAOS_ACL_PERM_*}) for {@code id} on a container owned by {@code owner}. */
  public long permsFor(Identity id, String owner, String ownerGroup) {
    if (id.user().equals(owner) && aces.containsKey(ContAce.OWNER)) {
      return allowed(ContAce.OWNER);
    }
    if (aces.containsKey(id.user())) {
      return allowed(id.user());
    }
    List<String> groupKeys = new ArrayList<>();
    if (id.groups().contains(ownerGroup)) {
      groupKeys.add(ContAce.OWNER_GROUP);
    }
    id.groups().forEach(g -> groupKeys.add("g:" + g));
    long perms = 0;
    boolean found = false;
    for (String k : groupKeys) {
      if (aces.containsKey(k)) {
        perms |= allowed(k);
        found = true;
      }
    }
    if (found) {
      return perms;
    }
    return aces.containsKey(ContAce.EVERYONE) ? allowed(ContAce.EVERYONE) : 0;
  }

  private long allowed(String key) {
    ContAce a = aces.get(key);
    return a.allows() ? a.perms() : 0;
  }
}
