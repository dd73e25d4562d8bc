package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.client.fake.FakeCluster;
import io.daos.client.fake.FakePoolService;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.rpc.PoolRpc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pool connect through MGMT_POOL_FIND and the service replicas; pool query, attributes, disconnect. */
class PoolConnectTest {
  private FakeCluster cluster;
  private DaosClient client;

  private DaosPool connect(List<Integer> replicas, int leader, String id) {
    cluster = new FakeCluster(4, 1, replicas, leader);
    client = cluster.clientBuilder().build();
    return client.connectPool(id, PoolRpc.PC_RW);
  }

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
    cluster.close();
  }

  @Test
  void leaderRedirectOnNotLeader() {
    DaosPool p = connect(List.of(0, 1, 2), 2, "pool1");
    assertEquals(FakePoolService.POOL, p.uuid());
    assertEquals(1, cluster.calls(0, PoolRpc.CONNECT), "the first replica answered NOTLEADER with a hint");
    assertEquals(0, cluster.calls(1, PoolRpc.CONNECT), "the hint skips replica 1");
    assertEquals(1, cluster.calls(2, PoolRpc.CONNECT));
    p.query();
    assertEquals(2, cluster.calls(2, PoolRpc.QUERY) + cluster.calls(2, PoolRpc.CONNECT),
        "later calls go straight to the leader");
    assertEquals(0, cluster.calls(0, PoolRpc.QUERY));
  }

  @Test
  void nextReplicaWithoutHintOrOnNotReplica() {
    cluster = new FakeCluster(4, 1, List.of(3, 0, 1), 1);
    cluster.service().sendHints(false);
    cluster.stop(3);
    client = cluster.clientBuilder().build();
    DaosPool p = client.connectPool(FakePoolService.POOL.toString(), PoolRpc.PC_RO);
    assertEquals("pool1", p.label());
    assertEquals(1, cluster.calls(0, PoolRpc.CONNECT), "rank 0 said NOTLEADER without a hint");
    assertEquals(1, cluster.calls(1, PoolRpc.CONNECT));
  }

  @Test
  void unknownPool() {
    cluster = new FakeCluster(2, 1, List.of(0), 0);
    client = cluster.clientBuilder().build();
    DaosException e = assertThrows(DaosException.class, () -> client.connectPool("nope", PoolRpc.PC_RW));
    assertEquals(DaosStatus.NONEXIST, e.status());
    assertEquals(DaosStatus.INVAL, assertThrows(DaosException.class, () -> client.connectPool("pool1", 8)).status());
  }

  @Test
  void serviceUnreachableGivesUp() {
    cluster = new FakeCluster(3, 1, List.of(1, 2), 1);
    cluster.stop(1);
    cluster.stop(2);
    client = cluster.clientBuilder().build();
    DaosException e = assertThrows(DaosException.class, () -> client.connectPool("pool1", PoolRpc.PC_RW));
    assertEquals(DaosStatus.UNREACH, e.status());
    assertTrue(e.getMessage().contains("attempts"), e.getMessage());
  }

  @Test
  void queryAttributesAndDisconnect() {
    DaosPool p = connect(List.of(0), 0, "pool1");
    PoolInfo info = p.query();
    assertEquals(1, info.mapVersion());
    assertEquals(List.of(0, 1, 2, 3), info.ranks());
    assertEquals(4, info.targets());
    assertEquals(1L << 30, info.tiers().get(0).total());
    assertEquals(4, p.poolMap().targetCount());
    p.setAttributes(Map.of("color", "blue".getBytes()));
    assertEquals(List.of("color"), p.listAttributes());
    assertArrayEquals("blue".getBytes(), p.getAttributes(List.of("color")).get("color"));
    assertEquals(DaosStatus.NONEXIST, assertThrows(DaosException.class,
        () -> p.getAttributes(List.of("size"))).status());
    p.deleteAttributes(List.of("color"));
    assertEquals(List.of(), p.listAttributes());
    p.disconnect();
    assertEquals(DaosStatus.NO_HDL, assertThrows(DaosException.class, p::query).status());
  }
}
