package io.daos.engine.rdb;

import java.nio.file.Path;
import java.util.List;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.netty.NettyConfigKeys;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServerConfigKeys;

/** Ratis properties of an engine's pool-service server: Netty RPC on the Raft address, storage, snapshots. */
final class RdbConfig {
  /** Log entries between automatic snapshots. */
  static final long SNAPSHOT_THRESHOLD = 1024;
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
    return p;
  }
}
