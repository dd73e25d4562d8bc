package io.daos.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.transport.CartTransports;
import io.daos.cart.CartTransport;
import io.daos.common.LifeCycle;
import io.daos.common.Uuids;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.transport.DrpcTransport;
import io.daos.engine.log.EngineLogging;
import io.daos.engine.obj.ContHandle;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolCreateResp;
import io.daos.proto.mgmt.SetRankReq;
import io.daos.proto.obj.Iod;
import io.daos.proto.obj.IodType;
import io.daos.proto.obj.ObjRwReq;
import io.daos.proto.obj.ObjTarget;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.UUID;
import io.daos.proto.srv.NotifyReadyReq;
import io.daos.rpc.ContRpc;
import io.daos.rpc.ObjRpc;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end in one JVM: a fake daos_server.sock, a real engine, real sockets. */
class DaosEngineTest {
  private static final long PID = 4242;
  private static final UUID POOL = UUID.fromString("0e0e0e0e-1111-2222-3333-444444444444");
  private static final UUID HDL = UUID.fromString("0e0e0e0e-1111-2222-3333-555555555555");

  @TempDir
  Path dir;
  private FakeServerSocket fakeServer;
  private DaosEngine engine;

  @BeforeEach
  void startFakeServer() throws IOException {
    fakeServer = FakeServerSocket.start(dir);
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
    fakeServer.close();
  }

  private DaosEngine newEngine() throws Exception {
    EngineArgs args = EngineArgsParser.parse("-t", "2", "-x", "1", "-I", "1", "-d", dir.toString(), "-s",
        dir.resolve("scm").toString()).args();
    EngineEnv env = EngineEnv.from(Map.of("D_INTERFACE", "lo"));
    return new DaosEngine(args, env, EngineLogging.configure(null, "ERR"), DrpcTransport.seqpacket(),
        CartTransports.tcp(), PID);
  }

  @Test
  void startsNotifiesReadyServesDrpcAndObjectRpcsThenCloses() throws Exception {
    engine = newEngine();
    engine.start();
    NotifyReadyReq req = fakeServer.awaitReady(10);
    Path sock = dir.resolve("daos_engine_" + PID + ".sock");
    assertEquals(sock.toString(), req.getDrpcListenerSock());
    assertEquals("ofi+tcp://127.0.0.1:" + engine.dataPlaneAddress().getPort(), req.getUri());
    assertEquals(1, req.getInstanceIdx());
    assertEquals(2, req.getNtgts());
    assertEquals(2 + 2 + 1, req.getNctxs());
    assertEquals(engine.incarnation(), req.getIncarnation());
    assertTrue(req.getIncarnation() > 0);

    try (DrpcClient c = DrpcClient.connect(sock)) {
      SetRankReq setRank = SetRankReq.newBuilder().setRank(3).setMapVersion(2).build();
      assertEquals(0, DaosResp.parseFrom(c.call(DrpcMethod.MGMT_SET_RANK, setRank.toByteArray())).getStatus());
      assertEquals(0, DaosResp.parseFrom(c.call(DrpcMethod.MGMT_SET_UP, new byte[0])).getStatus());
    }
    assertEquals(3, engine.state().rank().getAsInt());
    assertTrue(engine.state().isSetUp());

    try (DrpcClient c = DrpcClient.connect(sock)) {
      PoolCreateReq create = PoolCreateReq.newBuilder().setUuid(POOL.toString()).addRanks(3).addTierBytes(1L << 30)
          .addTierBytes(0).build();
      PoolCreateResp resp = PoolCreateResp.parseFrom(c.call(DrpcMethod.MGMT_POOL_CREATE, create.toByteArray()));
      assertEquals(0, resp.getStatus());
      assertEquals(java.util.List.of(3), resp.getSvcRepsList());
    }
    assertTrue(Files.exists(dir.resolve("scm").resolve(POOL.toString()).resolve("vos-1")));
    assertArrayEquals("v".getBytes(), updateThenFetch(engine, 1));

    engine.close();
    assertEquals(LifeCycle.State.CLOSED, engine.lifeCycleState());
    assertFalse(Files.exists(sock), "engine socket removed on close");
    assertTrue(engine.awaitClose(1, TimeUnit.SECONDS));
  }

