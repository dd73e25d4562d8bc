package io.daos.client.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.client.DaosClient;
import io.daos.itest.InProcessCluster;
import io.daos.itest.SharedClusters;
import io.daos.itest.TestLocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Runs the documented example against a system of real engines in this JVM. */
@ExtendWith(SharedClusters.class)
@ResourceLock(TestLocks.IN_PROCESS)
class LibdaosExampleTest {
  @Test
  void exampleRuns() throws Exception {
    InProcessCluster cluster = SharedClusters.get(new SharedClusters.Shape(4, 1, 2));
    cluster.createPool("pool1", 256L << 20, 0, 3);
    try (DaosClient client = cluster.newDaosClient()) {
      assertEquals("hello from libdaos / bytes", LibdaosExample.run(client, "pool1", "example"));
    } finally {
      cluster.destroyPool("pool1");
    }
  }
}
