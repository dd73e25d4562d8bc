package io.daos.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.agent.config.AgentConfig;
import io.daos.drpc.DrpcChunks;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.PeerCredentials;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.transport.InMemoryTransport;
import io.daos.drpc.transport.PacketConnection;
import io.daos.proto.mgmt.GetAttachInfoReq;
import io.daos.proto.mgmt.GetAttachInfoResp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's socket is open to every user: what one user sends or holds must not stop the agent serving others. */
class HostileClientTest {
  private static final PeerCredentials MALLORY = new PeerCredentials(7001, 1666, 1666);
  private static final PeerCredentials ALICE = new PeerCredentials(7002, 1000, 1000);

  @TempDir
  Path dir;
  private final InMemoryTransport transport = new InMemoryTransport();
  private final List<PacketConnection> held = new ArrayList<>();
  private FakeMs ms;
  private DaosAgent agent;

  @BeforeEach
  void start() throws Exception {
    String address = "ms-" + UUID.randomUUID() + ":10001";
    ms = new FakeMs(address);
    agent = DaosAgent.builder(AgentConfig.defaults().withRuntimeDir(dir.resolve("run").toString())
        .withAccessPoints(List.of(address))
        .withTransport(AgentConfig.agentTransportDefaults().withAllowInsecure(true)))
        .channelFactory(FakeMs.channels()).drpcTransport(transport).build();
    agent.start();
  }

  @AfterEach
  void stop() {
    held.forEach(PacketConnection::close);
    agent.close();
    ms.close();
  }

  private int attachInfoAs(PeerCredentials who) throws Exception {
    try (DrpcClient c = DrpcClient.builder(agent.socketPath()).transport(transport.as(who))
        .timeout(Duration.ofSeconds(10)).connect()) {
      return GetAttachInfoResp.parseFrom(c.call(DrpcMethod.MGMT_GET_ATTACH_INFO,
          GetAttachInfoReq.newBuilder().setSys("daos_server").build().toByteArray())).getStatus();
    }
  }

  @Test
  void sixtyFourIdleConnectionsFromAnotherUserDoNotStopTheAgentServingOthers() throws Exception {
    for (int i = 0; i < 64; i++) {
      held.add(transport.as(MALLORY).connect(agent.socketPath()));
    }
    assertEquals(0, attachInfoAs(ALICE));
  }

  /** A 25-byte packet announcing 64 MiB: over the agent's 1 MiB limit, so the connection is closed at once. */
  @Test
  void announced64MiBMessageIsRefused() throws Exception {
    for (int i = 0; i < 60; i++) {
      PacketConnection c = transport.as(MALLORY).connect(agent.socketPath());
      held.add(c);
      ByteBuffer b = ByteBuffer.allocate(DrpcChunks.HEADER_SIZE + 1).order(ByteOrder.LITTLE_ENDIAN);
      b.putLong(64L << 20).putLong(1).putInt(0).putInt(513).put((byte) 0).flip();
      c.send(b);
      assertEquals(-1, c.receive(ByteBuffer.allocate(DrpcChunks.MAX_CHUNK_SIZE), 10_000), "closed by the agent");
    }
    assertEquals(0, attachInfoAs(ALICE));
  }
}
