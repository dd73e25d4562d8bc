package io.daos.common.acl;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;

/**
 * An ACL principal as the ACL commands name one ({@code daos_acl_principal_from_str}): {@code OWNER@},
 * {@code GROUP@}, {@code EVERYONE@}, {@code u:name@[domain]} for a user or {@code g:name@[domain]} for a group.
 *
 * @param type the principal type
 * @param name the name ({@code name@[domain]}), or the special principal itself
 */
public record AclPrincipal(Type type, String name) {
  /** {@code enum daos_acl_principal_type}, in DAOS's order, which is also the order of entries in an ACL. */
  public enum Type {
    OWNER, USER, OWNER_GROUP, GROUP, EVERYONE;

    /** Whether entries of this type carry a name (named users and groups). */
    public boolean named() {
      return this == USER || this == GROUP;
    }
  }

  /** Parses a principal; DER_INVAL when it is none of the forms DAOS takes. */
  public static AclPrincipal parse(String s) {
    switch (s) {
      case Ace.OWNER:
        return new AclPrincipal(Type.OWNER, s);
      case Ace.OWNER_GROUP:
        return new AclPrincipal(Type.OWNER_GROUP, s);
      case Ace.EVERYONE:
        return new AclPrincipal(Type.EVERYONE, s);
      default:
        break;
    }
    Type t = s.startsWith("u:") ? Type.USER : s.startsWith("g:") ? Type.GROUP : null;
    if (t == null || !isValidName(s.substring(2))) {
      throw new DaosException(DaosStatus.INVAL, "invalid principal \"" + s + "\": use OWNER@, GROUP@, EVERYONE@, "
          + "u:name@[domain] or g:name@[domain]");
    }
    return new AclPrincipal(t, s.substring(2));
  }

  /**
   * {@code daos_acl_principal_is_valid}: 1 to {@value Ace#MAX_PRINCIPAL_LEN} characters, a name that does not start
   * with '@', one '@', and an optional domain after it (and, as jdaos stores ACLs as lines, no newline).
   */
  public static boolean isValidName(String name) {
    int at = name.indexOf('@');
    return !name.isEmpty() && name.length() <= Ace.MAX_PRINCIPAL_LEN && at > 0 && name.indexOf('@', at + 1) < 0
        && name.indexOf('\n') < 0;
  }

  /** The key an ACL holds this principal under: the special principal, {@code name@} or {@code g:name@}. */
  public String key() {
    return type == Type.GROUP ? "g:" + name : name;
  }

  /** The principal as the ACL commands take it ({@code u:}/{@code g:} prefixes on named ones). */
  @Override
  public String toString() {
    return type == Type.USER ? "u:" + name : key();
  }
}
