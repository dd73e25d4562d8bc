package io.daos.dmg.output.system;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** DAOS member state names and bit values (system/member.go): CamelCase in tables, lower-case in JSON. */
public final class MemberStates {
  private static final Map<String, Integer> BITS = new LinkedHashMap<>();

  static {
    BITS.put("AwaitFormat", 0x1);
    BITS.put("Starting", 0x2);
    BITS.put("Ready", 0x4);
    BITS.put("Joined", 0x8);
    BITS.put("Stopping", 0x10);
    BITS.put("Stopped", 0x20);
    BITS.put("Excluded", 0x40);
    BITS.put("Errored", 0x80);
    BITS.put("Unresponsive", 0x100);
    BITS.put("AdminExcluded", 0x200);
    BITS.put("CheckerStarted", 0x400);
  }

  /** Every state bit (DAOS AllMemberFilter). */
  public static final int ALL = 0xFFFF;
  public static final int JOINED = 0x8;

  private MemberStates() {
  }

  /** CamelCase name for a state string in any case; "Unknown" when not a known state. */
  public static String camel(String state) {
    if (state != null) {
      for (String name : BITS.keySet()) {
        if (name.equalsIgnoreCase(state)) {
          return name;
        }
      }
    }
    return "Unknown";
  }

  /** Lower-case JSON name of a state. */
  public static String lower(String state) {
    return camel(state).toLowerCase(Locale.ROOT);
  }

  /** Bit of a state name (any case); -1 when unknown. "unknown" maps to 0. */
  public static int bit(String state) {
    String name = camel(state);
    if ("Unknown".equals(name)) {
      return "unknown".equalsIgnoreCase(state == null ? "" : state.trim()) ? 0 : -1;
    }
    return BITS.get(name);
  }
}
