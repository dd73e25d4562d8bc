package io.daos.engine.cont;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;

/**
 * One access-control entry in DAOS's short string form {@code TYPES:FLAGS:PRINCIPAL:PERMS}, e.g.
 * {@code A::OWNER@:rwdtTaAo} or {@code A:G:GROUP@:rwtT} ({@code daos_ace_from_str}). Types: A allow, L audit, U alarm;
 * flags: G group, P pool-inherit, F access-fail, S access-success; permission letters as {@link #PERM_LETTERS}.
 */
public record ContAce(String types, String flags, String principal, long perms) {
  /** Permission letters in bit order ({@code DAOS_ACL_PERM_READ} = bit 0 ... {@code SET_OWNER} = bit 8). */
  public static final String PERM_LETTERS = "rwcdtTaAo";
  public static final String OWNER = "OWNER@";
  public static final String OWNER_GROUP = "GROUP@";
  public static final String EVERYONE = "EVERYONE@";

  /** Parses an ACE; DER_INVAL with what is wrong. */
  public static ContAce parse(String s) {
    String[] f = s.split(":", -1);
    if (f.length != 4) {
      throw invalid(s, "expected TYPES:FLAGS:PRINCIPAL:PERMS");
    }
    if (f[0].isEmpty() || !f[0].chars().allMatch(c -> "ALU".indexOf(c) >= 0)) {
      throw invalid(s, "access types must be letters of A, L, U");
    }
    if (!f[1].chars().allMatch(c -> "GPFS".indexOf(c) >= 0)) {
      throw invalid(s, "flags must be letters of G, P, F, S");
    }
    if (f[2].isEmpty() || !f[2].contains("@") || f[2].length() > 255) {
      throw invalid(s, "principal must be OWNER@, GROUP@, EVERYONE@ or name@[domain]");
    }
    boolean special = f[2].equals(OWNER) || f[2].equals(OWNER_GROUP) || f[2].equals(EVERYONE);
    if (special && f[1].contains("G") != f[2].equals(OWNER_GROUP)) {
      throw invalid(s, "only GROUP@ and named groups take the G flag");
    }
    return new ContAce(f[0], f[1], f[2], perms(s, f[3]));
  }

  private static long perms(String ace, String letters) {
    long p = 0;
    for (char c : letters.toCharArray()) {
      int bit = PERM_LETTERS.indexOf(c);
      if (bit < 0) {
        throw invalid(ace, "unknown permission '" + c + "' (use " + PERM_LETTERS + ")");
      }
      p |= 1L << bit;
    }
    return p;
  }

  private static DaosException invalid(String ace, String why) {
    return new DaosException(DaosStatus.INVAL, "invalid ACE \"" + ace + "\": " + why);
  }

  public boolean isGroup() {
    return flags.contains("G");
  }

  public boolean allows() {
    return types.contains("A");
  }

  /** The principal key this entry is unique by: {@code "g:name@"} for groups, else the principal. */
  public String key() {
    return isGroup() && !principal.equals(OWNER_GROUP) ? "g:" + principal : principal;
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
