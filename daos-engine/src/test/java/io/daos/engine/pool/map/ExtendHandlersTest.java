package io.daos.engine.pool.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
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
import io.daos.placement.TargetState;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolProperty;
import io.daos.proto.pool.PoolEvalSelfHealReply;
import io.daos.proto.pool.PoolEvalSelfHealReq;
import io.daos.proto.pool.PoolExtendReply;
import io.daos.proto.pool.PoolExtendReq;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolOp;
import io.daos.proto.rebuild.PoolTgtDiscardReply;
import io.daos.proto.rebuild.PoolTgtDiscardReq;
import io.daos.rpc.PoolRpc;
import io.daos.rpc.RebuildRpc;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POOL_EXTEND and POOL_EVAL_SELF_HEAL at the pool service leader over CART-J. */
class ExtendHandlersTest {
  static final UUID POOL = UUID.fromString("eeeeeeee-0000-0000-0000-00000000000e");

  private final PoolServices services = new PoolServices("test", () -> null);
  private final List<PoolMap> pushed = new CopyOnWriteArrayList<>();
  private volatile Set<Integer> dead = Set.of();
  private final List<PoolTgtDiscardReq> discarded = new CopyOnWriteArrayList<>();
  private volatile int discardStatus;
  private volatile String uri;
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
    PoolMapChanges changes = new PoolMapChanges("test", () -> SysSelfHeal.parse("exclude;pool_exclude"),
        (s, m) -> pushed.add(m));
    SelfHeal heal = new SelfHeal("test", services, changes, () -> null, () -> dead);
    server = CartServer.builder().transport(CartTransports.tcp()).uri("ofi+tcp://127.0.0.1:0").name("ext-test")
        .build();
    client = CartClient.builder().transport(CartTransports.tcp()).build();
    new ExtendHandlers("test", services, changes, svc -> { }, r -> Optional.ofNullable(uri), heal, () -> dead,
        client, Duration.ofSeconds(5)).registerOn(server);
    server.register(RebuildRpc.POOL_TGT_DISCARD, (req, reply) -> {
      try {
        discarded.add(PoolTgtDiscardReq.parseFrom(req.bodyBytes()));
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        throw new AssertionError(e);
      }
      reply.ok(0, PoolTgtDiscardReply.newBuilder().setStatus(discardStatus).build().toByteArray());
    });
    server.start();
    uri = server.uri();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    services.close();
  }

  private <T> T call(Opcode opc, Message req, io.daos.engine.pool.svc.ServiceCalls.Parser<T> parser)
      throws Exception {
    try (CartReply r = client.callSync(server.uri(), opc, 0, 0, Unpooled.wrappedBuffer(req.toByteArray()), null,
        Duration.ofSeconds(10))) {
      return parser.parse(r.bodyBytes());
    }
  }

  private static PoolOp op() {
    return PoolOp.newBuilder().setPoolUuid(Uuids.toByteString(POOL)).build();
  }

  @Test
  void extendAddsTheRanksUpAndPushesTheMap() throws Exception {
    PoolExtendReply r = call(PoolRpc.EXTEND, PoolExtendReq.newBuilder().setOp(op()).addRanks(3).setNtgts(1)
        .build(), PoolExtendReply::parseFrom);
    assertEquals(0, r.getOp().getStatus());
    PoolMap m = svc.map();
    assertEquals(m.getVersion(), r.getOp().getMapVersion());
    assertTrue(m.getVersion() > 1);
    assertEquals(4, m.getRanksCount());
    assertEquals(3, m.getRanks(3).getRank());
    assertEquals(uri, m.getRanks(3).getUri());
    assertEquals(1, discarded.size(), "the new rank's targets are discarded first");
    assertEquals(List.of(0, 1), discarded.get(0).getAddrsList().stream().map(a -> a.getTgt()).toList());
    assertEquals(List.of(3, 3), discarded.get(0).getAddrsList().stream().map(a -> a.getRank()).toList());
    assertTrue(m.getRanks(3).getTargetsList().stream().allMatch(t -> t.getState() == TargetState.UP.bit()));
    assertEquals(List.of(m), pushed, "the extended map is pushed");

    PoolExtendReply again = call(PoolRpc.EXTEND, PoolExtendReq.newBuilder().setOp(op()).addRanks(3).addRanks(0)
        .build(), PoolExtendReply::parseFrom);
    assertEquals(DaosStatus.ALREADY.code(), again.getOp().getStatus());
    assertEquals(m.getVersion(), svc.map().getVersion());
  }

  @Test
  void aFailedDiscardFailsTheExtensionAndADownRankIsBusy() throws Exception {
    discardStatus = DaosStatus.IO.code();
    PoolExtendReply r = call(PoolRpc.EXTEND, PoolExtendReq.newBuilder().setOp(op()).addRanks(4).build(),
        PoolExtendReply::parseFrom);
    assertEquals(DaosStatus.IO.code(), r.getOp().getStatus());
    assertEquals(1, svc.map().getVersion(), "the map is untouched");
    discardStatus = 0;
    svc.executor().submit(() -> svc.changeMap(m -> ExtendHandlersTest.down(m, 2))).get(10, TimeUnit.SECONDS);
    PoolExtendReply busy = call(PoolRpc.EXTEND, PoolExtendReq.newBuilder().setOp(op()).addRanks(2).build(),
        PoolExtendReply::parseFrom);
    assertEquals(DaosStatus.BUSY.code(), busy.getOp().getStatus());
  }

  static PoolMap down(PoolMap m, int rank) {
    PoolMap.Builder b = m.toBuilder().setVersion(m.getVersion() + 1);
    b.getRanksBuilder(rank).getTargetsBuilder(0).setState(TargetState.DOWN.bit()).setFseq(m.getVersion() + 1);
    return b.build();
  }

  @Test
  void followerAnswersNotLeader() throws Exception {
    rdb.setLeader(false);
    PoolExtendReply r = call(PoolRpc.EXTEND, PoolExtendReq.newBuilder().setOp(op()).addRanks(3).build(),
        PoolExtendReply::parseFrom);
    assertEquals(DaosStatus.NOTLEADER.code(), r.getOp().getStatus());
    rdb.setLeader(true);
    assertEquals(3, svc.map().getRanksCount());
  }

  @Test
  void selfHealEvalExcludesDeadRanksOnlyWithPoolExclude() throws Exception {
    dead = Set.of(1);
    PoolEvalSelfHealReply none = call(PoolRpc.EVAL_SELF_HEAL, PoolEvalSelfHealReq.newBuilder().setOp(op())
        .setSysSelfHeal(SysSelfHeal.EXCLUDE).build(), PoolEvalSelfHealReply::parseFrom);
    assertEquals(0, none.getOp().getStatus());
    assertEquals(1, settled().getVersion(), "exclude alone is the MS's business: the pool map is untouched");

    PoolEvalSelfHealReply r = call(PoolRpc.EVAL_SELF_HEAL, PoolEvalSelfHealReq.newBuilder().setOp(op())
        .setSysSelfHeal(SysSelfHeal.POOL_EXCLUDE | SysSelfHeal.POOL_REBUILD).build(),
        PoolEvalSelfHealReply::parseFrom);
    assertEquals(0, r.getOp().getStatus());
    PoolMap m = settled();
    assertTrue(m.getRanks(1).getTargetsList().stream().allMatch(t -> t.getState() == TargetState.DOWN.bit()),
        m.toString());
    assertTrue(m.getRanks(0).getTargetsList().stream().allMatch(t -> t.getState() == TargetState.UPIN.bit()));
  }

  @Test
  void selfHealEvalLeavesThePoolAloneWhenItsSelfHealHasNoExclude() throws Exception {
    svc.executor().submit(() -> svc.setProps(List.of(io.daos.proto.pool.Prop.newBuilder()
        .setType(PoolProps.SELF_HEAL).setNum(PoolProps.SELF_HEAL_AUTO_REBUILD).build()))).get(10, TimeUnit.SECONDS);
    dead = Set.of(2);
    PoolEvalSelfHealReply r = call(PoolRpc.EVAL_SELF_HEAL, PoolEvalSelfHealReq.newBuilder().setOp(op())
        .setSysSelfHeal(SysSelfHeal.POOL_EXCLUDE).build(), PoolEvalSelfHealReply::parseFrom);
    assertEquals(0, r.getOp().getStatus());
    assertEquals(1, settled().getVersion());
  }

  /** The map once the service thread has run what was queued before. */
  private PoolMap settled() throws Exception {
    return svc.executor().submit(svc::map).get(10, TimeUnit.SECONDS);
  }
}
