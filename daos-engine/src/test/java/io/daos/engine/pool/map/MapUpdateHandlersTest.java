package io.daos.engine.pool.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.CartServer;
import io.daos.cart.Opcode;
import io.daos.cart.transport.CartTransports;
import io.daos.common.Uuids;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.svc.PoolInit;
import io.daos.engine.pool.svc.PoolProps;
import io.daos.engine.pool.svc.PoolService;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.engine.rdb.InMemoryRdb;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolProperty;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolOp;
import io.daos.proto.pool.PoolTgtAddr;
import io.daos.proto.pool.PoolTgtUpdateReply;
import io.daos.proto.pool.PoolTgtUpdateReq;
import io.daos.rpc.PoolRpc;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POOL_EXCLUDE / DRAIN / REINT / ADD_IN / EXCLUDE_OUT over CART-J (DAOS ds_pool_update_handler). */
class MapUpdateHandlersTest {
  static final UUID POOL = UUID.fromString("dddddddd-0000-0000-0000-00000000000d");

  private final PoolServices services = new PoolServices("test", () -> null);
  private final List<PoolMap> pushed = new CopyOnWriteArrayList<>();
  private final List<String> discarded = new CopyOnWriteArrayList<>();
  private InMemoryRdb rdb;
  private PoolService svc;
  private CartServer server;
  private CartClient client;

  @BeforeEach
  void start() {
    PoolCreateReq create = PoolCreateReq.newBuilder().setUuid(POOL.toString()).addAllRanks(List.of(0, 1, 2))
        .addProperties(PoolProperty.newBuilder().setNumber(PoolProps.SVC_LIST).setStrval("[0]")).build();
    rdb = new InMemoryRdb(POOL, 0);
    svc = services.add(new PoolService(POOL, rdb, () -> List.of(0)));
    svc.initialize(PoolInit.tx(create, 2, Map.of()));
    server = CartServer.builder().transport(CartTransports.tcp()).uri("ofi+tcp://127.0.0.1:0").name("map-test")
        .build();
    client = CartClient.builder().transport(CartTransports.tcp()).build();
    new MapUpdateHandlers("test", services, new PoolMapChanges("test", () -> 0, (s, m) -> pushed.add(m)), client,
        rank -> java.util.Optional.of(server.uri()), Duration.ofSeconds(10)).registerOn(server);
    server.register(io.daos.rpc.RebuildRpc.POOL_TGT_DISCARD, (req, reply) -> {
      try {
        io.daos.proto.rebuild.PoolTgtDiscardReq q = io.daos.proto.rebuild.PoolTgtDiscardReq.parseFrom(
            req.body().nioBuffer());
        PoolMap now = svc.map();
        q.getAddrsList().forEach(a -> discarded.add(a.getRank() + ":" + a.getTgt() + " state "
            + now.getRanks(a.getRank()).getTargets(a.getTgt()).getState() + " map " + now.getVersion()));
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        throw new AssertionError(e);
      }
      reply.reply(0, 0, Unpooled.wrappedBuffer(io.daos.proto.rebuild.PoolTgtDiscardReply.newBuilder().build()
          .toByteArray()), null);
    });
    server.start();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    services.close();
  }

  private PoolTgtUpdateReply call(Opcode opc, int rank, int target) throws Exception {
    PoolTgtUpdateReq req = PoolTgtUpdateReq.newBuilder().setOp(PoolOp.newBuilder()
        .setPoolUuid(Uuids.toByteString(POOL))).addAddrs(PoolTgtAddr.newBuilder().setRank(rank).setTarget(target))
        .build();
    try (CartReply r = client.callSync(server.uri(), opc, 0, 0, Unpooled.wrappedBuffer(req.toByteArray()), null,
        Duration.ofSeconds(10))) {
      return PoolTgtUpdateReply.parseFrom(r.bodyBytes());
    }
  }

  @Test
  void excludeDrainReintAndFinishStepsAtTheLeader() throws Exception {
    PoolTgtUpdateReply ex = call(PoolRpc.EXCLUDE, 1, -1);
    assertEquals(0, ex.getOp().getStatus());
    assertEquals(3, ex.getOp().getMapVersion(), "both targets of rank 1");
    assertEquals(0, call(PoolRpc.DRAIN, 2, 0).getOp().getStatus());
    assertEquals(0, call(PoolRpc.EXCLUDE_OUT, 2, 0).getOp().getStatus());
    assertEquals(List.of(), discarded);
    assertEquals(0, call(PoolRpc.REINT, 1, 1).getOp().getStatus());
    assertEquals(List.of("1:1 state 8 map 5"), discarded, "data_sync: the DOWN target is emptied before it is UP");
    assertEquals(2, svc.map().getRanks(1).getTargets(1).getState(), "then UP");
    PoolTgtUpdateReply in = call(PoolRpc.ADD_IN, 1, 1);
    assertEquals(7, in.getOp().getMapVersion());
    PoolMap m = svc.map();
    assertEquals(List.of(8, 4), m.getRanks(1).getTargetsList().stream().map(t -> t.getState()).toList());
    assertEquals(16, m.getRanks(2).getTargets(0).getState());
    assertEquals(5, pushed.size(), "every change is pushed");
  }

  @Test
  void errorsCarryTheDaosStatus() throws Exception {
    assertEquals(DaosStatus.NONEXIST.code(), call(PoolRpc.EXCLUDE, 5, -1).getOp().getStatus());
    assertEquals(DaosStatus.NONEXIST.code(), call(PoolRpc.DRAIN, 0, 2).getOp().getStatus());
    call(PoolRpc.EXCLUDE, 0, 0);
    call(PoolRpc.REINT, 0, 0);
    assertEquals(DaosStatus.BUSY.code(), call(PoolRpc.DRAIN, 0, 0).getOp().getStatus());
  }

  @Test
  void followerAnswersNotLeader() throws Exception {
    rdb.setLeader(false);
    PoolTgtUpdateReply r = call(PoolRpc.EXCLUDE, 1, 0);
    assertEquals(DaosStatus.NOTLEADER.code(), r.getOp().getStatus());
    rdb.setLeader(true);
    assertEquals(1, svc.map().getVersion());
  }
}
