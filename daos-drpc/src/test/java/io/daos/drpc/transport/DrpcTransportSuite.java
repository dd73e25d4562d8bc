package io.daos.drpc.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.drpc.DrpcChunkAssembler;
import io.daos.drpc.DrpcChunks;
import io.daos.drpc.DrpcChunksTest;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcStatusException;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.drpc.server.DrpcServer;
import io.daos.proto.drpc.Call;
import io.daos.proto.drpc.Response;
import io.daos.proto.drpc.Status;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server/client behaviour, written once and run on each transport. */
abstract class DrpcTransportSuite {
  @TempDir
  Path dir;
  Path sock;
  DrpcTransport transport;
  DrpcServer server;
  final CountDownLatch release = new CountDownLatch(1);

  abstract DrpcTransport newTransport();

  DrpcRegistry registry() {
    return new DrpcRegistry()
        .register(DrpcMethod.MGMT_PING_RANK, (ctx, body) -> body)
        .register(DrpcMethod.MGMT_SET_RANK, (ctx, body) -> Long.toString(ctx.peer().pid()).getBytes())
        .register(DrpcMethod.MGMT_SET_UP, (ctx, body) -> {
          release.await(10, TimeUnit.SECONDS);
          return body;
        });
  }

  @BeforeEach
  void startServer() throws IOException {
    transport = newTransport();
    sock = dir.resolve("test.sock");
    server = DrpcServer.builder(sock, registry()).transport(transport).build();
    server.start();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.close();
  }

  DrpcClient.Builder client() {
    return DrpcClient.builder(sock).transport(transport).timeout(Duration.ofSeconds(10));
  }

  @Test
  void multiChunkBothWays() throws IOException {
    try (DrpcClient c = client().connect()) {
      for (int size : new int[] {0, 1, DrpcChunks.MAX_DATA_SIZE, DrpcChunks.MAX_DATA_SIZE + 1, 1 << 20}) {
        byte[] body = DrpcChunksTest.randomBytes(size);
        assertArrayEquals(body, c.call(DrpcMethod.MGMT_PING_RANK, body), "size " + size);
      }
    }
  }

  @Test
  void sequenceStartsAtOneAndIsEchoed() throws IOException {
    try (DrpcClient c = client().connect()) {
      Call ping = Call.newBuilder().setModule(2).setMethod(225).setSequence(99).build();
      assertEquals(1, c.call(ping).getSequence());
      assertEquals(2, c.call(ping).getSequence());
    }
  }

  @Test
  void TestServer_IntegrationNoMethod() throws IOException {
    try (DrpcClient c = client().connect()) {
      assertEquals(Status.UNKNOWN_METHOD, c.call(Call.newBuilder().setModule(2).setMethod(207).build()).getStatus());
      assertEquals(Status.UNKNOWN_MODULE, c.call(Call.newBuilder().setModule(4).setMethod(401).build()).getStatus());
      DrpcStatusException e = assertThrows(DrpcStatusException.class,
          () -> c.call(DrpcMethod.SRV_NOTIFY_READY, new byte[0]));
      assertEquals(Status.UNKNOWN_MODULE, e.status());
    }
  }

  @Test
  void handlerSeesPeerCredentials() throws IOException {
    try (DrpcClient c = client().connect()) {
      String pid = new String(c.call(DrpcMethod.MGMT_SET_RANK, new byte[0]));
      assertEquals(Long.toString(ProcessHandle.current().pid()), pid);
    }
  }

  @Test
  void garbageCallAnswersFailedUnmarshalCall() throws IOException {
    try (PacketConnection raw = transport.connect(sock)) {
      sendMessage(raw, new byte[] {(byte) 0xff, (byte) 0xff, 3});
      Response r = Response.parseFrom(receiveMessage(raw));
      assertEquals(Status.FAILED_UNMARSHAL_CALL, r.getStatus());
      assertEquals(-1, r.getSequence());
    }
  }

  @Test
  void garbageBytesCloseTheConnection() throws IOException {
    try (DrpcClient good = client().connect(); PacketConnection raw = transport.connect(sock)) {
      raw.send(ByteBuffer.wrap("hello".getBytes()));
      assertClosedByServer(raw);
      assertArrayEquals(new byte[] {9}, good.call(DrpcMethod.MGMT_PING_RANK, new byte[] {9}));
    }
  }

  @Test
  void chunkOutOfOrderClosesTheConnection() throws IOException {
    try (PacketConnection raw = transport.connect(sock)) {
      raw.send(DrpcChunks.encode(new byte[3 * DrpcChunks.MAX_DATA_SIZE]).get(1));
      assertClosedByServer(raw);
    }
  }

