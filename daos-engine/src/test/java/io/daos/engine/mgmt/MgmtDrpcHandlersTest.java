package io.daos.engine.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcStatusException;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.engine.log.EngineLogging;
import io.daos.proto.ctl.SetLogMasksReq;
import io.daos.proto.ctl.SetLogMasksResp;
import io.daos.proto.drpc.Status;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.GroupUpdateReq;
import io.daos.proto.mgmt.GroupUpdateResp;
import io.daos.proto.mgmt.PingRankReq;
import io.daos.proto.mgmt.PrepShutdownReq;
import io.daos.proto.mgmt.SetRankReq;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MgmtDrpcHandlersTest {
  private final EngineState state = new EngineState();
  private final EngineLogging logging = EngineLogging.configure(null, "ERR");
  private final io.daos.cart.PeerAuth peerAuth = io.daos.cart.PeerAuth.awaitingKey("engine 0");
  private final DrpcClient client = DrpcClient.direct(
      new MgmtDrpcHandlers("engine 0", state, logging, peerAuth).registerOn(new DrpcRegistry()));

  @AfterEach
  void restoreLogging() {
    logging.setMasks("", true);
  }

  private int daosStatus(DrpcMethod m, byte[] body) throws Exception {
    return DaosResp.parseFrom(client.call(m, body)).getStatus();
  }

  private int setRank(int rank) throws Exception {
    return daosStatus(DrpcMethod.MGMT_SET_RANK, SetRankReq.newBuilder().setRank(rank).setMapVersion(3).build()
        .toByteArray());
  }

  @Test
  void setUpBeforeSetRankFails() throws Exception {
    assertEquals(DaosStatus.UNINIT.code(), daosStatus(DrpcMethod.MGMT_SET_UP, new byte[0]));
    assertFalse(state.isSetUp());
  }

  @Test
  void setRankThenSetUp() throws Exception {
    assertTrue(state.rank().isEmpty());
    assertEquals(0, setRank(5));
    assertEquals(5, state.rank().getAsInt());
    assertEquals(3, state.mapVersion());
    assertEquals(0, daosStatus(DrpcMethod.MGMT_SET_UP, new byte[0]));
    assertTrue(state.isSetUp());
  }

  @Test
  void setRankRejectsNoRank() throws Exception {
    assertEquals(DaosStatus.INVAL.code(), setRank(-1));
    assertTrue(state.rank().isEmpty());
  }

  @Test
  void garbageBodyIsFailedUnmarshalPayload() {
    DrpcStatusException e = assertThrows(DrpcStatusException.class,
        () -> client.call(DrpcMethod.MGMT_SET_RANK, new byte[] {(byte) 0xff, (byte) 0xff}));
    assertEquals(Status.FAILED_UNMARSHAL_PAYLOAD, e.status());
  }

  @Test
  void unservedMethodIsUnknown() {
    DrpcStatusException e = assertThrows(DrpcStatusException.class,
        () -> client.call(DrpcMethod.MGMT_POOL_CREATE, new byte[0]));
    assertEquals(Status.UNKNOWN_METHOD, e.status());
  }

  @Test
  void prepShutdownAndPing() throws Exception {
    assertEquals(0, daosStatus(DrpcMethod.MGMT_PING_RANK, PingRankReq.newBuilder().setRank(1).build().toByteArray()));
    assertEquals(0, daosStatus(DrpcMethod.MGMT_PREP_SHUTDOWN,
        PrepShutdownReq.newBuilder().setRank(1).build().toByteArray()));
    assertTrue(state.isPreparingShutdown());
  }

  @Test
  void groupUpdateStoresTheMap() throws Exception {
    assertEquals(0, groupUpdate(4, 0, 1));
    assertEquals(4, state.groupMap().version());
    assertEquals("ofi+tcp://10.0.0.1:31416", state.groupMap().members().get(1).uri());
    assertEquals(0, groupUpdate(2, 7));
    assertEquals(4, state.groupMap().version(), "an older map is ignored");
    assertEquals(2, state.groupMap().members().size());
  }

  private int groupUpdate(int version, int... ranks) throws Exception {
    GroupUpdateReq.Builder b = GroupUpdateReq.newBuilder().setMapVersion(version);
    for (int r : ranks) {
      b.addEngines(GroupUpdateReq.Engine.newBuilder().setRank(r).setUri("ofi+tcp://10.0.0." + r + ":31416")
          .setIncarnation(100 + r));
    }
    return GroupUpdateResp.parseFrom(client.call(DrpcMethod.MGMT_GROUP_UPDATE, b.build().toByteArray()))
        .getStatus();
  }

  @Test
  void setLogMasksChangesTheLevel() throws Exception {
    assertEquals(Level.ERROR, logging.currentLevel());
    assertEquals(0, setLogMasks(SetLogMasksReq.newBuilder().setMasks("DEBUG")));
    assertEquals(Level.DEBUG, logging.currentLevel());
    assertEquals(0, setLogMasks(SetLogMasksReq.newBuilder().setResetMasks(true)));
    assertEquals(Level.ERROR, logging.currentLevel());
    assertEquals(DaosStatus.INVAL.code(), setLogMasks(SetLogMasksReq.newBuilder().setMasks("LOUD")));
    assertEquals(Level.ERROR, logging.currentLevel());
  }

  private int setLogMasks(SetLogMasksReq.Builder b) throws Exception {
    return SetLogMasksResp.parseFrom(client.call(DrpcMethod.MGMT_SET_LOG_MASKS, b.build().toByteArray()))
        .getStatus();
  }

  private int setRankWithKey(byte[] key) throws Exception {
    return daosStatus(DrpcMethod.MGMT_SET_RANK, SetRankReq.newBuilder().setRank(2).setMapVersion(3)
        .setFabricKey(com.google.protobuf.ByteString.copyFrom(key)).build().toByteArray());
  }

  /** jdaos: SetRank carries the system's CART-J peer key; the engine's data plane checks peers with it. */
  @Test
  void setRankInstallsTheSystemKey() throws Exception {
    assertEquals(io.daos.cart.PeerAuth.State.AWAITING, peerAuth.state());
    assertEquals(0, setRankWithKey(new byte[io.daos.cart.PeerAuth.KEY_SIZE]));
    assertEquals(io.daos.cart.PeerAuth.State.KEYED, peerAuth.state());
  }

  /** A DAOS daos_server sends no key: the engine serves server-to-server RPCs from anyone, as DAOS does. */
  @Test
  void setRankWithoutAKeyOpensTheEngine() throws Exception {
    assertEquals(0, setRank(2));
    assertEquals(io.daos.cart.PeerAuth.State.OPEN, peerAuth.state());
  }

  @Test
  void setRankWithAKeyOfTheWrongSizeIsInval() throws Exception {
    assertEquals(DaosStatus.INVAL.code(), setRankWithKey(new byte[16]));
    assertEquals(io.daos.cart.PeerAuth.State.AWAITING, peerAuth.state());
    assertTrue(state.rank().isEmpty(), "the rank is not set either");
  }
}
