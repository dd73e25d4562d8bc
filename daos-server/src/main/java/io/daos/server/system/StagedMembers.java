package io.daos.server.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A private copy of the members on which a batch of joins runs: each write is checked and applied here as the
 * MS database would apply it (same errors, NextRank and map version), recorded, and can be rolled back to a
 * mark when a later step of the same join fails. {@link #commit()} sends the recorded writes to the real store
 * as one entry.
 */
final class StagedMembers implements MemberStore {
  private final MemberStore base;
  private final TreeMap<Integer, Member> ranks = new TreeMap<>(Integer::compareUnsigned);
  private final Map<UUID, Member> uuids = new HashMap<>();
  private final List<MemberWrite> writes = new ArrayList<>();
  private final List<Runnable> undos = new ArrayList<>();
  private final List<Integer> addedRanks = new ArrayList<>();
  private int nextRank;
  private int mapVersion;

  StagedMembers(MemberStore base) {
    this.base = base;
    base.allMembers().forEach(this::put);
    this.nextRank = base.nextRank();
    this.mapVersion = base.mapVersion();
  }

  /** The number of writes so far: what {@link #rollback} returns to. */
  int mark() {
    return writes.size();
  }

  /** Undoes the writes made after {@code mark}. */
  void rollback(int mark) {
    for (int i = writes.size() - 1; i >= mark; i--) {
      undos.remove(i).run();
      writes.remove(i);
    }
  }

  boolean isEmpty() {
    return writes.isEmpty();
  }

  /**
   * Writes everything staged to the real store in one entry.
   *
   * @throws IllegalStateException if the store assigned other ranks than the staged ones
   */
  void commit() {
    List<Integer> got = base.writeBatch(List.copyOf(writes));
    List<Integer> want = new ArrayList<>();
    for (int i = 0; i < writes.size(); i++) {
      if (writes.get(i).kind() == MemberWrite.Kind.ADD) {
        want.add(addedRanks.get(i));
      }
    }
    if (!got.equals(want)) {
      throw new IllegalStateException("MS database assigned ranks " + got + " to a join batch, expected " + want);
    }
  }

  @Override
  public int memberCount(int stateMask) {
    return (int) ranks.values().stream().filter(m -> m.state().matches(stateMask)).count();
  }

  @Override
  public List<Integer> memberRanks(int stateMask) {
    return ranks.values().stream().filter(m -> m.state().matches(stateMask)).map(Member::rank).toList();
  }

  @Override
  public Optional<Member> findMemberByRank(int rank) {
    return Optional.ofNullable(ranks.get(rank));
  }

  @Override
  public Optional<Member> findMemberByUuid(UUID uuid) {
    return Optional.ofNullable(uuids.get(uuid));
  }

  @Override
  public List<Member> findMembersByAddr(String addr) {
    return ranks.values().stream().filter(m -> m.addr().equals(addr)).toList();
  }

  @Override
  public List<Member> allMembers() {
    return List.copyOf(ranks.values());
  }

  @Override
  public Member addMember(Member m) {
    if (uuids.containsKey(m.uuid())) {
      throw SystemException.uuidExists(m.uuid());
    }
    int rank = m.hasNilRank() ? nextRank : m.rank();
    if (ranks.containsKey(rank)) {
      throw SystemException.rankExists(rank);
    }
    Member added = m.withRank(rank);
    int prevNext = nextRank;
    put(added);
    nextRank += m.hasNilRank() ? 1 : 0;
    record(new MemberWrite(MemberWrite.Kind.ADD, m), rank, () -> {
      drop(added);
      nextRank = prevNext;
    });
    return added;
  }

  @Override
  public void updateMember(Member m) {
    Member cur = uuids.get(m.uuid());
    if (cur == null) {
      throw SystemException.uuidNotFound(m.uuid());
    }
    put(cur.updatedBy(m));
    record(new MemberWrite(MemberWrite.Kind.UPDATE, m), 0, () -> put(cur));
  }

  @Override
  public void removeMember(Member m) {
    Member cur = uuids.get(m.uuid());
    if (cur == null) {
      throw SystemException.uuidNotFound(m.uuid());
    }
    drop(cur);
    record(new MemberWrite(MemberWrite.Kind.REMOVE, m), 0, () -> put(cur));
  }

  @Override
  public int mapVersion() {
    return mapVersion;
  }

  @Override
  public int nextRank() {
    return nextRank;
  }

  /** Staged stores do not nest. */
  @Override
  public List<Integer> writeBatch(List<MemberWrite> batch) {
    throw new UnsupportedOperationException("a staged join batch cannot write a batch itself");
  }

  private void record(MemberWrite w, int rank, Runnable undo) {
    writes.add(w);
    addedRanks.add(rank);
    mapVersion++;
    undos.add(() -> {
      undo.run();
      addedRanks.remove(addedRanks.size() - 1);
      mapVersion--;
    });
  }

  private void put(Member m) {
    Member prev = uuids.put(m.uuid(), m);
    if (prev != null && prev.rank() != m.rank()) {
      ranks.remove(prev.rank());
    }
    ranks.put(m.rank(), m);
  }

  private void drop(Member m) {
    uuids.remove(m.uuid());
    ranks.remove(m.rank());
  }
}
