package io.daos.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.agent.config.AgentConfig;
import io.daos.common.LifeCycle;
import io.daos.common.fault.Fault;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.proto.auth.GetCredResp;
import io.daos.proto.mgmt.GetAttachInfoReq;
import io.daos.proto.mgmt.GetAttachInfoResp;
import io.daos.proto.mgmt.PoolMonitorReq;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaosAgentTest {
  @TempDir
  Path dir;

  private AgentConfig config(String address) {
    return AgentConfig.defaults().withRuntimeDir(dir.resolve("run").toString())
        .withAccessPoints(List.of(address))
        .withTransport(AgentConfig.agentTransportDefaults().withAllowInsecure(true));
  }

  @Test
  void servesOnSocketWithMode0666() throws Exception {
    String address = "ms-" + UUID.randomUUID() + ":10001";
    try (FakeMs ms = new FakeMs(address);
        DaosAgent agent = DaosAgent.builder(config(address)).channelFactory(FakeMs.channels()).build()) {
      agent.start();
      assertEquals(LifeCycle.State.RUNNING, agent.state());
      Path sock = dir.resolve("run/daos_agent.sock");
      assertEquals(sock, agent.socketPath());
      assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(sock)));
      try (DrpcClient c = DrpcClient.connect(sock)) {
        GetCredResp cred = GetCredResp.parseFrom(c.call(DrpcMethod.SEC_AGENT_REQUEST_CREDS, new byte[0]));
        assertEquals(0, cred.getStatus());
        GetAttachInfoResp ai = GetAttachInfoResp.parseFrom(c.call(DrpcMethod.MGMT_GET_ATTACH_INFO,
            GetAttachInfoReq.newBuilder().setSys("daos_server").build().toByteArray()));
        assertEquals(0, ai.getStatus());
        assertEquals("lo", ai.getClientNetHint().getInterface());
        c.call(DrpcMethod.MGMT_NOTIFY_POOL_CONNECT, PoolMonitorReq.newBuilder().setPoolUUID("p1")
            .setPoolHandleUUID("h1").build().toByteArray());
        long me = ProcessHandle.current().pid();
        assertEquals(Map.of("p1", Set.of("h1")), agent.processMonitor().handles(me));
        c.call(DrpcMethod.MGMT_NOTIFY_POOL_DISCONNECT, PoolMonitorReq.newBuilder().setPoolUUID("p1")
            .setPoolHandleUUID("h1").build().toByteArray());
        assertEquals(Map.of(), agent.processMonitor().handles(me));
        c.call(DrpcMethod.MGMT_NOTIFY_POOL_CONNECT, PoolMonitorReq.newBuilder().setPoolUUID("p2")
            .setPoolHandleUUID("h2").build().toByteArray());
      }
      agent.close();
      assertEquals(LifeCycle.State.CLOSED, agent.state());
      assertFalse(Files.exists(sock));
      assertEquals(1, ms.evictCalls.size(), "auto-evict on shutdown");
      assertEquals("p2", ms.evictCalls.get(0).getId());
      assertEquals(List.of("h2"), ms.evictCalls.get(0).getHandlesList());
    }
  }

  @Test
  void secureModeIsRefusedClearly() {
    AgentConfig cfg = config("localhost:10001").withTransport(AgentConfig.agentTransportDefaults());
    DaosAgent agent = DaosAgent.builder(cfg).build();
    Fault f = assertThrows(Fault.class, agent::start);
    assertTrue(f.resolution().contains("allow_insecure"), f.resolution());
    assertEquals(LifeCycle.State.CLOSED, agent.state());
    assertFalse(Files.exists(dir.resolve("run/daos_agent.sock")));
  }
}
