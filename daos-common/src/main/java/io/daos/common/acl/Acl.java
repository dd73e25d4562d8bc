package io.daos.common.acl;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An access control list as DAOS keeps one ({@code struct daos_acl}): at most one entry per principal, entries
 * ordered by principal type (owner, named users, owner group, named groups, everyone) and, within a type, in the
 * order they were added; at most {@link AclLimits#MAX_ACE_LEN} bytes of entries. Immutable.
 */
public final class Acl {
  private static final Comparator<Ace> BY_TYPE = Comparator.comparing(Ace::principalType);
  private final List<Ace> aces;

  private Acl(List<Ace> aces) {
    List<Ace> sorted = new ArrayList<>(aces);
    sorted.sort(BY_TYPE);
    AclLimits.check(sorted);
    this.aces = List.copyOf(sorted);
  }

  public static Acl empty() {
    return new Acl(List.of());
  }

  /**
   * {@code daos_acl_from_strs}: the ACL of these ACE strings (surrounding blanks ignored); DER_INVAL for a malformed
   * entry, a principal named twice or a list over the size limit.
   */
  public static Acl of(List<String> strings) {
    List<Ace> list = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String s : strings) {
      Ace a = Ace.parse(s.strip());
      if (!seen.add(a.key())) {
        throw new DaosException(DaosStatus.INVAL, "the ACL names principal " + a.principal() + " twice");
      }
      list.add(a);
    }
    return new Acl(list);
  }

  public List<Ace> aces() {
    return aces;
  }

  /** The entries in DAOS's short text form, in ACL order ({@code daos_acl_to_strs}). */
  public List<String> strings() {
    return aces.stream().map(Ace::toString).toList();
  }

  /** The entry held under {@code key} ({@link Ace#key()}), if any. */
  public Optional<Ace> get(String key) {
    return aces.stream().filter(a -> a.key().equals(key)).findFirst();
  }

  /**
   * {@code daos_acl_add_ace} for each entry of {@code update}: an entry for a principal already here replaces it
   * in place; a new one goes after the entries of its type.
   */
  public Acl merge(Acl update) {
    List<Ace> m = new ArrayList<>(aces);
    for (Ace u : update.aces) {
      int i = indexOf(m, u.key());
      if (i >= 0) {
        m.set(i, u);
      } else {
        m.add(u);
      }
    }
    return new Acl(m);
  }

  /** {@code daos_acl_remove_ace}: this ACL without {@code p}'s entry; DER_NONEXIST when it has none. */
  public Acl without(AclPrincipal p) {
    List<Ace> m = new ArrayList<>(aces);
    int i = indexOf(m, p.key());
    if (i < 0) {
      throw new DaosException(DaosStatus.NONEXIST, "the ACL has no entry for " + p);
    }
    m.remove(i);
    return new Acl(m);
  }

  private static int indexOf(List<Ace> list, String key) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Acl other && aces.equals(other.aces);
  }

  @Override
  public int hashCode() {
    return aces.hashCode();
  }

  @Override
  public String toString() {
    return String.join(", ", strings());
  }
}
