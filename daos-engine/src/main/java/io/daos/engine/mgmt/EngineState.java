package io.daos.engine.mgmt;

import java.util.OptionalInt;

/**
 * What the control plane has told this engine: its rank (unset until SET_RANK), the map version, whether
 * SET_UP has run, whether a shutdown is being prepared, and the group map. Thread-safe.
 */
public final class EngineState {
  private int rank = -1;
  private int mapVersion;
  private boolean setUp;
  private boolean preparingShutdown;
  private GroupMap groupMap = GroupMap.EMPTY;

  public synchronized OptionalInt rank() {
    return rank < 0 ? OptionalInt.empty() : OptionalInt.of(rank);
  }

  public synchronized int mapVersion() {
    return mapVersion;
  }

  synchronized void setRank(int rank, int mapVersion) {
    this.rank = rank;
    this.mapVersion = mapVersion;
  }

  public synchronized boolean isSetUp() {
    return setUp;
  }

  /** Marks the engine set up; false (and no change) if no rank has been set. */
  synchronized boolean markSetUp() {
    if (rank < 0) {
      return false;
    }
    setUp = true;
    return true;
  }

  public synchronized boolean isPreparingShutdown() {
    return preparingShutdown;
  }

  synchronized void prepareShutdown() {
    preparingShutdown = true;
  }

  public synchronized GroupMap groupMap() {
    return groupMap;
  }

  /** Installs {@code map} unless it is older than the current one; returns whether it was installed. */
  synchronized boolean updateGroupMap(GroupMap map) {
    if (map.version() < groupMap.version()) {
      return false;
    }
    groupMap = map;
    return true;
  }

  /** "rank N" or "rank unset", for log prefixes. */
  public synchronized String describeRank() {
    return rank < 0 ? "rank unset" : "rank " + rank;
  }
}
