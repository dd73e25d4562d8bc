package io.daos.engine.rdb;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.Collections;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A single-replica {@link Rdb} in memory, always leader unless told otherwise: for fast unit tests of the
 * services built on Rdb. Nothing persists.
 */
public final class InMemoryRdb implements Rdb {
  private final UUID uuid;
  private final int rank;
  private final TreeMap<String, byte[]> map = new TreeMap<>();
  private volatile boolean leader = true;
  private volatile boolean closed;

  public InMemoryRdb(UUID uuid, int rank) {
    this.uuid = uuid;
    this.rank = rank;
  }

  /** Makes this replica act as a follower (DER_NOTLEADER) or leader again. */
  public void setLeader(boolean leader) {
    this.leader = leader;
  }

  @Override
  public UUID uuid() {
    return uuid;
  }

  @Override
  public boolean isLeader() {
    return leader && !closed;
  }

  @Override
  public OptionalInt leaderHint() {
    return leader ? OptionalInt.of(rank) : OptionalInt.empty();
  }

  @Override
  public long term() {
    return 1;
  }

  @Override
  public synchronized byte[] get(String key) {
    checkLeader();
    byte[] v = map.get(key);
    return v == null ? null : v.clone();
  }

  /** Applies each commit as it returns: there is never a log to replay. */
  @Override
  public boolean awaitReplayed(java.time.Duration timeout) {
    return true;
  }

  @Override
  public synchronized byte[] getLocal(String key) {
    byte[] v = map.get(key);
    return v == null ? null : v.clone();
  }

  @Override
  public synchronized SortedMap<String, byte[]> scan(String prefix) {
    checkLeader();
    return Collections.unmodifiableSortedMap(new TreeMap<>(map.subMap(prefix, prefix + Character.MAX_VALUE)));
  }

  @Override
  public synchronized void commit(RdbTx tx) {
    checkLeader();
    tx.applyTo(map);
  }

  private void checkLeader() {
    if (closed) {
      throw new DaosException(DaosStatus.SHUTDOWN, "pool service " + uuid + " is stopped");
    }
    if (!leader) {
      throw new DaosException(DaosStatus.NOTLEADER, "not the leader of pool service " + uuid);
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
