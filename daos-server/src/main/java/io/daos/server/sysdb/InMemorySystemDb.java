package io.daos.server.sysdb;

import io.daos.control.errors.NotLeaderException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A single-replica MS database without Raft, for fast tests: entries are encoded and applied exactly as the
 * Ratis database applies them. Leadership can be toggled to exercise not-leader paths.
 */
public final class InMemorySystemDb extends AbstractSystemDb {
  private final String replicaAddr;
  private volatile boolean leader = true;

  public InMemorySystemDb() {
    this("127.0.0.1:10001", Clock.systemUTC());
  }

  public InMemorySystemDb(String replicaAddr, Clock clock) {
    super(clock);
    this.replicaAddr = replicaAddr;
  }

  @Override
  DbReply submit(byte[] entry) {
    return state.apply(entry);
  }

  /** Gains or loses leadership, telling listeners as the Ratis database does. */
  public void setLeader(boolean isLeader) {
    boolean was = leader;
    leader = isLeader;
    if (was != isLeader) {
      listeners.forEach(isLeader ? LeadershipListener::onLeadershipGained : LeadershipListener::onLeadershipLost);
    }
  }

  @Override
  public boolean isLeader() {
    return leader;
  }

  @Override
  public Optional<String> leader() {
    return leader ? Optional.of(replicaAddr) : Optional.empty();
  }

  @Override
  public List<String> replicas() {
    return List.of(replicaAddr);
  }

  @Override
  public void checkLeader() {
    if (!leader) {
      throw new NotLeaderException("", List.of());
    }
  }

  @Override
  public void close() {
  }
}
