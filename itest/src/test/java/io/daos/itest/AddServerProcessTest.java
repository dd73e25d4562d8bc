package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@link MiniDaosCluster#addServer()} on real processes: a freshly formatted daos_server joins a running one-host
 * system; its engine gets the next rank and is joined at its own control address. (The in-process form is used by
 * ExtendSimpleTest.)
 */
@ResourceLock(TestLocks.PROCESSES)
class AddServerProcessTest {
  @TempDir
  Path dir;

  @Test
  @Timeout(300)
  void freshlyFormattedHostJoinsTheRunningSystem() throws Exception {
    try (MiniDaosCluster cluster = MiniDaosCluster.builder(dir).servers(1).engines(1).replicas(1).start()) {
      cluster.waitForReady();
      int host = cluster.addServer();
      assertEquals(1, host);
      assertEquals(2, cluster.size());
      Map<Integer, String> addrs = new TreeMap<>();
      for (Map.Entry<Integer, JsonObject> m : cluster.members().entrySet()) {
        assertEquals("joined", m.getValue().get("state").getAsString(), m.getValue().toString());
        addrs.put(m.getKey(), m.getValue().get("addr").getAsString());
      }
      assertEquals(Map.of(0, cluster.hostAddrs().get(0), 1, cluster.hostAddrs().get(1)), addrs);
    }
  }
}
