package io.daos.engine.rdb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.junit.jupiter.api.Test;

class RdbConfigTest {
  @Test
  void aPausedEngineKeepsItsPoolServiceReplica() {
    // Ratis closes a server after a JVM pause over 60 s by default; a SIGSTOPped engine would resume without it.
    assertTrue(RaftServerConfigKeys.closeThreshold(RdbConfig.properties("127.0.0.1:31417", Path.of("/tmp/x")))
        .toLong(TimeUnit.DAYS) >= 365);
  }
}
