package io.daos.server.sysdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.junit.jupiter.api.Test;

class RatisConfigTest {
  /** Every property an MS replica set before it moved onto daos-raft's RaftSettings (threshold 32, 2 s elections). */
  private static final Map<String, String> BEFORE_RAFT_SETTINGS = Map.ofEntries(
      Map.entry("raft.netty.server.host", "127.0.0.2"),
      Map.entry("raft.netty.server.port", "10002"),
      Map.entry("raft.rpc.type", "NETTY"),
      Map.entry("raft.server.close.threshold", "3650day"),
      Map.entry("raft.server.log.purge.upto.snapshot.index", "true"),
      Map.entry("raft.server.rpc.first-election.timeout.max", "400ms"),
      Map.entry("raft.server.rpc.first-election.timeout.min", "200ms"),
      Map.entry("raft.server.rpc.timeout.max", "4000ms"),
      Map.entry("raft.server.rpc.timeout.min", "2000ms"),
      Map.entry("raft.server.snapshot.auto.trigger.enabled", "true"),
      Map.entry("raft.server.snapshot.auto.trigger.threshold", "32"),
      Map.entry("raft.server.snapshot.retention.file.num", "2"),
      Map.entry("raft.server.storage.dir", "/tmp/x"));

  @Test
  void aPausedReplicaIsNeverClosedAndElectionsFollowDaosTiming() {
    RaftProperties p = RatisConfig.settings("127.0.0.2:10001", Path.of("/tmp/x"), 1000, Duration.ofSeconds(2))
        .properties();
    // A host SIGSTOPped for longer than Ratis's 60 s default lost its MS replica for good after SIGCONT.
    assertTrue(RaftServerConfigKeys.closeThreshold(p).toLong(TimeUnit.DAYS) >= 365);
    assertEquals(2000, RaftServerConfigKeys.Rpc.timeoutMin(p).toLong(TimeUnit.MILLISECONDS));
    assertEquals(4000, RaftServerConfigKeys.Rpc.timeoutMax(p).toLong(TimeUnit.MILLISECONDS));
  }

  @Test
  void propertiesAreTheSameKeyByKeyAsBeforeTheSharedRaftSettings() {
    RaftProperties p = RatisConfig.settings("127.0.0.2:10001", Path.of("/tmp/x"), 32,
        RatisConfig.DEFAULT_ELECTION_TIMEOUT).properties();
    BEFORE_RAFT_SETTINGS.forEach((k, v) -> assertEquals(v, p.getRaw(k), k));
    assertEquals(BEFORE_RAFT_SETTINGS.size(), p.size(), "no property added");
  }

  @Test
  void aShorterElectionTimeoutKeepsTheFirstElectionAt200To400Ms() {
    RaftProperties p = RatisConfig.settings("127.0.0.2:10001", Path.of("/tmp/x"), 1000, Duration.ofMillis(750))
        .properties();
    assertEquals("750ms", p.getRaw("raft.server.rpc.timeout.min"));
    assertEquals("1500ms", p.getRaw("raft.server.rpc.timeout.max"));
    assertEquals("200ms", p.getRaw("raft.server.rpc.first-election.timeout.min"));
    assertEquals("400ms", p.getRaw("raft.server.rpc.first-election.timeout.max"));
    assertEquals("1000", p.getRaw("raft.server.snapshot.auto.trigger.threshold"));
  }
}
