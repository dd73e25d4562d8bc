package io.daos.server.sysdb;

import io.daos.server.system.Member;
import io.daos.server.system.SystemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** The mutable tables behind {@link DbState}; callers hold its lock. Members and pools are immutable values. */
final class DbTables {
  long version;
  int nextRank = 1;
  int mapVersion;
  final TreeMap<Integer, Member> ranks = new TreeMap<>(Integer::compareUnsigned);
  final Map<UUID, Member> uuids = new HashMap<>();
  final Map<String, Set<UUID>> addrs = new HashMap<>();
  final Map<UUID, PoolService> pools = new LinkedHashMap<>();
  final Map<String, UUID> labels = new HashMap<>();
  final TreeMap<String, String> attrs = new TreeMap<>();
  /** Pool locks; not in snapshots, since a new leader clears them all anyway. */
  final Map<UUID, PoolLock> locks = new HashMap<>();

  /** A deep copy of the tables (the values are immutable and shared). */
  DbTables copy() {
    DbTables c = new DbTables();
    c.version = version;
    c.nextRank = nextRank;
    c.mapVersion = mapVersion;
    c.ranks.putAll(ranks);
    c.uuids.putAll(uuids);
    addrs.forEach((a, set) -> c.addrs.put(a, new LinkedHashSet<>(set)));
    c.pools.putAll(pools);
    c.labels.putAll(labels);
    c.attrs.putAll(attrs);
    c.locks.putAll(locks);
    return c;
  }

  /** Adds a member; a NIL rank takes NextRank, which then advances. Returns the rank. */
  int addMember(Member m) {
    Member toAdd = m.hasNilRank() ? m.withRank(nextRank) : m;
    if (uuids.containsKey(toAdd.uuid())) {
      throw SystemException.uuidExists(toAdd.uuid());
    }
    if (ranks.containsKey(toAdd.rank())) {
      throw SystemException.rankExists(toAdd.rank());
    }
    if (m.hasNilRank()) {
      nextRank++;
    }
    put(toAdd);
    mapVersion++;
    return toAdd.rank();
  }

  /** Updates state, info, last update, incarnation, fabric URIs and fault domain (as DAOS does). */
  void updateMember(Member m) {
    Member cur = uuids.get(m.uuid());
    if (cur == null) {
      throw SystemException.uuidNotFound(m.uuid());
    }
    put(cur.updatedBy(m));
    mapVersion++;
  }

  void removeMember(Member m) {
    Member cur = uuids.remove(m.uuid());
    if (cur == null) {
      throw SystemException.uuidNotFound(m.uuid());
    }
    ranks.remove(cur.rank());
    Set<UUID> onAddr = addrs.get(cur.addr());
    if (onAddr != null && onAddr.remove(cur.uuid()) && onAddr.isEmpty()) {
      addrs.remove(cur.addr());
    }
    mapVersion++;
  }

  void put(Member m) {
    ranks.put(m.rank(), m);
    uuids.put(m.uuid(), m);
    addrs.computeIfAbsent(m.addr(), k -> new LinkedHashSet<>()).add(m.uuid());
  }

  List<Member> membersAt(String addr) {
    List<Member> out = new ArrayList<>();
    for (UUID u : addrs.getOrDefault(addr, Set.of())) {
      out.add(uuids.get(u));
    }
    return out;
  }

  void addPool(PoolService ps) {
    if (pools.containsKey(ps.poolUuid())) {
      throw new SystemException(SystemException.Kind.POOL_EXISTS, "pool " + ps.poolUuid() + " already exists");
    }
    putPool(ps);
  }

  /** Updates state, last update, replicas and label; storage stays as created (as DAOS does). */
  void updatePool(PoolService ps) {
    PoolService cur = pools.get(ps.poolUuid());
    if (cur == null) {
      throw SystemException.poolUuidNotFound(ps.poolUuid());
    }
    labels.remove(cur.poolLabel());
    putPool(new PoolService(cur.poolUuid(), ps.poolLabel(), ps.state(), ps.replicas(), cur.storage(),
        ps.lastUpdate()));
  }

  void removePool(PoolService ps) {
    PoolService cur = pools.remove(ps.poolUuid());
    if (cur == null) {
      throw SystemException.poolUuidNotFound(ps.poolUuid());
    }
    labels.remove(cur.poolLabel());
  }

  private void putPool(PoolService ps) {
    pools.put(ps.poolUuid(), ps);
    if (!ps.poolLabel().isEmpty()) {
      labels.put(ps.poolLabel(), ps.poolUuid());
    }
  }

  void takeLock(PoolLock l) {
    PoolLock cur = locks.get(l.poolUuid());
    if (cur != null) {
      throw new SystemException(SystemException.Kind.POOL_LOCKED, cur.lockedMessage());
    }
    locks.put(l.poolUuid(), l);
  }

  /** Removes the lock if it is still {@code l} (a lock cleared by a new leader stays gone). */
  void releaseLock(PoolLock l) {
    PoolLock cur = locks.get(l.poolUuid());
    if (cur != null && cur.id().equals(l.id())) {
      locks.remove(l.poolUuid());
    }
  }

  /** Sets attributes; an empty value deletes the key. */
  void updateAttrs(Map<String, String> update) {
    if (update == null) {
      return;
    }
    update.forEach((k, v) -> {
      if (v == null || v.isEmpty()) {
        attrs.remove(k);
      } else {
        attrs.put(k, v);
      }
    });
  }
}
