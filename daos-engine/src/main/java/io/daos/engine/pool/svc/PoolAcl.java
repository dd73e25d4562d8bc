package io.daos.engine.pool.svc;

import io.daos.common.acl.Ace;
import io.daos.common.acl.AclLimits;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
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
  private static final int MAX_PRINCIPAL_LEN = 255;

  public PoolAcl {
    Map<String, String> byPrincipal = new LinkedHashMap<>();
    for (String ace : aces) {
      byPrincipal.put(keyOf(ace), ace);
    }
    aces = List.copyOf(byPrincipal.values());
  }

  /** Parses and checks the entries; DER_INVAL names the bad one. */
  public static PoolAcl of(List<String> aces) {
    aces.forEach(PoolAcl::principalKey);
    return new PoolAcl(aces).checkSize();
  }

  /** DER_INVAL when the entries take more than DAOS_ACL_MAX_ACE_LEN (64 KiB) in DAOS's binary form. */
  private PoolAcl checkSize() {
    AclLimits.check(aces.stream().map(Ace::parse).toList());
    return this;
  }

  public static PoolAcl decode(byte[] raw) {
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
    return new PoolAcl(all).checkSize();
  }

  /** Removes the entry of {@code principal} ("OWNER@", "user@", "G:group@", "GROUP@"); DER_NONEXIST if none. */
  PoolAcl remove(String principal) {
    String key = principal.startsWith("G:") || principal.equals("GROUP@") ? groupKey(principal) : principal;
    List<String> kept = aces.stream().filter(a -> !keyOf(a).equals(key)).toList();
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
    if (f.length != 4 || !validAce(f[0], f[1], f[2], f[3])) {
      throw new DaosException(DaosStatus.INVAL, "invalid ACE \"" + ace + "\"; use TYPE:FLAGS:PRINCIPAL:PERMS, "
          + "e.g. A::OWNER@:rw or A:G:GROUP@:r");
    }
    return f[1].contains("G") ? "G:" + f[2] : f[2];
  }

  /** The principal key of a stored entry, without validation ("G:" for group entries). */
  private static String keyOf(String ace) {
    String[] f = ace.split(":", -1);
    if (f.length < 3) {
      return ace;
    }
    return f[1].contains("G") ? "G:" + f[2] : f[2];
  }

  /**
   * DAOS's {@code daos_ace_is_valid} on the text form: access types among A/U/L, flags among G/P/S/F, the group
   * flag exactly on group principals (GROUP@ needs it, OWNER@ and EVERYONE@ refuse it), audit/alarm types exactly
   * when S or F is set, a principal "name@[domain]" of at most 255 characters, known permission letters.
   */
  private static boolean validAce(String types, String flags, String who, String perms) {
    if (!types.matches("[ALU]+") || !flags.matches("[GPSF]*") || !perms.chars().allMatch(c -> PERM_CHARS
        .indexOf(c) >= 0)) {
      return false;
    }
    boolean group = flags.contains("G");
    if (who.equals("OWNER@") || who.equals("EVERYONE@")) {
      if (group) {
        return false;
      }
    } else if (who.equals("GROUP@")) {
      if (!group) {
        return false;
      }
    } else if (!validName(who)) {
      return false;
    }
    boolean alert = types.contains("U") || types.contains("L");
    return alert == (flags.contains("S") || flags.contains("F"));
  }

  /** A named principal: "name@" or "name@domain", one '@', not first, at most 255 characters. */
  static boolean validName(String who) {
    int at = who.indexOf('@');
    return who.length() <= MAX_PRINCIPAL_LEN && at > 0 && who.indexOf('@', at + 1) < 0 && who.indexOf('\n') < 0;
  }

  /**
   * A principal as DAOS's delete-acl names it ({@code OWNER@}, {@code GROUP@}, {@code EVERYONE@},
   * {@code u:name@}, {@code g:name@}) in this ACL's key form; DER_INVAL for anything else.
   */
  public static String principalFromDaos(String principal) {
    String p = principal == null ? "" : principal;
    if (p.equals("OWNER@") || p.equals("EVERYONE@")) {
      return p;
    }
    if (p.equals("GROUP@")) {
      return "G:GROUP@";
    }
    if (p.startsWith("u:") && validName(p.substring(2))) {
      return p.substring(2);
    }
    if (p.startsWith("g:") && validName(p.substring(2))) {
      return "G:" + p.substring(2);
    }
    throw new DaosException(DaosStatus.INVAL, "invalid principal \"" + p + "\"; use OWNER@, GROUP@, EVERYONE@, "
        + "u:name@ or g:name@");
  }

  private static String groupKey(String principal) {
    return principal.startsWith("G:") ? principal : "G:" + principal;
  }
}
