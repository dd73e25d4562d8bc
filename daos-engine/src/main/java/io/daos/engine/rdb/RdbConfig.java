package io.daos.engine.rdb;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.netty.NettyConfigKeys;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.TimeDuration;

/** Ratis properties of an engine's pool-service server: Netty RPC on the Raft address, storage, snapshots. */
final class RdbConfig {
  /** Log entries between automatic snapshots. */
  static final long SNAPSHOT_THRESHOLD = 1024;
  /** Ratis's close threshold for JVM pauses: effectively never. */
  static final TimeDuration NEVER_CLOSE = TimeDuration.valueOf(3650, TimeUnit.DAYS);
  static final int SNAPSHOTS_RETAINED = 2;

  private RdbConfig() {
  }

  static RaftProperties properties(String raftAddress, Path storageDir) {
    int colon = raftAddress.lastIndexOf(':');
    RaftProperties p = new RaftProperties();
    RaftConfigKeys.Rpc.setType(p, SupportedRpcType.NETTY);
    NettyConfigKeys.Server.setHost(p, raftAddress.substring(0, colon));
    NettyConfigKeys.Server.setPort(p, Integer.parseInt(raftAddress.substring(colon + 1)));
    RaftServerConfigKeys.setStorageDir(p, List.of(storageDir.toFile()));
    RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
    RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, SNAPSHOT_THRESHOLD);
    RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, SNAPSHOTS_RETAINED);
    RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
    // Ratis closes a server whose JVM was paused longer than this (60 s by default): a host stopped that long and
    // resumed would keep running without its replica. A paused replica must simply rejoin as a follower.
    RaftServerConfigKeys.setCloseThreshold(p, NEVER_CLOSE);
    return p;
  }
}
