package io.daos.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.LifeCycle;
import io.daos.drpc.DrpcClient;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcTransport;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.SetRankReq;
import io.daos.proto.srv.NotifyReadyReq;
import java.io.DataInputStream;
import java.io.DataOutputStream;
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
    EngineArgs args = EngineArgsParser.parse("-t", "2", "-x", "1", "-I", "1", "-d", dir.toString()).args();
    EngineEnv env = EngineEnv.from(Map.of("D_INTERFACE", "lo"));
    return new DaosEngine(args, env, EngineLogging.configure(null, "ERR"), DrpcTransport.seqpacket(), PID);
  }

  @Test
  void startsNotifiesReadyServesDrpcAndPingsThenCloses() throws Exception {
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

    assertEquals(0x1234_5678_9abc_def0L, ping(engine, 0x1234_5678_9abc_def0L));

    engine.close();
    assertEquals(LifeCycle.State.CLOSED, engine.lifeCycleState());
    assertFalse(Files.exists(sock), "engine socket removed on close");
    assertTrue(engine.awaitClose(1, TimeUnit.SECONDS));
  }

  @Test
  void dataPlaneClosesOnUnknownFrame() throws Exception {
    engine = newEngine();
    engine.start();
    try (Socket s = new Socket("127.0.0.1", engine.dataPlaneAddress().getPort())) {
      s.setSoTimeout(5000);
      s.getOutputStream().write(new byte[DataPlanePing.FRAME_SIZE]);
      assertEquals(-1, s.getInputStream().read());
    }
    assertEquals(7L, ping(engine, 7L), "the listener keeps serving");
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
        DrpcTransport.seqpacket(), PID);
    IOException e = assertThrows(IOException.class, engine::start);
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  static long ping(DaosEngine engine, long token) throws IOException {
    try (Socket s = new Socket("127.0.0.1", engine.dataPlaneAddress().getPort())) {
      s.setSoTimeout(5000);
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      out.writeInt(DataPlanePing.REQUEST_MAGIC);
      out.writeLong(token);
      out.flush();
      DataInputStream in = new DataInputStream(s.getInputStream());
      assertEquals(DataPlanePing.RESPONSE_MAGIC, in.readInt());
      return in.readLong();
    }
  }
}
