package io.daos.server.system;

/**
 * The outcome of an action (stop, start, ...) on one rank, as gathered by a fan-out. An errored result
 * always carries {@link MemberState#ERRORED} or {@link MemberState#UNRESPONSIVE}.
 */
public record MemberResult(int rank, String addr, String action, boolean errored, String msg, MemberState state) {

  public MemberResult {
    addr = addr == null ? "" : addr;
    action = action == null ? "" : action;
    msg = msg == null ? "" : msg;
    state = state == null ? MemberState.UNKNOWN : state;
  }

  /** A successful result in {@code state}. */
  public static MemberResult ok(int rank, MemberState state) {
    return new MemberResult(rank, "", "", false, "", state);
  }

  /** A failed result: the state becomes Errored unless it is Unresponsive (DAOS NewMemberResult). */
  public static MemberResult failed(int rank, String msg, MemberState state) {
    MemberState s = state == MemberState.UNRESPONSIVE ? state : MemberState.ERRORED;
    return new MemberResult(rank, "", "", true, msg, s);
  }

  public MemberResult withAddr(String a) {
    return new MemberResult(rank, a, action, errored, msg, state);
  }

  public MemberResult withAction(String a) {
    return new MemberResult(rank, addr, a, errored, msg, state);
  }
}
