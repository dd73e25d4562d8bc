package io.daos.engine.pool.svc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.CartServer;
import io.daos.cart.Opcode;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.cart.transport.CartTransports;
import io.daos.engine.rdb.InMemoryRdb;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolProperty;
import io.daos.proto.pool.AttrNames;
import io.daos.proto.pool.AttrReply;
import io.daos.proto.pool.AttrSet;
import io.daos.proto.pool.PoolAclDeleteReq;
import io.daos.proto.pool.PoolAclUpdateReq;
import io.daos.proto.pool.PoolConnectReply;
import io.daos.proto.pool.PoolConnectReq;
import io.daos.proto.pool.PoolEvictReply;
import io.daos.proto.pool.PoolEvictReq;
import io.daos.proto.pool.PoolOp;
import io.daos.proto.pool.PoolOpReply;
import io.daos.proto.pool.PoolPropGetReq;
import io.daos.proto.pool.PoolPropReply;
import io.daos.proto.pool.PoolQueryReply;
import io.daos.proto.pool.PoolQueryReq;
import io.daos.proto.pool.PoolSpace;
import io.daos.proto.pool.Prop;
import io.daos.proto.pool.TierSpace;
import io.daos.rpc.PoolRpc;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PoolRpcHandlersTest {
  static final UUID POOL = UUID.fromString("aaaaaaaa-0000-0000-0000-00000000000a");
  static final PoolCreateReq CREATE = PoolCreateReq.newBuilder().setUuid(POOL.toString()).setUser("alice@")
      .setUserGroup("staff@").addAllRanks(List.of(0, 1, 2))
      .addProperties(PoolProperty.newBuilder().setNumber(PoolProps.LABEL).setStrval("tank"))
      .addProperties(PoolProperty.newBuilder().setNumber(PoolProps.SVC_LIST).setStrval("[0-2]")).build();
  static final PoolSpace SPACE = PoolSpace.newBuilder().setTargets(4)
      .addTiers(TierSpace.newBuilder().setTotal(400).setFree(300)).addTiers(TierSpace.getDefaultInstance()).build();

  private final PoolServices services = new PoolServices("test", () -> null);
  private InMemoryRdb rdb;
  private CartServer server;
  private CartClient client;

  /** Credentials in these tests are "user:group" in UTF-8; "forged" is refused as daos_server would. */
  static Identity validate(byte[] cred) {
    String[] s = new String(cred, StandardCharsets.UTF_8).split(":");
    if (s[0].equals("forged")) {
      throw new DaosException(DaosStatus.NO_PERM, "bad signature");
    }
    return new Identity(s[0], s[1], List.of(), "client1");
  }

  @BeforeEach
  void start() {
    rdb = new InMemoryRdb(POOL, 0);
    PoolService svc = services.add(new PoolService(POOL, rdb, () -> List.of(0, 1, 2)));
    svc.initialize(PoolInit.tx(CREATE, 4, Map.of()));
    server = CartServer.builder().transport(CartTransports.tcp())
        .uri("ofi+tcp://127.0.0.1:0").name("psvc-test").build();
    new PoolRpcHandlers(services, PoolRpcHandlersTest::validate,
        (pool, map) -> CompletableFuture.completedFuture(SPACE)).registerOn(server);
    server.start();
    client = CartClient.builder().transport(CartTransports.tcp()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    services.close();
  }

  private byte[] call(Opcode opc, MessageLite body) {
    try (CartReply r = client.callSync(server.uri(), opc, 0, 0, Unpooled.wrappedBuffer(body.toByteArray()), null,
        Duration.ofSeconds(10))) {
      return r.bodyBytes();
    }
  }

  static PoolOp op(UUID pool, UUID hdl) {
    PoolOp.Builder b = PoolOp.newBuilder().setPoolUuid(Uuids.toByteString(pool));
    return hdl == null ? b.build() : b.setPoolHdl(Uuids.toByteString(hdl)).build();
  }

  private PoolConnectReply connect(String who, UUID hdl, int flags) throws InvalidProtocolBufferException {
    return PoolConnectReply.parseFrom(call(PoolRpc.CONNECT, PoolConnectReq.newBuilder().setOp(op(POOL, hdl))
        .setCred(ByteString.copyFromUtf8(who)).setFlags(flags).setQueryBits(PoolRpcHandlers.QUERY_SPACE).build()));
  }

  private static DaosStatus status(PoolOpReply op) {
    return DaosStatus.fromCode(op.getStatus());
  }

  @Test
  void connect_ownerGetsMapPropsCapasAndSpace() throws Exception {
    PoolConnectReply r = connect("alice@:staff@", UUID.randomUUID(), PoolRpc.PC_RW);
    assertEquals(DaosStatus.SUCCESS, status(r.getOp()));
    assertEquals(1, r.getMap().getVersion());
    assertEquals(3, r.getMap().getRanksCount());
    assertEquals(4, r.getMap().getRanks(0).getTargetsCount());
    assertEquals(PoolInit.UPIN, r.getMap().getRanks(2).getTargets(3).getState());
    assertEquals(PoolCapas.READ | PoolCapas.CREATE_CONT | PoolCapas.DEL_CONT, r.getCapas());
    assertEquals(SPACE, r.getSpace());
    assertTrue(r.getPropsList().contains(PoolProps.str(PoolProps.LABEL, "tank")));
  }

  @Test
  void connect_groupMemberReadOnlyGetsReadCapa() throws Exception {
    PoolConnectReply r = connect("bob@:staff@", UUID.randomUUID(), PoolRpc.PC_RO);
    assertEquals(DaosStatus.SUCCESS, status(r.getOp()));
    assertEquals(PoolCapas.READ, r.getCapas());
  }

  @Test
  void connect_strangerIsRefused() throws Exception {
    assertEquals(DaosStatus.NO_PERM, status(connect("mallory@:others@", UUID.randomUUID(), PoolRpc.PC_RO).getOp()));
    assertEquals(DaosStatus.NO_PERM, status(connect("forged:staff@", UUID.randomUUID(), PoolRpc.PC_RO).getOp()));
  }

  @Test
  void connect_exclusiveConflictsAreBusy() throws Exception {
    assertEquals(DaosStatus.SUCCESS, status(connect("alice@:staff@", UUID.randomUUID(), PoolRpc.PC_RW).getOp()));
    assertEquals(DaosStatus.BUSY, status(connect("alice@:staff@", UUID.randomUUID(), PoolRpc.PC_EX).getOp()));
    call(PoolRpc.EVICT, PoolEvictReq.newBuilder().setOp(op(POOL, null)).build());
    assertEquals(DaosStatus.SUCCESS, status(connect("alice@:staff@", UUID.randomUUID(), PoolRpc.PC_EX).getOp()));
    assertEquals(DaosStatus.BUSY, status(connect("bob@:staff@", UUID.randomUUID(), PoolRpc.PC_RO).getOp()));
  }

  @Test
  void connect_sameHandleTwiceIsIdempotent() throws Exception {
    UUID hdl = UUID.randomUUID();
    assertEquals(DaosStatus.SUCCESS, status(connect("alice@:staff@", hdl, PoolRpc.PC_EX).getOp()));
    assertEquals(DaosStatus.SUCCESS, status(connect("alice@:staff@", hdl, PoolRpc.PC_EX).getOp()));
  }

  @Test
  void connect_uninitialisedServiceIsNonexistent() throws Exception {
    UUID other = UUID.randomUUID();
    services.add(new PoolService(other, new InMemoryRdb(other, 0), List::of));
    PoolConnectReply r = PoolConnectReply.parseFrom(call(PoolRpc.CONNECT, PoolConnectReq.newBuilder()
        .setOp(op(other, UUID.randomUUID())).setCred(ByteString.copyFromUtf8("alice@:staff@"))
        .setFlags(PoolRpc.PC_RO).build()));
    assertEquals(DaosStatus.NONEXIST, status(r.getOp()));
  }

  @Test
  void anyRequest_withoutReplicaHereIsNotReplica() throws Exception {
    PoolQueryReply r = PoolQueryReply.parseFrom(call(PoolRpc.QUERY, PoolQueryReq.newBuilder()
        .setOp(op(UUID.randomUUID(), null)).build()));
    assertEquals(DaosStatus.NOTREPLICA, status(r.getOp()));
  }

  @Test
  void anyRequest_onFollowerIsNotLeader() throws Exception {
    rdb.setLeader(false);
    PoolQueryReply r = PoolQueryReply.parseFrom(call(PoolRpc.QUERY, PoolQueryReq.newBuilder()
        .setOp(op(POOL, null)).build()));
    assertEquals(DaosStatus.NOTLEADER, status(r.getOp()));
  }

  @Test
  void query_reportsMapSpaceAndReplicas() throws Exception {
    PoolQueryReply r = PoolQueryReply.parseFrom(call(PoolRpc.QUERY, PoolQueryReq.newBuilder()
        .setOp(op(POOL, null)).build()));
    assertEquals(DaosStatus.SUCCESS, status(r.getOp()));
    assertEquals(SPACE, r.getSpace());
    assertEquals(List.of(0, 1, 2), r.getSvcRepsList());
    assertEquals(0, r.getLeaderRank());
    PoolQueryReply bad = PoolQueryReply.parseFrom(call(PoolRpc.QUERY, PoolQueryReq.newBuilder()
        .setOp(op(POOL, UUID.randomUUID())).build()));
    assertEquals(DaosStatus.NO_HDL, status(bad.getOp()));
  }

  @Test
  void attrs_setListGetDelete() throws Exception {
    UUID hdl = UUID.randomUUID();
    connect("alice@:staff@", hdl, PoolRpc.PC_RW);
    AttrReply set = AttrReply.parseFrom(call(PoolRpc.ATTR_SET, AttrSet.newBuilder().setOp(op(POOL, hdl))
        .putAttrs("a", ByteString.copyFromUtf8("1")).putAttrs("b", ByteString.copyFromUtf8("2")).build()));
    assertEquals(DaosStatus.SUCCESS, status(set.getOp()));
    AttrReply list = AttrReply.parseFrom(call(PoolRpc.ATTR_LIST, AttrNames.newBuilder().setOp(op(POOL, hdl))
        .build()));
    assertEquals(List.of("a", "b"), list.getAttrsMap().keySet().stream().sorted().toList());
    AttrReply get = AttrReply.parseFrom(call(PoolRpc.ATTR_GET, AttrNames.newBuilder().setOp(op(POOL, hdl))
        .addNames("b").build()));
    assertEquals("2", get.getAttrsOrThrow("b").toStringUtf8());
    call(PoolRpc.ATTR_DEL, AttrNames.newBuilder().setOp(op(POOL, hdl)).addNames("b").build());
    AttrReply gone = AttrReply.parseFrom(call(PoolRpc.ATTR_GET, AttrNames.newBuilder().setOp(op(POOL, hdl))
        .addNames("b").build()));
    assertEquals(DaosStatus.NONEXIST, status(gone.getOp()));
  }

  @Test
  void attrs_readOnlyHandleMayNotSet() throws Exception {
    UUID hdl = UUID.randomUUID();
    connect("alice@:staff@", hdl, PoolRpc.PC_RO);
    AttrReply set = AttrReply.parseFrom(call(PoolRpc.ATTR_SET, AttrSet.newBuilder().setOp(op(POOL, hdl))
        .putAttrs("a", ByteString.copyFromUtf8("1")).build()));
    assertEquals(DaosStatus.NO_PERM, status(set.getOp()));
  }

  record PropCase(String name, int type, Prop expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<PropCase> defaultProps() {
    return Stream.of(new PropCase("label", PoolProps.LABEL, PoolProps.str(PoolProps.LABEL, "tank")),
        new PropCase("space_rb", PoolProps.SPACE_RB, PoolProps.num(PoolProps.SPACE_RB, 5)),
        new PropCase("self_heal", PoolProps.SELF_HEAL, PoolProps.num(PoolProps.SELF_HEAL, 3)),
        new PropCase("reclaim", PoolProps.RECLAIM, PoolProps.num(PoolProps.RECLAIM, 1)),
        new PropCase("ec_cell_sz", PoolProps.EC_CELL_SZ, PoolProps.num(PoolProps.EC_CELL_SZ, 131072)),
        new PropCase("rd_fac clamped to domains-1", PoolProps.REDUN_FAC, PoolProps.num(PoolProps.REDUN_FAC, 2)),
        new PropCase("svc_rf", PoolProps.SVC_REDUN_FAC, PoolProps.num(PoolProps.SVC_REDUN_FAC, 2)),
        new PropCase("svc_list", PoolProps.SVC_LIST, PoolProps.str(PoolProps.SVC_LIST, "[0-2]")),
        new PropCase("ec_pda", PoolProps.EC_PDA, PoolProps.num(PoolProps.EC_PDA, 1)),
        new PropCase("rp_pda", PoolProps.RP_PDA, PoolProps.num(PoolProps.RP_PDA, 0xFFFFFFFFL)),
        new PropCase("data_thresh", PoolProps.DATA_THRESH, PoolProps.num(PoolProps.DATA_THRESH, 4096)),
        new PropCase("perf_domain", PoolProps.PERF_DOMAIN, PoolProps.num(PoolProps.PERF_DOMAIN, 255)),
        new PropCase("owner", PoolProps.OWNER, PoolProps.str(PoolProps.OWNER, "alice@")),
        new PropCase("group", PoolProps.OWNER_GROUP, PoolProps.str(PoolProps.OWNER_GROUP, "staff@")),
        new PropCase("acl", PoolProps.ACL, PoolProps.raw(PoolProps.ACL,
            "A::OWNER@:rw\nA:G:GROUP@:rw".getBytes(StandardCharsets.UTF_8))),
        new PropCase("scrub_freq", PoolProps.SCRUB_FREQ, PoolProps.num(PoolProps.SCRUB_FREQ, 604800)),
        new PropCase("svc_ops_entry_age", PoolProps.SVC_OPS_ENTRY_AGE,
            PoolProps.num(PoolProps.SVC_OPS_ENTRY_AGE, 300)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaultProps")
  void propGet_defaultsMatchDaos(PropCase tc) throws Exception {
    PoolPropReply r = PoolPropReply.parseFrom(call(PoolRpc.PROP_GET, PoolPropGetReq.newBuilder()
        .setOp(op(POOL, null)).addTypes(tc.type()).build()));
    assertEquals(DaosStatus.SUCCESS, status(r.getOp()));
    assertEquals(List.of(tc.expected()), r.getPropsList());
  }

  @Test
  void propGet_allHasEveryPoolProperty() throws Exception {
    PoolPropReply r = PoolPropReply.parseFrom(call(PoolRpc.PROP_GET, PoolPropGetReq.newBuilder()
        .setOp(op(POOL, null)).build()));
    assertEquals(PoolProps.SVC_OPS_ENTRY_AGE, r.getPropsCount());
  }

  @Test
  void aclUpdateThenDelete_changesWhoMayConnect() throws Exception {
    call(PoolRpc.ACL_UPDATE, PoolAclUpdateReq.newBuilder().setOp(op(POOL, null)).addAces("A::mallory@:r").build());
    assertEquals(DaosStatus.SUCCESS, status(connect("mallory@:others@", UUID.randomUUID(), PoolRpc.PC_RO).getOp()));
    PoolPropReply del = PoolPropReply.parseFrom(call(PoolRpc.ACL_DELETE, PoolAclDeleteReq.newBuilder()
        .setOp(op(POOL, null)).setPrincipal("mallory@").build()));
    assertEquals(DaosStatus.SUCCESS, status(del.getOp()));
    assertFalse(del.getProps(0).getRaw().toStringUtf8().contains("mallory"));
    PoolPropReply again = PoolPropReply.parseFrom(call(PoolRpc.ACL_DELETE, PoolAclDeleteReq.newBuilder()
        .setOp(op(POOL, null)).setPrincipal("mallory@").build()));
    assertEquals(DaosStatus.NONEXIST, status(again.getOp()));
  }

  @Test
  void evict_destroyWithHandlesIsBusyUnlessForced() throws Exception {
    connect("alice@:staff@", UUID.randomUUID(), PoolRpc.PC_RW);
    connect("bob@:staff@", UUID.randomUUID(), PoolRpc.PC_RO);
    PoolEvictReply busy = PoolEvictReply.parseFrom(call(PoolRpc.EVICT, PoolEvictReq.newBuilder()
        .setOp(op(POOL, null)).setPoolDestroy(true).build()));
    assertEquals(DaosStatus.BUSY, status(busy.getOp()));
    PoolEvictReply forced = PoolEvictReply.parseFrom(call(PoolRpc.EVICT, PoolEvictReq.newBuilder()
        .setOp(op(POOL, null)).setPoolDestroy(true).setPoolDestroyForce(true).build()));
    assertEquals(2, forced.getCount());
  }

  @Test
  void disconnect_forgetsTheHandle() throws Exception {
    UUID hdl = UUID.randomUUID();
    connect("alice@:staff@", hdl, PoolRpc.PC_RW);
    assertEquals(DaosStatus.SUCCESS, status(PoolOpReply.parseFrom(call(PoolRpc.DISCONNECT, op(POOL, hdl)))));
    assertEquals(DaosStatus.SUCCESS, status(PoolOpReply.parseFrom(call(PoolRpc.DISCONNECT, op(POOL, hdl)))));
    PoolService svc = services.service(POOL).orElseThrow();
    DaosStatus s = svc.executor().submit(() -> {
      try {
        svc.poolHandle(Uuids.toBytes(hdl));
        return DaosStatus.SUCCESS;
      } catch (DaosException e) {
        return e.status();
      }
    }).get();
    assertEquals(DaosStatus.NO_HDL, s);
  }

  /** DAOS closes the container handles of a pool handle before the handle goes (ds_cont_close_by_pool_hdls). */
  @Test
  void disconnectAndEvict_closeTheContainerHandlesFirst() throws Exception {
    List<List<UUID>> told = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Boolean> stillConnected = new java.util.concurrent.CopyOnWriteArrayList<>();
    services.onHandlesClosing((svc, hdls) -> {
      told.add(hdls);
      stillConnected.add(hdls.stream().allMatch(h -> ((PoolService) svc).handles().stream()
          .anyMatch(i -> i.handle().equals(h))));
    });
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    connect("alice@:staff@", a, PoolRpc.PC_RW);
    connect("bob@:staff@", b, PoolRpc.PC_RO);
    assertEquals(DaosStatus.SUCCESS, status(PoolOpReply.parseFrom(call(PoolRpc.DISCONNECT, op(POOL, a)))));
    assertEquals(DaosStatus.SUCCESS, status(PoolOpReply.parseFrom(call(PoolRpc.DISCONNECT, op(POOL, a)))));
    assertEquals(List.of(List.of(a)), told, "told once: the second disconnect finds no handle");
    PoolEvictReply evicted = PoolEvictReply.parseFrom(call(PoolRpc.EVICT, PoolEvictReq.newBuilder()
        .setOp(op(POOL, null)).build()));
    assertEquals(1, evicted.getCount());
    assertEquals(List.of(List.of(a), List.of(b)), told);
    assertEquals(List.of(true, true), stillConnected, "told while the pool handles still exist");
  }

  @Test
  void create_explicitRdFacAboveDomainsIsInvalid() {
    PoolCreateReq req = CREATE.toBuilder().addProperties(PoolProperty.newBuilder().setNumber(PoolProps.REDUN_FAC)
        .setNumval(3)).build();
    DaosException e = org.junit.jupiter.api.Assertions.assertThrows(DaosException.class,
        () -> PoolInit.tx(req, 1, Map.of()));
    assertEquals(DaosStatus.INVAL, e.status());
  }

  @Test
  void faultDomains_decodeCompressedTree() {
    // metadata, root (level 2, id 0, 2 children), host a (1, 1, 2), host b (1, 2, 1), ranks 0 1 | 2
    Map<Integer, String> d = FaultDomains.decode(List.of(0, 2, 0, 2, 1, 1, 2, 1, 2, 1, 0, 1, 2), List.of(0, 1, 2));
    assertEquals(Map.of(0, "/1", 1, "/1", 2, "/2"), d);
    assertEquals(2, FaultDomains.count(d));
    assertEquals(Map.of(5, "/rank5"), FaultDomains.decode(List.of(), List.of(5)));
  }
}
