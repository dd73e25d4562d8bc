package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.client.pool.PoolInfo;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.itest.SharedClusters;
import io.daos.itest.TestLocks;
import io.daos.rpc.PoolRpc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Pool connect through MGMT_POOL_FIND and the service replicas; pool query, attributes, disconnect. Four ranks of
 * one target each; the replicas and their leader are what the MS and the pool service's Raft chose, so the
 * redirect cases look them up first.
 */
@ExtendWith(SharedClusters.class)
@ResourceLock(TestLocks.IN_PROCESS)
class PoolConnectTest {
  private static final SharedClusters.Shape SHAPE = new SharedClusters.Shape(4, 1, 1);
  private static final int TRIES = 6;

  private TestSystem cluster;
  private DaosClient client;

  private TestSystem system(int svc) {
    cluster = new TestSystem(SharedClusters.get(SHAPE), "pool1", 256L << 20, svc);
    return cluster;
  }

  /** A 3-replica pool whose leader is not the replica clients try first (Raft elects freely: retried a few times). */
  private PoolInfo poolLedByALaterReplica() {
    PoolInfo info = null;
    for (int i = 0; i < TRIES; i++) {
      info = system(3).probe();
      if (info.leader() != info.serviceReplicas().get(0) || i == TRIES - 1) {
        break;
      }
      cluster.close();
    }
    cluster.resetCalls();
    return info;
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
    PoolInfo info = poolLedByALaterReplica();
    List<Integer> reps = info.serviceReplicas();
    int leader = info.leader();
    client = cluster.clientBuilder().build();
    DaosPool p = client.connectPool("pool1", PoolRpc.PC_RW);
    assertEquals(cluster.poolUuid(), p.uuid());
    if (leader != reps.get(0)) {
      assertEquals(1, cluster.calls(reps.get(0), PoolRpc.CONNECT), "the first replica answered NOTLEADER with a hint");
      for (int r : reps.subList(1, reps.indexOf(leader))) {
        assertEquals(0, cluster.calls(r, PoolRpc.CONNECT), "the hint skips replica " + r);
      }
    }
    assertEquals(1, cluster.calls(leader, PoolRpc.CONNECT));
    p.query();
    assertEquals(2, cluster.calls(leader, PoolRpc.QUERY) + cluster.calls(leader, PoolRpc.CONNECT),
        "later calls go straight to the leader");
    assertEquals(0, cluster.calls(reps.get(0) == leader ? reps.get(1) : reps.get(0), PoolRpc.QUERY));
  }

  @Test
  void nextReplicaWithoutHintOrOnNotReplica() {
    PoolInfo info = poolLedByALaterReplica();
    int first = info.serviceReplicas().get(0);
    cluster.stop(first == info.leader() ? info.serviceReplicas().get(1) : first);
    cluster.resetCalls();
    client = cluster.clientBuilder().build();
    DaosPool p = client.connectPool(cluster.poolUuid().toString(), PoolRpc.PC_RO);
    assertEquals("pool1", p.label());
    assertEquals(1, cluster.calls(info.leader(), PoolRpc.CONNECT), "the leader answered once");
  }

  @Test
  void unknownPool() {
    system(1);
    client = cluster.clientBuilder().build();
    DaosException e = assertThrows(DaosException.class, () -> client.connectPool("nope", PoolRpc.PC_RW));
    assertEquals(DaosStatus.NONEXIST, e.status());
    assertEquals(DaosStatus.INVAL, assertThrows(DaosException.class, () -> client.connectPool("pool1", 8)).status());
  }

  @Test
  void serviceUnreachableGivesUp() {
    system(1);
    cluster.stop(cluster.serviceReplicas().get(0));
    // A short policy: the default waits out a pool service election (about a minute with one replica).
    client = cluster.clientBuilder().retryPolicy(new io.daos.client.pool.RetryPolicy(6, java.time.Duration.ofMillis(20),
        java.time.Duration.ofMillis(100))).build();
    DaosException e = assertThrows(DaosException.class, () -> client.connectPool("pool1", PoolRpc.PC_RW));
    assertEquals(DaosStatus.UNREACH, e.status());
    assertTrue(e.getMessage().contains("attempts"), e.getMessage());
  }

  @Test
  void queryAttributesAndDisconnect() {
    system(1);
    client = cluster.clientBuilder().build();
    DaosPool p = client.connectPool("pool1", PoolRpc.PC_RW);
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
