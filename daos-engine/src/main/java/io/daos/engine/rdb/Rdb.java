package io.daos.engine.rdb;

import io.daos.common.status.DaosException;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.UUID;

/**
 * A replicated key-value database of one pool service (DAOS {@code src/rdb}): ordered string keys
 * ({@code "cont/<uuid>/prop/1"}) to byte values. The pool and container services keep all their state here.
 *
 * <p>Only the leader serves: reads see what this replica has applied; {@link #commit} replicates one
 * transaction (one Raft log entry, applied atomically) and returns once it is applied on this replica.
 * Callers serialize their read-check-commit sequences (one service thread), as DAOS's services do under
 * their locks. On a replica that is not the leader, or has lost leadership, both throw
 * {@link DaosException} with DER_NOTLEADER and {@link #leaderHint()} tells where the leader may be.
 */
public interface Rdb extends AutoCloseable {
  /** The database's id: the pool UUID. */
  UUID uuid();

  /** Whether this replica is the leader and has applied everything of its term (may serve). */
  boolean isLeader();

  /** The leader's rank as this replica knows it, if any. */
  OptionalInt leaderHint();

  /** The leader's term (0 when unknown); with {@link #leaderHint()} it forms DAOS's rsvc_hint. */
  long term();

  /** The value of {@code key}, or null. DER_NOTLEADER unless {@link #isLeader()}. */
  byte[] get(String key);

  /**
   * The value of {@code key} as this replica has applied it, or null, whether or not it leads (DAOS's
   * {@code rdb_tx_begin_local}): possibly stale, for readers such as the checker's pool clues that must not wait
   * for an election.
   */
  byte[] getLocal(String key);

  /**
   * Waits up to {@code timeout} until {@link #getLocal} reflects every entry this replica had committed when the wait
   * began (a restarted replica replays its log in the background); false when the wait timed out.
   */
  boolean awaitReplayed(java.time.Duration timeout) throws InterruptedException;

  /** All entries whose keys start with {@code prefix}, in key order (a copy). DER_NOTLEADER unless leader. */
  SortedMap<String, byte[]> scan(String prefix);

  /** Replicates and applies {@code tx}; DER_NOTLEADER, DER_TIMEDOUT or DER_SHUTDOWN when it cannot. */
  void commit(RdbTx tx);

  /**
   * Replicates {@code tx} through whichever replica leads, waiting (up to the replica's timeout) for one to be
   * elected: for the idempotent initialisation every replica submits at pool create. A single replica commits.
   */
  default void propose(RdbTx tx) {
    commit(tx);
  }

  /**
   * Hands the leadership to the replica of rank {@code rank}: it is brought up to date, elected in a new term, and
   * this replica steps down (Raft leadership transfer); returns once {@code rank} leads. What an election after a
   * leader's failure does, without the failure (DAOS gets it from a leader that stops sending appendentries,
   * DAOS_RDB_SKIP_APPENDENTRIES_FAIL).
   *
   * @throws DaosException DER_NOTLEADER when this replica does not lead, DER_INVAL when {@code rank} is no replica,
   *     DER_NOTSUPPORTED for a database without replicas, DER_TIMEDOUT when no transfer completes in time
   */
  default void transferLeadership(int rank) {
    throw new DaosException(io.daos.common.status.DaosStatus.NOTSUPPORTED, "pool service " + uuid()
        + " has a single replica: no leadership to hand over");
  }

  /** Stops this replica (its data stays for the next start). */
  @Override
  void close();
}
