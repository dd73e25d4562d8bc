package io.daos.server.sysdb;

import java.nio.file.Path;
import java.util.List;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.netty.NettyConfigKeys;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServerConfigKeys;

/** Ratis properties of an MS replica: Netty RPC on the Raft address, storage dir, snapshots (keep 2). */
final class RatisConfig {
  static final int SNAPSHOTS_RETAINED = 2;

  private RatisConfig() {
  }

  static RaftProperties properties(String controlAddr, Path storageDir, long snapshotThreshold) {
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
    return p;
  }
}
