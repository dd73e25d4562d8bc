package io.daos.server.sysdb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.netty.NettyConfigKeys;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.TimeDuration;

/**
 * Ratis properties of an MS replica: Netty RPC on the Raft address, storage dir, snapshots (keep 2) and the
 * election timeout. DAOS's hashicorp raft starts an election after 2-4 s without a leader (heartbeat timeout
 * 2 s, randomised up to twice that); the default here is the same window, so a busy host's pause does not
 * depose a leader and a dead leader is replaced within a few seconds.
 */
final class RatisConfig {
  /** Ratis's close threshold for JVM pauses: effectively never. */
  static final TimeDuration NEVER_CLOSE = TimeDuration.valueOf(3650, TimeUnit.DAYS);
  static final int SNAPSHOTS_RETAINED = 2;
  /** Lower bound of the randomised election timeout (upper bound: twice this). */
  static final Duration DEFAULT_ELECTION_TIMEOUT = Duration.ofSeconds(2);
  /**
   * The first election after start-up is not delayed that long: a lone bootstrap replica leads at once, and a
   * restarted replica's pre-vote cannot depose a live leader.
   */
  static final long FIRST_ELECTION_MS = 200;

  private RatisConfig() {
  }

  static RaftProperties properties(String controlAddr, Path storageDir, long snapshotThreshold,
      Duration electionTimeout) {
    String raft = RaftPeers.raftAddress(controlAddr);
    int colon = raft.lastIndexOf(':');
    RaftProperties p = new RaftProperties();
    RaftConfigKeys.Rpc.setType(p, SupportedRpcType.NETTY);
    NettyConfigKeys.Server.setHost(p, raft.substring(0, colon));
    NettyConfigKeys.Server.setPort(p, Integer.parseInt(raft.substring(colon + 1)));
    RaftServerConfigKeys.setStorageDir(p, List.of(storageDir.toFile()));
    RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
    RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, snapshotThreshold);
    RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, SNAPSHOTS_RETAINED);
    RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
    long min = electionTimeout.toMillis();
    RaftServerConfigKeys.Rpc.setTimeoutMin(p, millis(min));
    RaftServerConfigKeys.Rpc.setTimeoutMax(p, millis(2 * min));
    RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(p, millis(FIRST_ELECTION_MS));
    RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(p, millis(2 * FIRST_ELECTION_MS));
    // Ratis closes a server whose JVM was paused longer than this (60 s by default): a host stopped that long and
    // resumed would keep running without its replica. A paused replica must simply rejoin as a follower.
    RaftServerConfigKeys.setCloseThreshold(p, NEVER_CLOSE);
    return p;
  }

  private static TimeDuration millis(long ms) {
    return TimeDuration.valueOf(ms, TimeUnit.MILLISECONDS);
  }
}
