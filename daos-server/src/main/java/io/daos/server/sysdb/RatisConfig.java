package io.daos.server.sysdb;

import io.daos.raft.RaftSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The Raft settings of an MS replica ({@link RaftSettings}), with its election timing. DAOS's hashicorp raft starts
 * an election after 2-4 s without a leader (heartbeat timeout 2 s, randomised up to twice that); the default here
 * is the same window, so a busy host's pause does not depose a leader and a dead leader is replaced within a few
 * seconds.
 */
final class RatisConfig {
  /** Lower bound of the randomised election timeout (upper bound: twice this). */
  static final Duration DEFAULT_ELECTION_TIMEOUT = Duration.ofSeconds(2);
  /**
   * The first election after start-up is not delayed that long: a lone bootstrap replica leads at once, and a
   * restarted replica's pre-vote cannot depose a live leader.
   */
  static final Duration FIRST_ELECTION_TIMEOUT = Duration.ofMillis(200);

  private RatisConfig() {
  }

  static RaftSettings settings(String controlAddr, Path storageDir, long snapshotThreshold,
      Duration electionTimeout) {
    return RaftSettings.of(RaftPeers.raftAddress(controlAddr), storageDir, snapshotThreshold)
        .electionTimeout(electionTimeout).firstElectionTimeout(FIRST_ELECTION_TIMEOUT);
  }
}
