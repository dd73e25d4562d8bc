package io.daos.server.sysdb;

import io.daos.server.system.Member;
import io.daos.server.system.MemberWrite;
import io.daos.server.system.SystemException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads from the local {@link DbState}; writes are checked (leader, existence) under one lock, stamped with
 * the time and handed to {@link #submit} to be replicated and applied.
 */
abstract class AbstractSystemDb implements SystemDb {
  final DbState state = new DbState();
  final List<LeadershipListener> listeners = new CopyOnWriteArrayList<>();
  private final ReentrantLock writeLock = new ReentrantLock();
  private final Clock clock;

  AbstractSystemDb(Clock clock) {
    this.clock = clock;
  }

  /** Replicates and applies one entry; returns its reply. Called with the write lock held, on the leader. */
  abstract DbReply submit(byte[] entry);

  @Override
  public void addLeadershipListener(LeadershipListener listener) {
    listeners.add(listener);
  }

  @Override
  public long dataVersion() {
    return state.read(t -> t.version);
  }

  @Override
  public int nextRank() {
    return state.read(t -> t.nextRank);
  }

  @Override
  public int mapVersion() {
    return state.read(t -> t.mapVersion);
  }

  @Override
  public int memberCount(int stateMask) {
    return state.read(t -> (int) t.ranks.values().stream().filter(m -> m.state().matches(stateMask)).count());
  }

  @Override
  public List<Integer> memberRanks(int stateMask) {
    return state.read(t -> t.ranks.values().stream().filter(m -> m.state().matches(stateMask))
        .map(Member::rank).toList());
  }

  @Override
  public Optional<Member> findMemberByRank(int rank) {
    return state.read(t -> Optional.ofNullable(t.ranks.get(rank)));
  }

  @Override
  public Optional<Member> findMemberByUuid(UUID uuid) {
    return state.read(t -> Optional.ofNullable(t.uuids.get(uuid)));
  }

  @Override
  public List<Member> findMembersByAddr(String addr) {
    return state.read(t -> t.membersAt(addr));
  }

  @Override
  public List<Member> allMembers() {
    return state.read(t -> List.copyOf(t.ranks.values()));
  }

  @Override
  public Member addMember(Member m) {
    return write(() -> {
      if (findMemberByUuid(m.uuid()).isPresent()) {
        throw SystemException.uuidExists(m.uuid());
      }
      int rank = m.hasNilRank() ? nextRank() : m.rank();
      if (findMemberByRank(rank).isPresent()) {
        throw SystemException.rankExists(rank);
      }
      beforeMemberWrite(m);
      Member stamped = m.withLastUpdate(clock.instant());
      int assigned = submit(DbEntry.encode(DbOp.ADD_MEMBER, stamped)).orThrow().rank();
      return stamped.withRank(assigned);
    });
  }

  @Override
  public void updateMember(Member m) {
    write(() -> {
      if (findMemberByUuid(m.uuid()).isEmpty()) {
        throw SystemException.uuidNotFound(m.uuid());
      }
      beforeMemberWrite(m);
      return submit(DbEntry.encode(DbOp.UPDATE_MEMBER, m.withLastUpdate(clock.instant()))).orThrow();
    });
  }

  @Override
  public void removeMember(Member m) {
    write(() -> {
      if (findMemberByUuid(m.uuid()).isEmpty()) {
        throw SystemException.uuidNotFound(m.uuid());
      }
      return submit(DbEntry.encode(DbOp.REMOVE_MEMBER, m)).orThrow();
    });
  }

  /**
   * Checks each write against the current state as the single-member writes do, stamps additions and updates
   * with the time and replicates them as one MEMBER_BATCH entry.
   */
  @Override
  public List<Integer> writeBatch(List<MemberWrite> writes) {
    if (writes.isEmpty()) {
      return List.of();
    }
    return write(() -> {
      Instant now = clock.instant();
      List<MemberWrite> stamped = new ArrayList<>(writes.size());
      for (MemberWrite w : writes) {
        if (w.kind() == MemberWrite.Kind.REMOVE) {
          stamped.add(w);
          continue;
        }
        beforeMemberWrite(w.member());
        stamped.add(new MemberWrite(w.kind(), w.member().withLastUpdate(now)));
      }
      return submit(DbEntry.encodeBatch(stamped)).orThrow().ranks();
    });
  }

  /** Hook run before a member is added or updated (the Ratis database adds replica hosts as voters). */
  void beforeMemberWrite(Member m) {
  }

  @Override
  public void incMapVersion() {
    write(() -> submit(DbEntry.encode(DbOp.INC_MAP_VER, null)).orThrow());
  }

  @Override
  public void addPoolService(PoolService ps) {
    write(() -> {
      if (findPoolServiceByUuid(ps.poolUuid()).isPresent()) {
        throw new SystemException(SystemException.Kind.POOL_EXISTS, "pool " + ps.poolUuid() + " already exists");
      }
      return submit(DbEntry.encode(DbOp.ADD_POOL_SERVICE, ps.withLastUpdate(clock.instant()))).orThrow();
    });
  }

  @Override
  public void updatePoolService(PoolService ps) {
    write(() -> {
      PoolService cur = findPoolServiceByUuid(ps.poolUuid())
          .orElseThrow(() -> SystemException.poolUuidNotFound(ps.poolUuid()));
      if (cur.state() == PoolServiceState.READY && ps.state() == PoolServiceState.CREATING) {
        return DbReply.OK;
      }
      return submit(DbEntry.encode(DbOp.UPDATE_POOL_SERVICE, ps.withLastUpdate(clock.instant()))).orThrow();
    });
  }

  @Override
  public void removePoolService(UUID poolUuid) {
    write(() -> {
      PoolService cur = findPoolServiceByUuid(poolUuid)
          .orElseThrow(() -> SystemException.poolUuidNotFound(poolUuid));
      return submit(DbEntry.encode(DbOp.REMOVE_POOL_SERVICE, cur)).orThrow();
    });
  }

  @Override
  public Optional<PoolService> findPoolServiceByUuid(UUID poolUuid) {
    return state.read(t -> Optional.ofNullable(t.pools.get(poolUuid)));
  }

  @Override
  public Optional<PoolService> findPoolServiceByLabel(String label) {
    return state.read(t -> Optional.ofNullable(t.labels.get(label)).map(t.pools::get));
  }

  @Override
  public List<PoolService> poolServices(boolean all) {
    return state.read(t -> t.pools.values().stream()
        .filter(p -> all || p.state() == PoolServiceState.READY).toList());
  }

  @Override
  public PoolLock takePoolLock(UUID poolUuid) {
    PoolLock l = new PoolLock(poolUuid, UUID.randomUUID(), leader().orElse(""), clock.instant());
    write(() -> submit(DbEntry.encode(DbOp.TAKE_POOL_LOCK, l)).orThrow());
    return l;
  }

  @Override
  public void releasePoolLock(PoolLock lock) {
    write(() -> submit(DbEntry.encode(DbOp.RELEASE_POOL_LOCK, lock)).orThrow());
  }

  @Override
  public void clearPoolLocks() {
    write(() -> submit(DbEntry.encode(DbOp.CLEAR_POOL_LOCKS, null)).orThrow());
  }

  @Override
  public Optional<PoolLock> findPoolLock(UUID poolUuid) {
    return state.read(t -> Optional.ofNullable(t.locks.get(poolUuid)));
  }

  @Override
  public void setSystemAttrs(Map<String, String> attrs) {
    write(() -> submit(DbEntry.encode(DbOp.UPDATE_SYSTEM_ATTRS, new LinkedHashMap<>(attrs))).orThrow());
  }

  @Override
  public Map<String, String> getSystemAttrs(Collection<String> keys) {
    return state.read(t -> {
      Map<String, String> out = new LinkedHashMap<>();
      for (String k : keys.isEmpty() ? new ArrayList<>(t.attrs.keySet()) : keys) {
        String v = t.attrs.get(k);
        if (v == null) {
          throw SystemException.attrNotFound(k);
        }
        out.put(k, v);
      }
      return out;
    });
  }

  private <T> T write(java.util.function.Supplier<T> body) {
    checkLeader();
    writeLock.lock();
    try {
      return body.get();
    } finally {
      writeLock.unlock();
    }
  }
}
