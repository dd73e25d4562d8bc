package io.daos.common;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Engine log masks as DAOS checks, combines and applies them: {@code D_LOG_MASK} ("LEVEL,subsys=LEVEL,...")
 * validated by the server, the {@code DD_SUBSYS} merge rule applied before an engine starts, and the engine's
 * reading of a mask into a default priority and per-subsystem priorities.
 */
public final class LogMasks {
  /** D_LOG levels, ordered; index 0 is "undefined". */
  private static final List<String> LEVELS =
      List.of("", "DBUG", "INFO", "NOTE", "WARN", "ERR", "CRIT", "ALRT", "EMRG", "EMIT");
  /** Priority index of DEBUG/DBUG. */
  public static final int DBUG = 1;
  /** Priority index of INFO. */
  public static final int INFO = 2;
  /** Priority index of NOTE. */
  public static final int NOTE = 3;
  /** Priority index of WARN. */
  public static final int WARN = 4;
  /** Priority index of ERR/ERROR. */
  public static final int ERR = 5;
  private static final int MAX_LEN = 1023;
  private static final List<String> SUBSYSTEMS = List.of("ALL", "DAOS", "ARRAY", "KV", "COMMON", "TREE", "VOS",
      "CLIENT", "SERVER", "RDB", "RSVC", "POOL", "CONTAINER", "OBJECT", "PLACEMENT", "REBUILD", "MGMT", "BIO",
      "TESTS", "DFS", "DUNS", "DRPC", "SECURITY", "DTX", "DFUSE", "IL", "CSUM", "STACK", "MISC", "MEM", "SWIM",
      "FI", "TELEM", "CRT", "RPC", "BULK", "CORPC", "GRP", "LM", "HG", "EXTERNAL", "ST", "IV", "CTL");

  /** DAOS's debug stream names (DD_MASK). */
  private static final List<String> STREAMS = List.of("ALL", "MD", "PL", "MGMT", "EPC", "DF", "REBUILD", "SEC",
      "CSUM", "GROUP_DEFAULT", "GROUP_METADATA_ONLY", "GROUP_METADATA", "ANY", "TRACE", "MEM", "NET", "IO", "TEST");

  private LogMasks() {
  }

  /**
   * A mask as the engine applies it: the default priority and the priority of each subsystem named,
   * as level indexes ({@link #DBUG} to EMIT = 9).
   */
  public record Priorities(int defaultLevel, Map<String, Integer> subsystems) {
  }

