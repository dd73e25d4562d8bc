package io.daos.server.system;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Activity state of a system member, as a bitmask value (DAOS system/member.go). JSON carries the
 * lower-case name ({@code "joined"}), tables the CamelCase name ({@code "Joined"}).
 */
public enum MemberState {
  UNKNOWN(0x0, "Unknown"),
  AWAIT_FORMAT(0x1, "AwaitFormat"),
  STARTING(0x2, "Starting"),
  READY(0x4, "Ready"),
  JOINED(0x8, "Joined"),
  STOPPING(0x10, "Stopping"),
  STOPPED(0x20, "Stopped"),
  EXCLUDED(0x40, "Excluded"),
  ERRORED(0x80, "Errored"),
  UNRESPONSIVE(0x100, "Unresponsive"),
  ADMIN_EXCLUDED(0x200, "AdminExcluded"),
  CHECKER_STARTED(0x400, "CheckerStarted");

  /** Members in these states are left out of the CaRT group map. */
  public static final int EXCLUDED_FILTER = AWAIT_FORMAT.mask | EXCLUDED.mask | ADMIN_EXCLUDED.mask;
  /** Members in these states are usable, e.g. for pool creation. */
  public static final int AVAILABLE_FILTER = READY.mask | JOINED.mask;
  /** Matches every state, including Unknown. */
  public static final int ALL_FILTER = 0xFFFF;
  /** Every state not in {@link #EXCLUDED_FILTER}. */
  public static final int NON_EXCLUDED_FILTER = ALL_FILTER ^ EXCLUDED_FILTER;

  private static final Map<MemberState, Set<MemberState>> ILLEGAL = Map.of(
      AWAIT_FORMAT, Set.of(EXCLUDED),
      STARTING, Set.of(EXCLUDED),
      READY, Set.of(EXCLUDED),
      JOINED, Set.of(READY),
      ERRORED, Set.of(READY, JOINED, STOPPING),
      UNRESPONSIVE, Set.of(READY, JOINED, STOPPING),
      CHECKER_STARTED, Set.of(READY, JOINED),
      EXCLUDED, Set.of(ERRORED, STOPPING, STOPPED, STARTING, READY, UNRESPONSIVE));

  private final int mask;
  private final String tableName;

  MemberState(int mask, String tableName) {
    this.mask = mask;
    this.tableName = tableName;
  }

  public int mask() {
    return mask;
  }

  /** CamelCase name used in tables and messages ("AdminExcluded"). */
  public String tableString() {
    return tableName;
  }

  /** Lower-case name used in JSON ("adminexcluded"). */
  public String jsonString() {
    return tableName.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return tableName;
  }

  /** Parses either spelling, case-insensitively; anything unrecognised is {@link #UNKNOWN}, as in DAOS. */
  public static MemberState fromString(String in) {
    if (in != null) {
      for (MemberState s : values()) {
        if (s.tableName.equalsIgnoreCase(in.trim())) {
          return s;
        }
      }
    }
    return UNKNOWN;
  }

  /** The state with this exact bitmask value, or {@link #UNKNOWN}. */
  public static MemberState fromMask(int mask) {
    for (MemberState s : values()) {
      if (s.mask == mask) {
        return s;
      }
    }
    return UNKNOWN;
  }

  /** Combined mask of the given states; no states means {@link #ALL_FILTER}. */
  public static int maskOf(MemberState... states) {
    if (states.length == 0) {
      return ALL_FILTER;
    }
    int m = 0;
    for (MemberState s : states) {
      m |= s.mask;
    }
    return m;
  }

  /** True if this state is selected by {@code filter}; Unknown only matches {@link #ALL_FILTER}. */
  public boolean matches(int filter) {
    return filter == ALL_FILTER || (mask & filter) != 0;
  }

  /**
   * True if a member may not move from this state to {@code to}: nothing leaves Unknown or AdminExcluded
   * (the latter only changes through an explicit exclude/clear), no state moves to itself, and the
   * DAOS table of forbidden pairs applies.
   */
  public boolean isTransitionIllegal(MemberState to) {
    if (this == UNKNOWN || this == ADMIN_EXCLUDED || this == to) {
      return true;
    }
    return ILLEGAL.getOrDefault(this, Set.of()).contains(to);
  }
}
