package io.daos.engine.swim;

/** One member's state as gossiped (swim_member_update): rank, incarnation and status. */
public record MemberUpdate(int rank, long incarnation, MemberStatus status) {
  @Override
  public String toString() {
    return "{" + rank + " " + status.letter() + " " + incarnation + "}";
  }
}
