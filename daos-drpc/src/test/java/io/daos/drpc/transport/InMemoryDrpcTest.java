package io.daos.drpc.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.daos.drpc.DrpcMethod;
import io.daos.drpc.PeerCredentials;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.server.DrpcServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryDrpcTest extends DrpcTransportSuite {
  private static final PeerCredentials OTHER_USER = new PeerCredentials(4242, 1001, 1001);
  private static final PeerCredentials SOME_USER = new PeerCredentials(4343, 1002, 1002);

  @Override
  DrpcTransport newTransport() {
    return new InMemoryTransport();
  }

  private InMemoryTransport as(PeerCredentials peer) {
    return ((InMemoryTransport) transport).as(peer);
  }

  /** The reported problem: 64 idle connections from another user made every other client's calls fail. */
  @Test
  void sixtyFourIdleConnectionsFromAnotherUserDoNotStopTheOthers() throws IOException {
    List<PacketConnection> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 64; i++) {
        idle.add(as(OTHER_USER).connect(sock));
      }
      waitFor(() -> server.sessionCount() == 64);
      try (DrpcClient c = DrpcClient.builder(sock).transport(as(SOME_USER)).timeout(Duration.ofSeconds(10))
          .connect()) {
        assertArrayEquals(new byte[] {5}, c.call(DrpcMethod.MGMT_PING_RANK, new byte[] {5}));
      }
    } finally {
      idle.forEach(PacketConnection::close);
    }
  }

  @Test
  void connectionOverTheUsersCapIsClosedOthersServed() throws IOException {
    server.close();
    server = DrpcServer.builder(sock, registry()).transport(transport).maxConnectionsPerUser(4).build();
    server.start();
    List<PacketConnection> held = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        held.add(as(OTHER_USER).connect(sock));
      }
      waitFor(() -> server.sessionCount() == 4);
      try (PacketConnection fifth = as(OTHER_USER).connect(sock)) {
        assertClosedByServer(fifth);
      }
      try (DrpcClient c = DrpcClient.builder(sock).transport(as(SOME_USER)).timeout(Duration.ofSeconds(10))
          .connect()) {
        assertArrayEquals(new byte[] {6}, c.call(DrpcMethod.MGMT_PING_RANK, new byte[] {6}));
      }
      held.remove(0).close();
      waitFor(() -> server.sessionCount() == 3);
      try (DrpcClient c = DrpcClient.builder(sock).transport(as(OTHER_USER)).timeout(Duration.ofSeconds(10))
          .connect()) {
        assertArrayEquals(new byte[] {7}, c.call(DrpcMethod.MGMT_PING_RANK, new byte[] {7}));
      }
    } finally {
      held.forEach(PacketConnection::close);
    }
  }
}
