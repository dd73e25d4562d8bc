package io.daos.engine.rdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.junit.jupiter.api.Test;

class RdbConfigTest {
  private static final Duration ELECTION = Duration.ofMillis(7000);
  /** Every property the pool service set before it moved onto daos-raft's RaftSettings, as Ratis stores it. */
  private static final Map<String, String> BEFORE_RAFT_SETTINGS = Map.of(
      "raft.netty.server.host", "127.0.0.1",
      "raft.netty.server.port", "31417",
      "raft.rpc.type", "NETTY",
      "raft.server.close.threshold", "3650day",
      "raft.server.log.purge.upto.snapshot.index", "true",
      "raft.server.snapshot.auto.trigger.enabled", "true",
      "raft.server.snapshot.auto.trigger.threshold", "1024",
      "raft.server.snapshot.retention.file.num", "2",
      "raft.server.storage.dir", "/tmp/x");

  @Test
  void aPausedEngineKeepsItsPoolServiceReplica() {
    // Ratis closes a server after a JVM pause over 60 s by default; a SIGSTOPped engine would resume without it.
    assertTrue(RaftServerConfigKeys.closeThreshold(RdbConfig.settings("127.0.0.1:31417", Path.of("/tmp/x"), ELECTION, null).properties())
        .toLong(TimeUnit.DAYS) >= 365);
  }

  @Test
  void electionsFollowDaosRdb() {
    RaftProperties p = RdbConfig.settings("127.0.0.1:31417", Path.of("/tmp/x"), ELECTION, null).properties();
    assertEquals(7000, RaftServerConfigKeys.Rpc.timeoutMin(p).toLong(TimeUnit.MILLISECONDS));
    assertEquals(14000, RaftServerConfigKeys.Rpc.timeoutMax(p).toLong(TimeUnit.MILLISECONDS));
    assertEquals(200, RaftServerConfigKeys.Rpc.firstElectionTimeoutMin(p).toLong(TimeUnit.MILLISECONDS));
  }

  @Test
  void propertiesAreTheSameKeyByKeyAsBeforeTheSharedRaftSettingsPlusElections() {
    RaftProperties p = RdbConfig.settings("127.0.0.1:31417", Path.of("/tmp/x"), ELECTION, null).properties();
    BEFORE_RAFT_SETTINGS.forEach((k, v) -> assertEquals(v, p.getRaw(k), k));
    assertEquals(BEFORE_RAFT_SETTINGS.size() + 4, p.size(), "no property added but the election timeouts");
  }
}