  /**
   * The engine's reading of {@code mask}: blanks around tokens and empty tokens are ignored, subsystem
   * names are lower-cased, WARNING is WARN, and the default is ERR when the mask names none.
   */
  public static Priorities parse(String mask) throws IllegalArgumentException {
    int def = 0;
    Map<String, Integer> subs = new LinkedHashMap<>();
    for (String part : mask.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq < 0) {
        def = priority(p);
      } else {
        subs.put(p.substring(0, eq).trim().toLowerCase(Locale.ROOT), priority(p.substring(eq + 1)));
      }
    }
    return new Priorities(def == 0 ? ERR : def, Map.copyOf(subs));
  }

  private static int priority(String name) {
    int l = name.trim().equalsIgnoreCase("WARNING") ? WARN : level(name);
    if (l == 0) {
      throw new IllegalArgumentException("unknown log priority '" + name.trim()
          + "' (use DEBUG, INFO, NOTE, WARN, ERR, CRIT, ALRT, EMRG or EMIT)");
    }
    return l;
  }

  /** Level index of a D_LOG priority name (DEBUG/DBUG, ERROR/ERR, FATAL/EMRG, ...), 0 when unknown. */
  public static int level(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT);
    return switch (n) {
      case "DEBUG", "DBUG" -> DBUG;
      case "INFO" -> INFO;
      case "NOTE" -> NOTE;
      case "WARN" -> WARN;
      case "ERROR", "ERR" -> ERR;
      case "CRIT" -> 6;
      case "ALRT" -> 7;
      case "FATAL", "EMRG" -> 8;
      case "EMIT" -> 9;
      default -> 0;
    };
  }

  /** Null when valid, else what is wrong with {@code masks} (DAOS ValidateLogMasks). */
  public static String problem(String masks) {
    if (masks == null || masks.isEmpty()) {
      return null;
    }
    if (masks.length() > MAX_LEN || !masks.matches("[a-zA-Z,=_]+")) {
      return "log masks string has illegal characters or is too long: \"" + masks + "\"";
    }
    String[] toks = masks.split(",", -1);
    for (int i = 0; i < toks.length; i++) {
      String tok = toks[i];
      if (i == 0 && !tok.contains("=")) {
        if (level(tok) == 0) {
          return unknownLevel(tok);
        }
        continue;
      }
      String[] sl = tok.split("=", -1);
      if (sl.length != 2) {
        return "tokens after the first separator should be of the form PREFIX=LEVEL but token " + i + " is \""
            + tok + "\"";
      }
      if (level(sl[1]) == 0) {
        return unknownLevel(sl[1]);
      }
      if (sl[0].equalsIgnoreCase("ALL")) {
        return "'all' identifier can not be used in log mask level assignments";
      }
      if (!SUBSYSTEMS.contains(sl[0].toUpperCase(Locale.ROOT))) {
        return "unknown log subsystem \"" + sl[0] + "\" want one of " + SUBSYSTEMS;
      }
    }
    return null;
  }

  private static String unknownLevel(String tok) {
    return "unknown log level \"" + tok + "\" want one of [DEBUG DBUG INFO NOTE WARN ERROR ERR CRIT ALRT FATAL "
        + "EMRG EMIT]";
  }

  /**
   * DAOS MergeLogEnvVars: folds the {@code DD_SUBSYS} list into {@code D_LOG_MASK}. Assignments below ERR for
   * subsystems not listed are dropped; listed subsystems get the base level when it is below ERR; the base
   * becomes at least ERR; assignments equal to the new base are dropped.
   */
  public static String merge(String masks, String subsystems) {
    if (masks == null || masks.isEmpty()) {
      return "";
    }
    int base = level(masks.split(",", -1)[0]);
    if (base == 0) {
      base = ERR;
    }
    List<String[]> assigns = assignments(masks);
    List<String> subs = new ArrayList<>();
    for (String s : (subsystems == null ? "" : subsystems).split(",")) {
      if (!s.isEmpty() && !s.equalsIgnoreCase("ALL")) {
        subs.add(s);
      }
    }
    if (!subs.isEmpty()) {
      assigns.removeIf(a -> level(a[1]) < ERR && !subs.contains(a[0]));
      if (base < ERR) {
        for (String s : subs) {
          if (assigns.stream().noneMatch(a -> a[0].equals(s))) {
            assigns.add(new String[] {s, LEVELS.get(base)});
          }
        }
      }
    }
    if (subs.isEmpty()) {
      return render(assigns, base);
    }
    int newBase = Math.max(base, ERR);
    for (Iterator<String[]> it = assigns.iterator(); it.hasNext();) {
      if (level(it.next()[1]) == newBase) {
        it.remove();
      }
    }
    return render(assigns, newBase);
  }

  private static List<String[]> assignments(String masks) {
    List<String[]> out = new ArrayList<>();
    for (String tok : masks.split(",")) {
      if (!tok.contains("=")) {
        continue;
      }
      String[] sl = tok.split("=", -1);
      if (sl.length != 2) {
        throw new IllegalArgumentException("illegal log level assignment: want PREFIX=LEVEL got \"" + tok + "\"");
      }
      out.add(new String[] {sl[0], sl[1]});
    }
    return out;
  }

  private static String render(List<String[]> assigns, int base) {
    StringBuilder sb = new StringBuilder(LEVELS.get(base));
    for (String[] a : assigns) {
      sb.append(',').append(a[0]).append('=').append(LEVELS.get(level(a[1])));
    }
    return sb.toString();
  }

  /** Null when valid, else the problem with a {@code DD_SUBSYS} list. */
  public static String subsystemsProblem(String subsystems) {
    return namesProblem(subsystems, SUBSYSTEMS);
  }

  /** Null when valid, else the problem with a {@code DD_MASK} debug stream list (DAOS ValidateLogStreams). */
  public static String streamsProblem(String streams) {
    return namesProblem(streams, STREAMS);
  }

  private static String namesProblem(String names, List<String> valid) {
    if (names == null || names.isEmpty()) {
      return null;
    }
    String[] toks = names.split(",");
    for (String t : toks) {
      if (!valid.contains(t.toUpperCase(Locale.ROOT))) {
        return "unknown name \"" + t + "\" want one of " + valid;
      }
      if (t.equalsIgnoreCase("ALL") && toks.length != 1) {
        return "'all' identifier can not be used with any other log identifier";
      }
    }
    return null;
  }
}
