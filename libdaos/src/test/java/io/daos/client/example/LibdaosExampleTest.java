package io.daos.client.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.client.DaosClient;
import io.daos.client.fake.FakeCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the documented example against the fake system. */
class LibdaosExampleTest {
  @Test
  void exampleRuns() {
    try (FakeCluster cluster = new FakeCluster(3, 2, List.of(0, 1, 2), 1);
         DaosClient client = cluster.clientBuilder().build()) {
      assertEquals("hello from libdaos / bytes", LibdaosExample.run(client, "pool1", "example"));
    }
  }
}
