package io.daos.server.sysdb;

import io.daos.control.errors.NotLeaderException;
import io.daos.server.system.MemberStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The MS database: replicated members, pools, system attributes and versions. Reads are served from the
 * local replica; writes must be made on the leader and throw {@link NotLeaderException} elsewhere.
 * Implementations: {@link SystemDatabase} (Apache Ratis) and {@link InMemorySystemDb} (tests).
 */
public interface SystemDb extends MemberStore, AutoCloseable {
  /** data_version: number of entries applied (+1 per applied entry). */
  long dataVersion();

  /** Bumps the map version (forced group update). */
  void incMapVersion();

  /** @throws io.daos.server.system.SystemException POOL_EXISTS */
  void addPoolService(PoolService ps);

  /** Updates state, replicas and label; a Ready pool is never set back to Creating (ignored, as DAOS). */
  void updatePoolService(PoolService ps);

  /** @throws io.daos.server.system.SystemException POOL_NOT_FOUND */
  void removePoolService(UUID poolUuid);

  Optional<PoolService> findPoolServiceByUuid(UUID poolUuid);

  Optional<PoolService> findPoolServiceByLabel(String label);

  /** Pool records; only Ready ones unless {@code all}. */
  List<PoolService> poolServices(boolean all);

  /**
   * Takes the pool's create/destroy lock in the replicated state (DAOS TakePoolLock).
   *
   * @throws io.daos.server.system.SystemException POOL_LOCKED while another operation holds it
   */
  PoolLock takePoolLock(UUID poolUuid);

  /** Releases {@code lock} if it is still held (a no-op once a new leader cleared it). */
  void releasePoolLock(PoolLock lock);

  /** Clears every pool lock (a new leader: the holders' operations ended with the old leadership). */
  void clearPoolLocks();

  /** The pool's current lock, if any. */
  Optional<PoolLock> findPoolLock(UUID poolUuid);

  /** Sets system attributes/properties; an empty value deletes the key. */
  void setSystemAttrs(Map<String, String> attrs);

  /**
   * The values of {@code keys} (all attributes if empty).
   *
   * @throws io.daos.server.system.SystemException ATTR_NOT_FOUND for a missing key
   */
  Map<String, String> getSystemAttrs(Collection<String> keys);

  /** True if this replica is the leader and ready to serve writes. */
  boolean isLeader();

  /** Control address of the current leader, if one is known. */
  Optional<String> leader();

  /** Control addresses of all configured MS replicas. */
  List<String> replicas();

  /** @throws NotLeaderException unless {@link #isLeader()} */
  void checkLeader();

  void addLeadershipListener(LeadershipListener listener);

  @Override
  void close();
}
