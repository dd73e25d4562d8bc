package io.daos.server.system;

import java.util.Objects;

/**
 * One member change of a batched MS database write ({@link MemberStore#writeBatch}): the member as
 * {@link MemberStore#addMember}, {@link MemberStore#updateMember} or {@link MemberStore#removeMember} takes it.
 */
public record MemberWrite(Kind kind, Member member) {
  /** What the write does. */
  public enum Kind { ADD, UPDATE, REMOVE }

  public MemberWrite {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(member, "member");
  }
}