  @Test
  void oversizedTotalClosesTheConnection() throws IOException {
    try (PacketConnection raw = transport.connect(sock)) {
      ByteBuffer b = ByteBuffer.allocate(DrpcChunks.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
      b.putLong(1L << 40).putLong(0).putInt(0).putInt(8388608).flip();
      raw.send(b);
      assertClosedByServer(raw);
    }
  }

  @Test
  void truncatedChunkSequenceThenDisconnect() throws IOException {
    PacketConnection raw = transport.connect(sock);
    waitFor(() -> server.sessionCount() == 1);
    raw.send(DrpcChunks.encode(new byte[2 * DrpcChunks.MAX_DATA_SIZE]).get(0));
    raw.close();
    waitFor(() -> server.sessionCount() == 0);
    try (DrpcClient c = client().connect()) {
      assertArrayEquals(new byte[] {1}, c.call(DrpcMethod.MGMT_PING_RANK, new byte[] {1}));
    }
  }

  @Test
  void peerStallingMidMessageIsDisconnected() throws IOException {
    server.close();
    server = DrpcServer.builder(sock, registry()).transport(transport)
        .midMessageTimeout(Duration.ofMillis(200)).build();
    server.start();
    PacketConnection raw = transport.connect(sock);
    waitFor(() -> server.sessionCount() == 1);
    raw.send(DrpcChunks.encode(new byte[2 * DrpcChunks.MAX_DATA_SIZE]).get(0));
    assertClosedByServer(raw);
    waitFor(() -> server.sessionCount() == 0);
    raw.close();
    try (DrpcClient c = client().connect()) {
      assertArrayEquals(new byte[] {2}, c.call(DrpcMethod.MGMT_PING_RANK, new byte[] {2}));
    }
  }

  @Test
  void idleConnectionIsClosedAndTheClientReconnects() throws IOException {
    server.close();
    server = DrpcServer.builder(sock, registry()).transport(transport).idleTimeout(Duration.ofMillis(200)).build();
    server.start();
    try (PacketConnection raw = transport.connect(sock); DrpcClient c = client().connect()) {
      assertArrayEquals(new byte[] {1}, c.call(DrpcMethod.MGMT_PING_RANK, new byte[] {1}));
      assertClosedByServer(raw);
      waitFor(() -> server.sessionCount() == 0);
      assertArrayEquals(new byte[] {2}, c.call(DrpcMethod.MGMT_PING_RANK, new byte[] {2}));
    }
  }

  /** Idle connections hold no fixed worker pool: with 64 of them open, a 65th connection is served. */
  @Test
  void sixtyFourIdleConnectionsThenACallIsServed() throws IOException {
    server.close();
    server = DrpcServer.builder(sock, registry()).transport(transport).maxConnectionsPerUser(100).build();
    server.start();
    java.util.List<PacketConnection> idle = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 64; i++) {
        idle.add(transport.connect(sock));
      }
      waitFor(() -> server.sessionCount() == 64);
      try (DrpcClient c = client().connect()) {
        assertArrayEquals(new byte[] {3}, c.call(DrpcMethod.MGMT_PING_RANK, new byte[] {3}));
      }
    } finally {
      idle.forEach(PacketConnection::close);
    }
  }

  @Test
  void clientTimesOutThenReconnects() throws IOException {
    try (DrpcClient c = client().timeout(Duration.ofMillis(300)).connect()) {
      assertThrows(SocketTimeoutException.class, () -> c.call(DrpcMethod.MGMT_SET_UP, new byte[0]));
      release.countDown();
      Response r = c.call(Call.newBuilder().setModule(2).setMethod(225).build());
      assertEquals(Status.SUCCESS, r.getStatus());
      assertEquals(1, r.getSequence()); // a new connection restarts the sequence
    }
  }

  @Test
  void clientReconnectsAfterServerRestart() throws IOException {
    try (DrpcClient c = client().connect()) {
      c.call(DrpcMethod.MGMT_PING_RANK, new byte[] {1});
      server.close();
      waitFor(() -> server.sessionCount() == 0);
      server = DrpcServer.builder(sock, registry()).transport(transport).build();
      server.start();
      assertArrayEquals(new byte[] {2}, c.call(DrpcMethod.MGMT_PING_RANK, new byte[] {2}));
    }
  }

  @Test
  void TestServer_Shutdown() throws IOException {
    PacketConnection raw = transport.connect(sock);
    waitFor(() -> server.sessionCount() == 1);
    server.close();
    assertClosedByServer(raw);
    assertEquals(0, server.sessionCount());
    assertThrows(IOException.class, () -> transport.connect(sock));
    raw.close();
  }

  @Test
  void connectWithoutListenerFails() {
    assertThrows(IOException.class, () -> DrpcClient.builder(dir.resolve("nobody.sock")).transport(transport)
        .connect());
  }

  static void sendMessage(PacketConnection c, byte[] msg) throws IOException {
    for (ByteBuffer chunk : DrpcChunks.encode(msg)) {
      c.send(chunk);
    }
  }

  static byte[] receiveMessage(PacketConnection c) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(DrpcChunks.MAX_CHUNK_SIZE);
    assertTrue(c.receive(b, 10_000) >= DrpcChunks.HEADER_SIZE);
    return new DrpcChunkAssembler(1 << 20).add(b.flip());
  }

  static void assertClosedByServer(PacketConnection c) throws IOException {
    assertEquals(-1, c.receive(ByteBuffer.allocate(DrpcChunks.MAX_CHUNK_SIZE), 10_000));
  }

  /**
   * Waits until {@code cond} holds, for at most 10 s. The one poll in this module's tests: the server's session count
   * changes on its own threads and nothing announces it (adding a listener to the server for tests alone is what the
   * style rules forbid), so this looks again every millisecond until the deadline.
   */
  static void waitFor(BooleanSupplier cond) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("condition not met within 10 s");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      if (Thread.interrupted()) {
        throw new AssertionError("interrupted while waiting for a condition");
      }
    }
  }
}
