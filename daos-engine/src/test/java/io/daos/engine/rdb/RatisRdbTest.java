package io.daos.engine.rdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.raft.RaftChanges;
import io.daos.raft.RaftSettings;
import io.daos.raft.SharedKeyTls;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.retry.RetryPolicies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatisRdbTest {
  /** Shorter than DAOS's 7 s, so that the failover tests stay quick. */
  private static final Duration ELECTION_TIMEOUT = Duration.ofMillis(500);
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final UUID POOL = UUID.fromString("11111111-2222-3333-4444-555555555555");

  @TempDir
  Path dir;
  private final List<RdbServer> servers = new ArrayList<>();
  private final Map<Integer, String> addrs = new LinkedHashMap<>();
  /** The engines' TLS identity from the system key, or null for plain Netty. */
  private SharedKeyTls tls;

  @AfterEach
  void closeAll() {
    servers.forEach(RdbServer::close);
  }

  private RdbServer start(int rank) throws IOException {
    RdbServer s = RdbServer.start("engine " + rank, rank, addrs.get(rank), dir.resolve("rank" + rank + "/rdb"),
        TIMEOUT, ELECTION_TIMEOUT, tls);
    servers.add(s);
    return s;
  }

  private void ports(int n) throws IOException {
    for (int r = 0; r < n; r++) {
      try (ServerSocket ss = new ServerSocket(0)) {
        addrs.put(r, "127.0.0.1:" + ss.getLocalPort());
      }
    }
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Waits until {@code cond} holds, re-checking it whenever the Raft state of one of {@code rdbs} moves (an entry
   * applied, a leader heard of or ready: their {@link RaftChanges}), never on a timer; fails after {@link #TIMEOUT}.
   */
  private static void await(String what, List<RatisRdb> rdbs, BooleanSupplier cond) throws InterruptedException {
    RaftChanges any = new RaftChanges();
    rdbs.forEach(r -> r.changes().addListener(any::signal));
    if (!any.await(cond, TIMEOUT)) {
      throw new AssertionError("timed out waiting for " + what);
    }
  }

  private static RatisRdb leaderOf(List<RatisRdb> rdbs) throws InterruptedException {
    await("a leader", rdbs, () -> rdbs.stream().anyMatch(RatisRdb::isLeader));
    return rdbs.stream().filter(RatisRdb::isLeader).findFirst().orElseThrow();
  }

  @Test
  void singleReplica_commitsReadsAndReopensAfterRestart() throws Exception {
    ports(1);
    RatisRdb rdb = start(0).join(POOL, addrs);
    rdb.propose(new RdbTx().requireAbsent("pool/map").put("pool/map", b("v1")).put("pool/prop/1", b("label")));
    rdb.propose(new RdbTx().requireAbsent("pool/map").put("pool/map", b("other")));
    await("leader", List.of(rdb), rdb::isLeader);
    rdb.commit(new RdbTx().put("pool/attr/a", b("1")).put("pool/attr/b", b("2")));
    rdb.commit(new RdbTx().delete("pool/attr/b"));
    assertArrayEquals(b("v1"), rdb.get("pool/map"));
    assertEquals(List.of("pool/attr/a"), List.copyOf(rdb.scan("pool/attr/").keySet()));
    assertEquals(0, rdb.leaderHint().orElseThrow());

    servers.remove(0).close();
    RdbServer again = start(0);
    assertEquals(List.of(POOL), again.pools());
    RatisRdb reopened = again.replica(POOL).orElseThrow();
    await("leader after restart", List.of(reopened), reopened::isLeader);
    assertArrayEquals(b("v1"), reopened.get("pool/map"));
    assertArrayEquals(b("1"), reopened.get("pool/attr/a"));
    assertNull(reopened.get("pool/attr/b"));
  }

  @Test
  void commitsAfterProposalsAreAllApplied() throws Exception {
    ports(1);
    RatisRdb rdb = start(0).join(POOL, addrs);
    for (int i = 0; i < 5; i++) {
      rdb.propose(new RdbTx().requireAbsent("pool/map").put("pool/map", b("v" + i)));
    }
    await("leader", List.of(rdb), rdb::isLeader);
    for (int i = 0; i < 20; i++) {
      rdb.commit(new RdbTx().put("cont/" + i, b(Integer.toString(i))));
      assertArrayEquals(b(Integer.toString(i)), rdb.get("cont/" + i), "commit " + i + " was not applied");
    }
  }

  /** Three replicas of the pool's database, on rank 0, 1 and 2. */
  private List<RatisRdb> threeReplicas() throws IOException {
    ports(3);
    List<RatisRdb> rdbs = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      rdbs.add(start(r).join(POOL, addrs));
    }
    return rdbs;
  }

  @Test
  void threeReplicas_failoverKeepsState() throws Exception {
    failoverKeepsState();
  }

  /** The same over mutual TLS with the identity every engine derives from the system key. */
  @Test
  void threeReplicas_systemKeyTls_failoverKeepsState() throws Exception {
    tls = SharedKeyTls.fromSecret(key(1));
    failoverKeepsState();
  }

  /** A peer without the system's key (another key, or no TLS) cannot talk to a pool service's Raft port. */
  @Test
  void peerWithoutTheSystemKey_isRefused() throws Exception {
    tls = SharedKeyTls.fromSecret(key(1));
    ports(1);
    RatisRdb rdb = start(0).join(POOL, addrs);
    await("leader", List.of(rdb), rdb::isLeader);
    RaftGroup group = RaftGroup.valueOf(RdbPeers.groupId(POOL),
        RaftPeer.newBuilder().setId(RdbPeers.peerId(0)).setAddress(addrs.get(0)).build());
    try (RaftClient ok = client(group, SharedKeyTls.fromSecret(key(1)))) {
      assertEquals(List.of(RdbPeers.groupId(POOL)), ok.getGroupManagementApi(RdbPeers.peerId(0)).list()
          .getGroupIds());
    }
    try (RaftClient other = client(group, SharedKeyTls.fromSecret(key(2)))) {
      assertThrows(Exception.class, () -> other.getGroupManagementApi(RdbPeers.peerId(0)).list());
    }
    try (RaftClient plain = client(group, null)) {
      assertThrows(Exception.class, () -> plain.getGroupManagementApi(RdbPeers.peerId(0)).list());
    }
    rdb.commit(new RdbTx().put("pool/map", b("v1")));
    assertArrayEquals(b("v1"), rdb.get("pool/map"));
  }

  private RaftClient client(RaftGroup group, SharedKeyTls as) {
    RaftSettings s = RdbConfig.settings(addrs.get(0), dir.resolve("client"), ELECTION_TIMEOUT, as);
    return RaftClient.newBuilder().setProperties(s.properties()).setParameters(s.parameters()).setRaftGroup(group)
        .setRetryPolicy(RetryPolicies.noRetry()).build();
  }

  private static byte[] key(int seed) {
    byte[] k = new byte[32];
    java.util.Arrays.fill(k, (byte) seed);
    return k;
  }

  private void failoverKeepsState() throws Exception {
    List<RatisRdb> rdbs = threeReplicas();
    RatisRdb leader = leaderOf(rdbs);
    leader.commit(new RdbTx().put("pool/map", b("v1")));
    RatisRdb follower = rdbs.stream().filter(r -> r != leader).findFirst().orElseThrow();
    DaosException e = assertThrows(DaosException.class, () -> follower.get("pool/map"));
    assertEquals(DaosStatus.NOTLEADER, e.status());
    await("follower learns the leader", List.of(follower), () -> follower.leaderHint().isPresent());
    int oldLeaderRank = rdbs.indexOf(leader);
    assertEquals(oldLeaderRank, follower.leaderHint().getAsInt());

    servers.get(oldLeaderRank).close();
    List<RatisRdb> rest = new ArrayList<>(rdbs);
    rest.remove(leader);
    RatisRdb next = leaderOf(rest);
    assertArrayEquals(b("v1"), next.get("pool/map"));
    next.commit(new RdbTx().put("pool/map", b("v2")));
    assertArrayEquals(b("v2"), next.get("pool/map"));
  }

  @Test
  void transferLeadership_handsTheServiceToTheNamedReplica() throws Exception {
    List<RatisRdb> rdbs = threeReplicas();
    RatisRdb leader = leaderOf(rdbs);
    leader.commit(new RdbTx().put("pool/map", b("v1")));
    int from = rdbs.indexOf(leader);
    int to = (from + 1) % 3;
    RatisRdb follower = rdbs.get(to);
    assertEquals(DaosStatus.NOTLEADER, assertThrows(DaosException.class, () -> follower.transferLeadership(from))
        .status(), "only the leader hands over");
    assertEquals(DaosStatus.INVAL, assertThrows(DaosException.class, () -> leader.transferLeadership(7)).status(),
        "rank 7 is no replica");
    long term = leader.term();
    leader.transferLeadership(to);
    await("rank " + to + " leads", rdbs, follower::isLeader);
    assertTrue(follower.term() > term, "a new term");
    assertFalse(leader.isLeader());
    assertArrayEquals(b("v1"), follower.get("pool/map"));
    follower.commit(new RdbTx().put("pool/map", b("v2")));
    assertArrayEquals(b("v2"), follower.get("pool/map"));
  }

  @Test
  void remove_deletesTheGroupAndItsStorage() throws Exception {
    ports(1);
    RdbServer s = start(0);
    RatisRdb rdb = s.join(POOL, addrs);
    await("leader", List.of(rdb), rdb::isLeader);
    assertTrue(Files.isDirectory(dir.resolve("rank0/rdb/" + POOL)));
    assertTrue(s.remove(POOL));
    assertFalse(s.remove(POOL));
    assertTrue(s.replica(POOL).isEmpty());
    assertFalse(Files.exists(dir.resolve("rank0/rdb/" + POOL)));
  }

  @Test
  void join_refusesWhenThisRankIsNotAPeer() throws Exception {
    ports(2);
    RdbServer s = start(0);
    DaosException e = assertThrows(DaosException.class, () -> s.join(POOL, Map.of(1, addrs.get(1))));
    assertEquals(DaosStatus.INVAL, e.status());
  }
}
