package io.daos.engine.cont;

import io.daos.common.acl.Ace;
import io.daos.common.acl.Acl;
import io.daos.common.acl.AclPrincipal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A container ACL ({@link Acl}), stored in the {@code CO_ACL} property as the ACE strings joined by newlines
 * (UTF-8). Permissions are resolved as DAOS's {@code get_acl_permissions}: the owner's entry, else the user's named
 * entry, else the union of the user's groups' entries (owner group included), else EVERYONE@, else nothing.
 */
public final class ContAcl {
  private final Acl acl;

  private ContAcl(Acl acl) {
    this.acl = acl;
  }

  /** DAOS's default container ACL: owner full control, owner group read/write/get-prop/set-prop. */
  public static ContAcl defaults() {
    return of(List.of("A::OWNER@:rwdtTaAo", "A:G:GROUP@:rwtT"));
  }

  /** An ACL of these ACE strings; DER_INVAL for a malformed one, a principal given twice or over 64 KiB. */
  public static ContAcl of(List<String> strings) {
    return new ContAcl(Acl.of(strings));
  }

  public static ContAcl decode(byte[] raw) {
    String s = new String(raw, StandardCharsets.UTF_8);
    return s.isEmpty() ? new ContAcl(Acl.empty()) : of(List.of(s.split("\n")));
  }

  public byte[] encode() {
    return String.join("\n", strings()).getBytes(StandardCharsets.UTF_8);
  }

  public List<String> strings() {
    return acl.strings();
  }

  /** This ACL with {@code update}'s entries replacing or added to ours ({@code daos_cont_update_acl}). */
  public ContAcl merge(ContAcl update) {
    return new ContAcl(acl.merge(update.acl));
  }

  /**
   * This ACL without the entry of {@code principal} ("OWNER@", "GROUP@", "EVERYONE@", "u:name@" or "g:name@", as
   * {@code daos_acl_principal_from_str}); DER_INVAL for another form, DER_NONEXIST when there is no such entry.
   */
  public ContAcl without(String principal) {
    return new ContAcl(acl.without(AclPrincipal.parse(principal)));
  }

  /** Permission bits ({@code DAOS_ACL_PERM_*}) for {@code id} on a container owned by {@code owner}. */
  public long permsFor(Identity id, String owner, String ownerGroup) {
    if (id.user().equals(owner) && acl.get(Ace.OWNER).isPresent()) {
      return allowed(Ace.OWNER);
    }
    if (acl.get(id.user()).isPresent()) {
      return allowed(id.user());
    }
    List<String> groupKeys = new ArrayList<>();
    if (id.groups().contains(ownerGroup)) {
      groupKeys.add(Ace.OWNER_GROUP);
    }
    id.groups().forEach(g -> groupKeys.add("g:" + g));
    long perms = 0;
    boolean found = false;
    for (String k : groupKeys) {
      if (acl.get(k).isPresent()) {
        perms |= allowed(k);
        found = true;
      }
    }
    if (found) {
      return perms;
    }
    return allowed(Ace.EVERYONE);
  }

  private long allowed(String key) {
    Optional<Ace> a = acl.get(key);
    return a.isPresent() && a.get().allows() ? a.get().perms() : 0;
  }
}
