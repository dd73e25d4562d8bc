package io.daos.server.sysdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.raft.RaftSettings;
import io.daos.security.tls.DaosTrustManager;
import io.daos.security.tls.PemFiles;
import io.daos.security.tls.TestCerts;
import io.daos.security.tls.TlsIdentity;
import io.daos.server.system.JoinRequest;
import io.daos.server.system.Member;
import io.daos.server.system.Membership;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.retry.RetryPolicies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MS replicas of a secure system talk Raft over mutual TLS: replication works between holders of server
 * certificates, and a peer without one (the agent's certificate of the same CA, or no TLS at all) gets nothing.
 */
class SystemDatabaseTlsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir
  static Path certDir;
  private static Path certs;

  @TempDir
  Path tmp;
  private final List<SystemDatabase> open = new ArrayList<>();

  @BeforeAll
  static void certificates() throws Exception {
    certs = TestCerts.generate(certDir);
  }

  @AfterEach
  void closeAll() {
    open.forEach(SystemDatabase::close);
  }

  private static TlsIdentity identity(String name) {
    return TlsIdentity.load(certs.resolve("daosCA.crt").toString(), certs.resolve(name + ".crt").toString(),
        certs.resolve(name + ".key").toString(), certs.resolve("clients").toString(),
        PemFiles.MAX_USER_ONLY_KEY_PERM, Clock.systemUTC());
  }

  private SystemDatabase start(String addr, List<String> replicas, Path dir) throws Exception {
    TlsIdentity server = identity("server");
    SystemDatabase db = SystemDatabase.builder().replicaAddr(addr).replicas(replicas).storageDir(dir)
        .raftTls(server.keyManagers()[0], DaosTrustManager.checkingServers(server)).build();
    open.add(db);
    db.start();
    return db;
  }

  @Test
  void replicasWithServerCertificatesReplicate() throws Exception {
    List<String> addrs = List.of(SystemDatabaseTest.freeControlAddr(), SystemDatabaseTest.freeControlAddr());
    SystemDatabase leader = start(addrs.get(0), addrs, tmp.resolve("r0"));
    SystemDatabase follower = start(addrs.get(1), addrs, tmp.resolve("r1"));
    assertTrue(leader.awaitLeader(TIMEOUT), "bootstrap replica did not lead");
    Membership ms = new Membership(leader);
    for (int i = 0; i < 2; i++) {
      ms.join(JoinRequest.builder().rank(i == 0 ? 0 : Member.NIL_RANK).uuid(UUID.randomUUID())
          .controlAddr(addrs.get(i)).primaryFabricUri("ofi+tcp://127.0.0.1:" + (41000 + i)).build());
    }
    leader.incMapVersion();
    assertTrue(follower.changes().await(() -> follower.dataVersion() == leader.dataVersion(), TIMEOUT),
        "the follower did not catch up over TLS");
    assertEquals(leader.allMembers(), follower.allMembers());
  }

  @Test
  void peerWithoutServerCertificateIsRefused() throws Exception {
    String addr = SystemDatabaseTest.freeControlAddr();
    SystemDatabase leader = start(addr, List.of(addr), tmp.resolve("r0"));
    assertTrue(leader.awaitLeader(TIMEOUT), "bootstrap replica did not lead");
    RaftGroup group = RaftGroup.valueOf(RaftPeers.GROUP_ID,
        RaftPeer.newBuilder().setId(RaftPeers.peerId(addr)).setAddress(RaftPeers.raftAddress(addr)).build());

    TlsIdentity server = identity("server");
    try (RaftClient ok = client(group, RaftSettings.of(RaftPeers.raftAddress(addr), tmp, 8)
        .tls(server.keyManagers()[0], DaosTrustManager.checkingServers(server)))) {
      assertEquals(1, ok.getGroupManagementApi(RaftPeers.peerId(addr)).list().getGroupIds().size());
    }
    TlsIdentity agent = identity("agent");
    try (RaftClient refused = client(group, RaftSettings.of(RaftPeers.raftAddress(addr), tmp, 8)
        .tls(agent.keyManagers()[0], DaosTrustManager.checkingServers(agent)))) {
      assertThrows(Exception.class, () -> refused.getGroupManagementApi(RaftPeers.peerId(addr)).list());
    }
    try (RaftClient plain = client(group, RaftSettings.of(RaftPeers.raftAddress(addr), tmp, 8))) {
      assertThrows(Exception.class, () -> plain.getGroupManagementApi(RaftPeers.peerId(addr)).list());
    }
    assertTrue(leader.isLeader(), "the refused peers changed nothing");
  }

  private static RaftClient client(RaftGroup group, RaftSettings s) {
    return RaftClient.newBuilder().setProperties(s.properties()).setParameters(s.parameters()).setRaftGroup(group)
        .setRetryPolicy(RetryPolicies.noRetry()).build();
  }
}
