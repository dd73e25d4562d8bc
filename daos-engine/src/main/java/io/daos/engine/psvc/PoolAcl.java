package io.daos.engine.psvc;

import io.daos.common.DaosException;
import io.daos.common.DaosStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A pool ACL: access control entries in DAOS's short form ({@code TYPE:FLAGS:PRINCIPAL:PERMS}, e.g.
 * {@code A::OWNER@:rw}, {@code A:G:GROUP@:rw}, {@code A::EVERYONE@:r}), at most one per principal. Stored as the
 * ACL property (DAOS_PROP_PO_ACL) with the entries UTF-8, one per line. Permissions are evaluated as DAOS's
 * {@code get_acl_permissions}: owner entry, then a named user, then the union of matching groups, then everyone.
 */
public record PoolAcl(List<String> aces) {
  /** DAOS's default pool ACL (owner and owner group read-write). */
  public static final PoolAcl DEFAULT = new PoolAcl(List.of("A::OWNER@:rw", "A:G:GROUP@:rw"));

  static final long PERM_READ = 1L;
  static final long PERM_WRITE = 1L << 1;
  static final long PERM_CREATE_CONT = 1L << 2;
  static final long PERM_DEL_CONT = 1L << 3;
  static final long PERM_GET_PROP = 1L << 4;
  private static final String PERM_CHARS = "rwcdtTaAo";

  public PoolAcl {
    Map<String, String> byPrincipal = new LinkedHashMap<>();
    for (String ace : aces) {
      byPrincipal.put(principalKey(ace), ace);
    }
    aces = List.copyOf(byPrincipal.values());
  }

  /** Parses and checks the entries; DER_INVAL names the bad one. */
  public static PoolAcl of(List<String> aces) {
    aces.forEach(PoolAcl::principalKey);
    return new PoolAcl(aces);
  }

  static PoolAcl decode(byte[] raw) {
    String s = new String(raw, StandardCharsets.UTF_8);
    return s.isEmpty() ? new PoolAcl(List.of()) : new PoolAcl(List.of(s.split("\n")));
  }

  byte[] encode() {
    return String.join("\n", aces).getBytes(StandardCharsets.UTF_8);
  }

  /** Adds or replaces the entries of the principals of {@code update}. */
  PoolAcl merge(PoolAcl update) {
    List<String> all = new ArrayList<>(aces);
    all.addAll(update.aces);
    return new PoolAcl(all);
  }

  /** Removes the entry of {@code principal} ("OWNER@", "user@", "G:group@", "GROUP@"); DER_NONEXIST if none. */
  PoolAcl remove(String principal) {
    String key = principal.startsWith("G:") || principal.equals("GROUP@") ? groupKey(principal) : principal;
    List<String> kept = aces.stream().filter(a -> !principalKey(a).equals(key)).toList();
    if (kept.size() == aces.size()) {
      throw new DaosException(DaosStatus.NONEXIST, "the pool ACL has no entry for " + principal);
    }
    return new PoolAcl(kept);
  }

  /** The permission bits {@code who} has, given the pool's owner and owner group ("name@"). */
  long permissions(Identity who, String owner, String ownerGroup) {
    if (who.user().equals(owner)) {
      OptionalLong p = allow("OWNER@");
      if (p.isPresent()) {
        return p.getAsLong();
      }
    }
    OptionalLong user = allow(who.user());
    if (user.isPresent()) {
      return user.getAsLong();
    }
    long groups = 0;
    boolean matched = false;
    for (String ace : aces) {
      String[] f = ace.split(":", -1);
      boolean group = f[1].contains("G");
      if (!f[0].contains("A") || !group) {
        continue;
      }
      boolean match = f[2].equals("GROUP@") ? who.inGroup(ownerGroup) : who.inGroup(f[2]);
      if (match) {
        groups |= perms(f[3]);
        matched = true;
      }
    }
    if (matched) {
      return groups;
    }
    return allow("EVERYONE@").orElse(0);
  }

  private OptionalLong allow(String principal) {
    for (String ace : aces) {
      String[] f = ace.split(":", -1);
      if (f[0].contains("A") && !f[1].contains("G") && f[2].equals(principal)) {
        return OptionalLong.of(perms(f[3]));
      }
    }
    return OptionalLong.empty();
  }

  private static long perms(String s) {
    long p = 0;
    for (char c : s.toCharArray()) {
      p |= 1L << PERM_CHARS.indexOf(c);
    }
    return p;
  }

  private static String principalKey(String ace) {
    String[] f = ace == null ? new String[0] : ace.split(":", -1);
    if (f.length != 4 || f[0].isEmpty() || !f[0].matches("[ALU]+") || !f[1].matches("[GPSF]*")
        || f[2].isEmpty() || !f[3].chars().allMatch(c -> PERM_CHARS.indexOf(c) >= 0)
        || !f[2].endsWith("@") || f[2].contains("\n")) {
      throw new DaosException(DaosStatus.INVAL, "invalid ACE \"" + ace + "\"; use TYPE:FLAGS:PRINCIPAL:PERMS, "
          + "e.g. A::OWNER@:rw or A:G:GROUP@:r");
    }
    return f[1].contains("G") ? "G:" + f[2] : f[2];
  }

  private static String groupKey(String principal) {
    return principal.startsWith("G:") ? principal : "G:" + principal;
  }
}