  @Test
  void dataPlaneSurvivesGarbageAndAnswersUnknownPools() throws Exception {
    engine = newEngine();
    engine.start();
    try (Socket s = new Socket("127.0.0.1", engine.dataPlaneAddress().getPort())) {
      s.getOutputStream().write(new byte[64]);
    }
    try (CartClient client = CartClient.builder().transport(CartTransports.tcp()).build()) {
      ObjRwReq req = ObjRwReq.newBuilder().setTarget(target(engine)).setDkey(ByteString.copyFromUtf8("d")).build();
      try (CartReply r = client.callSync(engine.uri(), ObjRpc.FETCH, 0, 0,
          Unpooled.wrappedBuffer(req.toByteArray()), null, Duration.ofSeconds(10))) {
        assertEquals(DaosStatus.NONEXIST.code(), r.status(), "the listener keeps serving");
      }
    }
  }

  @Test
  void restartedEngineReopensItsPoolsWithTheirData() throws Exception {
    engine = newEngine();
    engine.start();
    engine.pools().create(POOL, new io.daos.engine.pool.PoolTiers(1L << 30, 0));
    updateThenFetch(engine, 0);
    engine.close();
    fakeServer.close();
    fakeServer = FakeServerSocket.start(dir);
    engine = newEngine();
    engine.start();
    assertEquals(java.util.List.of(POOL), engine.pools().list());
    try (CartClient client = CartClient.builder().transport(CartTransports.tcp()).build()) {
      ObjRwReq req = ObjRwReq.newBuilder().setTarget(target(engine)).setDkey(ByteString.copyFromUtf8("d"))
          .addIods(Iod.newBuilder().setAkey(ByteString.copyFromUtf8("a")).setType(IodType.IOD_SINGLE)).build();
      try (CartReply r = client.callSync(engine.uri(), ObjRpc.FETCH, 0, 0, Unpooled.wrappedBuffer(req.toByteArray()),
          null, Duration.ofSeconds(10))) {
        assertEquals(0, r.status());
        assertEquals(1, r.bulk().readableBytes());
        assertEquals('v', r.bulk().getByte(r.bulk().readerIndex()));
      }
    }
  }

  @Test
  void startFailsWithoutDaosServerAndCleansUp() throws Exception {
    fakeServer.close();
    engine = newEngine();
    IOException e = assertThrows(IOException.class, engine::start);
    assertTrue(e.getMessage().contains("daos_server.sock"), e.getMessage());
    assertEquals(LifeCycle.State.CLOSED, engine.lifeCycleState());
    assertFalse(Files.exists(dir.resolve("daos_engine_" + PID + ".sock")));
  }

  @Test
  void missingSocketDirIsClear() throws Exception {
    EngineArgs args = EngineArgsParser.parse("-d", dir.resolve("nope").toString()).args();
    engine = new DaosEngine(args, EngineEnv.from(Map.of()), EngineLogging.configure(null, "ERR"),
        DrpcTransport.seqpacket(), CartTransports.tcp(), PID);
    IOException e = assertThrows(IOException.class, engine::start);
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  /**
   * Object 1 of container POOL, through handle HDL, which the engine is told about as the container service would
   * (object RPCs need an open container handle).
   */
  private static ObjTarget target(DaosEngine engine) {
    engine.handles().put(POOL, new ContHandle(HDL, POOL, ContRpc.CAPA_READ_DATA | ContRpc.CAPA_WRITE_DATA,
        ContRpc.COO_RW));
    return ObjTarget.newBuilder().setPoolUuid(Uuids.toByteString(POOL)).setContUuid(Uuids.toByteString(POOL))
        .setContHdl(Uuids.toByteString(HDL))
        .setOidLo(1).build();
  }

  /** Writes "v" to a single value through the engine's CART-J server on {@code tgt}, then reads it back. */
  static byte[] updateThenFetch(DaosEngine engine, int tgt) throws Exception {
    ObjTarget t = target(engine);
    Iod iod = Iod.newBuilder().setAkey(ByteString.copyFromUtf8("a")).setType(IodType.IOD_SINGLE).setSize(1)
        .setDataLen(1).build();
    ObjRwReq req = ObjRwReq.newBuilder().setTarget(t).setDkey(ByteString.copyFromUtf8("d")).addIods(iod).build();
    try (CartClient client = CartClient.builder().transport(CartTransports.tcp()).build()) {
      try (CartReply r = client.callSync(engine.uri(), ObjRpc.UPDATE, tgt, 0,
          Unpooled.wrappedBuffer(req.toByteArray()), Unpooled.wrappedBuffer("v".getBytes()), Duration.ofSeconds(10))) {
        assertEquals(0, r.status());
      }
      try (CartReply r = client.callSync(engine.uri(), ObjRpc.FETCH, tgt, 0,
          Unpooled.wrappedBuffer(req.toByteArray()), null, Duration.ofSeconds(10))) {
        assertEquals(0, r.status());
        byte[] b = new byte[r.bulk().readableBytes()];
        r.bulk().getBytes(r.bulk().readerIndex(), b);
        return b;
      }
    }
  }
}
