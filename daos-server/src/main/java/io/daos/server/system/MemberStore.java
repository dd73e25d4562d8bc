package io.daos.server.system;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The member part of the MS database that {@link Membership} works on. Reads are served locally; writes
 * are replicated and may throw a not-leader error. Implementations: the Ratis-backed system database and
 * an in-memory one for tests (io.daos.server.sysdb).
 */
public interface MemberStore {
  /** Number of members whose state matches {@code stateMask} ({@link MemberState#ALL_FILTER} for all). */
  int memberCount(int stateMask);

  /** Sorted ranks of the members whose state matches {@code stateMask}. */
  List<Integer> memberRanks(int stateMask);

  Optional<Member> findMemberByRank(int rank);

  Optional<Member> findMemberByUuid(UUID uuid);

  /** Members hosted at control address {@code addr} ("ip:port"); empty if none. */
  List<Member> findMembersByAddr(String addr);

  /** All members, sorted by rank. */
  List<Member> allMembers();

  /**
   * Adds a member; a {@link Member#NIL_RANK} rank is replaced by the next free rank (NextRank).
   *
   * @return the member as stored (with its rank)
   * @throws SystemException MEMBER_EXISTS if its rank or UUID is already taken
   */
  Member addMember(Member member);

  /** Replaces the stored record of the member with the same UUID (MEMBER_NOT_FOUND otherwise). */
  void updateMember(Member member);

  /** Removes the member with the same UUID (MEMBER_NOT_FOUND otherwise). */
  void removeMember(Member member);

  /** Current system map version. */
  int mapVersion();

  /** The rank the next {@link #addMember} with a {@link Member#NIL_RANK} rank assigns (NextRank). */
  int nextRank();

  /**
   * Applies {@code writes} in order as one replicated entry, all or nothing (a jdaos batch: DAOS commits each
   * member change on its own). Additions with a nil rank take NextRank in order.
   *
   * @return the rank of each addition, in order
   * @throws SystemException if any write conflicts (nothing is applied then)
   */
  List<Integer> writeBatch(List<MemberWrite> writes);
}
