package io.daos.raft;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.netty.NettyConfigKeys;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.TimeDuration;

/**
 * The Raft properties of a replica, in one place for the MS and the pool services: Netty RPC on the Raft address
 * (gRPC with mutual TLS when {@link #tls} is set: the MS replicas of a secure system), the storage dir, automatic snapshots (keep {@value #SNAPSHOTS_RETAINED}, purge the log up to the latest), never
 * closing a replica after a long JVM pause, and, when a user sets them, the randomised election timeouts.
 */
public final class RaftSettings {
  /** Ratis's close threshold for JVM pauses: effectively never. */
  public static final TimeDuration NEVER_CLOSE = TimeDuration.valueOf(3650, TimeUnit.DAYS);
  public static final int SNAPSHOTS_RETAINED = 2;

  private final String raftAddress;
  private final Path storageDir;
  private long snapshotThreshold;
  private Duration electionTimeout;
  private Duration firstElectionTimeout;
  private GrpcTlsConfig tls;

  private RaftSettings(String raftAddress, Path storageDir, long snapshotThreshold) {
    this.raftAddress = raftAddress;
    this.storageDir = storageDir;
    this.snapshotThreshold = snapshotThreshold;
  }

  /** Settings of the replica listening at {@code raftAddress} ({@code host:port}) and storing under {@code dir}. */
  public static RaftSettings of(String raftAddress, Path storageDir, long snapshotThreshold) {
    return new RaftSettings(raftAddress, storageDir, snapshotThreshold);
  }

  /** Lower bound of the randomised election timeout, the upper bound twice this (default: Ratis's). */
  public RaftSettings electionTimeout(Duration min) {
    electionTimeout = min;
    return this;
  }

  /** Lower bound of the first election's randomised timeout after start-up, upper bound twice this. */
  public RaftSettings firstElectionTimeout(Duration min) {
    firstElectionTimeout = min;
    return this;
  }

  /**
   * Raft over gRPC with mutual TLS: this replica proves itself with {@code key} and accepts only peers that
   * {@code trust} accepts, on both ends of every connection (server, client and admin calls).
   */
  public RaftSettings tls(KeyManager key, TrustManager trust) {
    tls = new GrpcTlsConfig(key, trust, true);
    return this;
  }

  /** The Ratis parameters to build the server and its clients with: the TLS configuration, if any. */
  public Parameters parameters() {
    Parameters p = new Parameters();
    if (tls != null) {
      GrpcConfigKeys.Server.setTlsConf(p, tls);
      GrpcConfigKeys.Client.setTlsConf(p, tls);
      GrpcConfigKeys.Admin.setTlsConf(p, tls);
      GrpcConfigKeys.TLS.setConf(p, tls);
    }
    return p;
  }

  public RaftProperties properties() {
    RaftProperties p = new RaftProperties();
    int colon = raftAddress.lastIndexOf(':');
    String host = raftAddress.substring(0, colon);
    int port = Integer.parseInt(raftAddress.substring(colon + 1));
    if (tls != null) {
      RaftConfigKeys.Rpc.setType(p, SupportedRpcType.GRPC);
      GrpcConfigKeys.Server.setHost(p, host);
      GrpcConfigKeys.Server.setPort(p, port);
    } else {
      RaftConfigKeys.Rpc.setType(p, SupportedRpcType.NETTY);
      NettyConfigKeys.Server.setHost(p, host);
      NettyConfigKeys.Server.setPort(p, port);
    }
    RaftServerConfigKeys.setStorageDir(p, List.of(storageDir.toFile()));
    RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
    RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, snapshotThreshold);
    RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, SNAPSHOTS_RETAINED);
    RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
    if (electionTimeout != null) {
      RaftServerConfigKeys.Rpc.setTimeoutMin(p, millis(electionTimeout.toMillis()));
      RaftServerConfigKeys.Rpc.setTimeoutMax(p, millis(2 * electionTimeout.toMillis()));
    }
    if (firstElectionTimeout != null) {
      RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(p, millis(firstElectionTimeout.toMillis()));
      RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(p, millis(2 * firstElectionTimeout.toMillis()));
    }
    // Ratis closes a server whose JVM was paused longer than this (60 s by default): a host stopped that long and
    // resumed would keep running without its replica. A paused replica must simply rejoin as a follower.
    RaftServerConfigKeys.setCloseThreshold(p, NEVER_CLOSE);
    return p;
  }

  private static TimeDuration millis(long ms) {
    return TimeDuration.valueOf(ms, TimeUnit.MILLISECONDS);
  }
}
