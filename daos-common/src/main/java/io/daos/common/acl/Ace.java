package io.daos.common.acl;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.nio.charset.StandardCharsets;

/**
 * One access-control entry in DAOS's short string form {@code TYPES:FLAGS:PRINCIPAL:PERMS}, e.g.
 * {@code A::OWNER@:rwdtTaAo} or {@code A:G:GROUP@:rwtT}, checked as DAOS's {@code daos_ace_from_str} and
 * {@code daos_ace_is_valid} check it. Types: A allow, L audit, U alarm; flags: G group, S access-success,
 * F access-fail, P pool-inherit; permission letters as {@link #PERM_LETTERS}. {@link #toString()} is DAOS's
 * canonical text ({@code daos_ace_to_str}): letters in DAOS's order.
 *
 * @param types access type letters, canonical order
 * @param flags flag letters, canonical order
 * @param principal {@code OWNER@}, {@code GROUP@}, {@code EVERYONE@} or {@code name@[domain]}
 * @param perms permission bits ({@code DAOS_ACL_PERM_*})
 */
public record Ace(String types, String flags, String principal, long perms) {
  /** Permission letters in bit order ({@code DAOS_ACL_PERM_READ} = bit 0 ... {@code SET_OWNER} = bit 8). */
  public static final String PERM_LETTERS = "rwcdtTaAo";
  public static final String OWNER = "OWNER@";
  public static final String OWNER_GROUP = "GROUP@";
  public static final String EVERYONE = "EVERYONE@";
  /** {@code DAOS_ACL_MAX_PRINCIPAL_LEN}. */
  public static final int MAX_PRINCIPAL_LEN = 255;
  /** {@code DAOS_ACL_MAX_ACE_STR_LEN}. */
  public static final int MAX_ACE_STR_LEN = MAX_PRINCIPAL_LEN + 64;
  private static final String TYPE_LETTERS = "ALU";
  private static final String FLAG_LETTERS = "GSFP";

  /** Parses an ACE; DER_INVAL saying what is wrong. */
  public static Ace parse(String s) {
    if (s.length() > MAX_ACE_STR_LEN) {
      throw invalid(s, "longer than " + MAX_ACE_STR_LEN + " characters");
    }
    String[] f = s.split(":", -1);
    if (f.length != 4) {
      throw invalid(s, "expected TYPES:FLAGS:PRINCIPAL:PERMS");
    }
    String types = letters(s, f[0], TYPE_LETTERS, "access type");
    String flags = letters(s, f[1], FLAG_LETTERS, "flag");
    if (types.isEmpty()) {
      throw invalid(s, "no access type (use A, L or U)");
    }
    if (!AclPrincipal.isValidName(f[2])) {
      throw invalid(s, "principal must be OWNER@, GROUP@, EVERYONE@ or name@[domain]");
    }
    Ace a = new Ace(types, flags, f[2], perms(s, f[3]));
    if (a.isGroup() != flags.contains("G")) {
      throw invalid(s, "GROUP@ and named groups, and only they, take the G flag");
    }
    boolean alert = types.contains("L") || types.contains("U");
    if (alert != (flags.contains("S") || flags.contains("F"))) {
      throw invalid(s, "audit (L) and alarm (U) entries, and only they, take the S or F flag");
    }
    return a;
  }

  private static String letters(String ace, String field, String allowed, String what) {
    StringBuilder out = new StringBuilder();
    for (char c : allowed.toCharArray()) {
      if (field.indexOf(c) >= 0) {
        out.append(c);
      }
    }
    for (char c : field.toCharArray()) {
      if (allowed.indexOf(c) < 0) {
        throw invalid(ace, "unknown " + what + " '" + c + "' (use letters of " + allowed + ")");
      }
    }
    return out.toString();
  }

  private static long perms(String ace, String letters) {
    long p = 0;
    for (char c : letters.toCharArray()) {
      int bit = PERM_LETTERS.indexOf(c);
      if (bit < 0) {
        throw invalid(ace, "unknown permission '" + c + "' (use letters of " + PERM_LETTERS + ")");
      }
      p |= 1L << bit;
    }
    return p;
  }

  private static DaosException invalid(String ace, String why) {
    return new DaosException(DaosStatus.INVAL, "invalid ACE \"" + ace + "\": " + why);
  }

  /** The principal's type: where DAOS keeps the entry in an ACL and how it matches a user. */
  public AclPrincipal.Type principalType() {
    return switch (principal) {
      case OWNER -> AclPrincipal.Type.OWNER;
      case OWNER_GROUP -> AclPrincipal.Type.OWNER_GROUP;
      case EVERYONE -> AclPrincipal.Type.EVERYONE;
      default -> flags.contains("G") ? AclPrincipal.Type.GROUP : AclPrincipal.Type.USER;
    };
  }

  public boolean isGroup() {
    AclPrincipal.Type t = principalType();
    return t == AclPrincipal.Type.GROUP || t == AclPrincipal.Type.OWNER_GROUP;
  }

  public boolean allows() {
    return types.contains("A");
  }

  /** The principal this entry is unique by, as {@link AclPrincipal#key()} spells it. */
  public String key() {
    return new AclPrincipal(principalType(), principal).key();
  }

  /**
   * Bytes this entry takes in DAOS's binary ACL ({@code daos_ace_get_size}): the 32-byte {@code struct daos_ace}
   * plus, for a named user or group, the name with its NUL rounded up to 8 bytes.
   */
  public int encodedSize() {
    return principalType().named() ? 32 + ((principal.getBytes(StandardCharsets.UTF_8).length + 1 + 7) & ~7) : 32;
  }

  @Override
  public String toString() {
    StringBuilder p = new StringBuilder();
    for (int bit = 0; bit < PERM_LETTERS.length(); bit++) {
      if ((perms & 1L << bit) != 0) {
        p.append(PERM_LETTERS.charAt(bit));
      }
    }
    return types + ":" + flags + ":" + principal + ":" + p;
  }
}
