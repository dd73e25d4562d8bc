package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.drpc.server.DrpcServer;
import io.daos.drpc.transport.DrpcTransport;
import io.daos.itest.InProcessCluster;
import io.daos.itest.SharedClusters;
import io.daos.itest.TestLocks;
import io.daos.proto.mgmt.GetAttachInfoReq;
import io.daos.rpc.PoolRpc;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * daos_init's bootstrap through a real daos_agent: GetAttachInfo (206) for rank URIs, RequestCreds (101) for
 * connect. A recording relay in front of the agent's socket shows what the client asked.
 */
@ExtendWith(SharedClusters.class)
@ResourceLock(TestLocks.IN_PROCESS)
class DaosClientBootstrapTest {
  private TestSystem cluster;

  /** One call the client made to the agent. */
  record Call(DrpcMethod method, byte[] body) {
  }

  @BeforeEach
  void setUp() {
    cluster = new TestSystem(SharedClusters.get(new SharedClusters.Shape(4, 1, 1)), "pool1", 256L << 20, 1);
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  @Test
  void attachInfoAndCredentialFromTheAgent(@TempDir Path dir) throws Exception {
    InProcessCluster c = SharedClusters.get(new SharedClusters.Shape(4, 1, 1));
    DaosClient.Builder real = cluster.clientBuilder();
    DrpcTransport net = c.drpcTransport();
    List<Call> calls = new CopyOnWriteArrayList<>();
    try (DrpcClient agent = DrpcClient.builder(c.agentSocket()).transport(net).connect();
        DrpcServer relay = DrpcServer.builder(dir.resolve(DaosClient.AGENT_SOCKET), relay(agent, calls))
            .transport(net).build()) {
      relay.start();
      try (DaosClient client = real.agentSocketDir(dir).systemName("daos_server").build()) {
        DaosPool pool = client.connectPool("pool1", PoolRpc.PC_RW);
        assertEquals("pool1", pool.label());
        client.connectPool("pool1", PoolRpc.PC_RO);
      }
    }
    assertEquals(DrpcMethod.MGMT_GET_ATTACH_INFO, calls.get(0).method());
    GetAttachInfoReq req = GetAttachInfoReq.parseFrom(calls.get(0).body());
    assertEquals("daos_server", req.getSys());
    assertTrue(req.getAllRanks());
    // As DAOS's dc_pool_connect: a credential from the agent for each pool connect (jdaos's are single-use).
    assertEquals(List.of(DrpcMethod.MGMT_GET_ATTACH_INFO, DrpcMethod.SEC_AGENT_REQUEST_CREDS,
        DrpcMethod.SEC_AGENT_REQUEST_CREDS), calls.stream().map(Call::method).toList());
    assertEquals(2, cluster.callsToService(PoolRpc.CONNECT), "POOL_CONNECTs with the agent's credentials succeeded");
  }

  private static DrpcRegistry relay(DrpcClient agent, List<Call> calls) {
    DrpcRegistry r = new DrpcRegistry();
    for (DrpcMethod m : List.of(DrpcMethod.MGMT_GET_ATTACH_INFO, DrpcMethod.SEC_AGENT_REQUEST_CREDS)) {
      r.register(m, (ctx, body) -> {
        calls.add(new Call(m, body));
        return agent.call(m, body);
      });
    }
    return r;
  }
}
