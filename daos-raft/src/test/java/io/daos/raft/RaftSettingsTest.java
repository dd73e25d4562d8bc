package io.daos.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.netty.NettyConfigKeys;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.junit.jupiter.api.Test;

class RaftSettingsTest {
  @Test
  void aPausedReplicaIsNeverClosed() {
    // Ratis closes a server after a JVM pause over 60 s by default; a SIGSTOPped process would resume without it.
    RaftProperties p = RaftSettings.of("127.0.0.1:31417", Path.of("/tmp/x"), 1024).properties();
    assertTrue(RaftServerConfigKeys.closeThreshold(p).toLong(TimeUnit.DAYS) >= 365);
  }

  @Test
  void nettyOnTheRaftAddressWithSnapshotsKeptAndTheLogPurged() {
    RaftProperties p = RaftSettings.of("10.0.0.7:10002", Path.of("/srv/control_raft"), 32).properties();
    assertEquals(SupportedRpcType.NETTY, RaftConfigKeys.Rpc.type(p, s -> { }));
    assertEquals("10.0.0.7", NettyConfigKeys.Server.host(p));
    assertEquals(10002, NettyConfigKeys.Server.port(p));
    assertEquals(List.of(new File("/srv/control_raft")), RaftServerConfigKeys.storageDir(p));
    assertTrue(RaftServerConfigKeys.Snapshot.autoTriggerEnabled(p));
    assertEquals(32, RaftServerConfigKeys.Snapshot.autoTriggerThreshold(p));
    assertEquals(2, RaftServerConfigKeys.Snapshot.retentionFileNum(p));
    assertTrue(RaftServerConfigKeys.Log.purgeUptoSnapshotIndex(p));
  }

  @Test
  void electionTimeoutsAreRandomisedUpToTwiceTheLowerBound() {
    RaftProperties p = RaftSettings.of("127.0.0.1:1", Path.of("/tmp/x"), 1).electionTimeout(Duration.ofSeconds(2))
        .firstElectionTimeout(Duration.ofMillis(200)).properties();
    assertEquals(2000, RaftServerConfigKeys.Rpc.timeoutMin(p).toLong(TimeUnit.MILLISECONDS));
    assertEquals(4000, RaftServerConfigKeys.Rpc.timeoutMax(p).toLong(TimeUnit.MILLISECONDS));
    assertEquals(200, RaftServerConfigKeys.Rpc.firstElectionTimeoutMin(p).toLong(TimeUnit.MILLISECONDS));
    assertEquals(400, RaftServerConfigKeys.Rpc.firstElectionTimeoutMax(p).toLong(TimeUnit.MILLISECONDS));
  }

  @Test
  void unsetElectionTimeoutsKeepRatisDefaults() {
    RaftProperties p = RaftSettings.of("127.0.0.1:1", Path.of("/tmp/x"), 1).properties();
    assertNull(p.getRaw(RaftServerConfigKeys.Rpc.TIMEOUT_MIN_KEY));
    assertNull(p.getRaw(RaftServerConfigKeys.Rpc.TIMEOUT_MAX_KEY));
    assertNull(p.getRaw(RaftServerConfigKeys.Rpc.FIRST_ELECTION_TIMEOUT_MIN_KEY));
    assertNull(p.getRaw(RaftServerConfigKeys.Rpc.FIRST_ELECTION_TIMEOUT_MAX_KEY));
  }
}
