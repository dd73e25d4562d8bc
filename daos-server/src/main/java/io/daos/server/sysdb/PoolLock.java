package io.daos.server.sysdb;

import java.time.Instant;
import java.util.UUID;

/**
 * A pool's create/destroy lock (DAOS TakePoolLock), held as a record in the replicated MS state so that every
 * replica sees it: {@code holder} is the leader that took it. It is released when the operation ends; a new leader
 * clears every lock (their holders' operations died with the old leadership) before it finishes pools left in
 * Creating or Destroying (DAOS checkPools).
 */
public record PoolLock(UUID poolUuid, UUID id, String holder, Instant takenAt) {
  /** DAOS FaultPoolLocked's description. */
  String lockedMessage() {
    return "pool " + poolUuid + " is locked (id: " + id + ", time: " + takenAt + ")";
  }
}
