package io.daos.server.sysdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.junit.jupiter.api.Test;

class RatisConfigTest {
  @Test
  void aPausedReplicaIsNeverClosedAndElectionsFollowDaosTiming() {
    RaftProperties p = RatisConfig.properties("127.0.0.2:10001", Path.of("/tmp/x"), 1000, Duration.ofSeconds(2));
    // A host SIGSTOPped for longer than Ratis's 60 s default lost its MS replica for good after SIGCONT.
    assertTrue(RaftServerConfigKeys.closeThreshold(p).toLong(TimeUnit.DAYS) >= 365);
    assertEquals(2000, RaftServerConfigKeys.Rpc.timeoutMin(p).toLong(TimeUnit.MILLISECONDS));
    assertEquals(4000, RaftServerConfigKeys.Rpc.timeoutMax(p).toLong(TimeUnit.MILLISECONDS));
  }
}
