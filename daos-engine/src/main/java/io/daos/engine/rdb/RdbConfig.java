package io.daos.engine.rdb;

import io.daos.raft.RaftSettings;
import io.daos.raft.SharedKeyTls;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The Raft settings of an engine's pool-service server ({@link RaftSettings}): DAOS rdb's election timeout
 * (RDB_ELECTION_TIMEOUT, random in [T, 2T]), and a first election {@link #FIRST_ELECTION_TIMEOUT} after a replica
 * starts, as DAOS campaigns at once when it creates a pool service.
 */
final class RdbConfig {
  /** Log entries between automatic snapshots. */
  static final long SNAPSHOT_THRESHOLD = 1024;
  /** The first election's timeout after a replica starts (random in [T, 2T]). */
  static final Duration FIRST_ELECTION_TIMEOUT = Duration.ofMillis(200);

  private RdbConfig() {
  }

  /** With {@code tls} (the system key's identity), Raft over gRPC with mutual TLS; plain Netty when null. */
  static RaftSettings settings(String raftAddress, Path storageDir, Duration electionTimeout, SharedKeyTls tls) {
    RaftSettings s = RaftSettings.of(raftAddress, storageDir, SNAPSHOT_THRESHOLD).electionTimeout(electionTimeout)
        .firstElectionTimeout(FIRST_ELECTION_TIMEOUT);
    return tls == null ? s : s.tls(tls.keyManager(), tls.trustManager());
  }
}
