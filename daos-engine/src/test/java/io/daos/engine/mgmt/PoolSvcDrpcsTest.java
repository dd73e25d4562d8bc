package io.daos.engine.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.CartTransport;
import io.daos.cart.transport.CartTransports;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.engine.pool.svc.Identity;
import io.daos.engine.pool.svc.PoolInit;
import io.daos.engine.pool.svc.PoolService;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.engine.rdb.InMemoryRdb;
import io.daos.engine.rdb.RdbTx;
import io.daos.engine.vos.store.VosOptions;
import io.daos.proto.mgmt.ACLResp;
import io.daos.proto.mgmt.DeleteACLReq;
import io.daos.proto.mgmt.GetACLReq;
import io.daos.proto.mgmt.ListContReq;
import io.daos.proto.mgmt.ListContResp;
import io.daos.proto.mgmt.ModifyACLReq;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolEvictReq;
import io.daos.proto.mgmt.PoolEvictResp;
import io.daos.proto.mgmt.PoolGetPropReq;
import io.daos.proto.mgmt.PoolGetPropResp;
import io.daos.proto.mgmt.PoolProperty;
import io.daos.proto.mgmt.PoolQueryTargetInfo;
import io.daos.proto.mgmt.PoolQueryTargetReq;
import io.daos.proto.mgmt.PoolQueryTargetResp;
import io.daos.proto.mgmt.PoolSetPropReq;
import io.daos.proto.mgmt.PoolSetPropResp;
import io.daos.rpc.PoolRpc;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool-service dRPCs (213, 215, 216, 217, 222, 224, 230, 237, 239, 240) over an in-memory Rdb-backed pool service, on
 * an engine (rank 1) wired with its CART-J fabric as every engine is.
 */
class PoolSvcDrpcsTest {
  private static final UUID POOL = UUID.fromString("11111111-2222-3333-4444-555555555555");
  private static final String ID = POOL.toString();
  private static final VosOptions OPTS = VosOptions.defaults().withMapSize(64L << 20).withDurable(false);

  @TempDir
  Path scm;
  private final CartTransport net = CartTransports.inMemory();
  private final Map<Integer, String> uris = new ConcurrentHashMap<>();
  private final PoolServices services = new PoolServices("test", () -> null);
  private InMemoryRdb rdb;
  private PoolService svc;
  private PoolEngineFixture engine;
  private DrpcClient client;

  @BeforeEach
  void start() {
    rdb = new InMemoryRdb(POOL, 1);
    svc = services.add(new PoolService(POOL, rdb, () -> List.of(1)));
    PoolCreateReq create = PoolCreateReq.newBuilder().setUuid(ID).setUser("alice@").setUserGroup("staff@")
        .addRanks(1).addProperties(prop(1, "tank")).addProperties(prop(8, "1")).build();
    svc.initialize(PoolInit.tx(create, 2, Map.of()));
    engine = new PoolEngineFixture(net, uris, 1, scm, 2, OPTS, services);
    engine.pools.create(POOL, new io.daos.engine.pool.PoolTiers(1L << 30, 0));
    client = engine.drpc;
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private static PoolProperty prop(int n, String s) {
    return PoolProperty.newBuilder().setNumber(n).setStrval(s).build();
  }

  private static PoolProperty num(int n, long v) {
    return PoolProperty.newBuilder().setNumber(n).setNumval(v).build();
  }

  private PoolGetPropResp get(int... numbers) throws Exception {
    PoolGetPropReq.Builder b = PoolGetPropReq.newBuilder().setId(ID);
    for (int n : numbers) {
      b.addProperties(PoolProperty.newBuilder().setNumber(n));
    }
    return PoolGetPropResp.parseFrom(client.call(DrpcMethod.MGMT_POOL_GET_PROP, b.build().toByteArray()));
  }

  private int set(PoolProperty... props) throws Exception {
    return PoolSetPropResp.parseFrom(client.call(DrpcMethod.MGMT_POOL_SET_PROP, PoolSetPropReq.newBuilder()
        .setId(ID).addAllProperties(List.of(props)).build().toByteArray())).getStatus();
  }

  @Test
  void getPropAnswersStoredValuesSvcListRangedAndSkipsAcl() throws Exception {
    PoolGetPropResp r = get(1, 2, 3, 8, 9);
    assertEquals(0, r.getStatus());
    assertEquals(List.of(prop(1, "tank"), num(3, 5), prop(8, "[1]"), num(9, 128 * 1024)), r.getPropertiesList());
  }

  @Test
  void setPropStoresAndValidates() throws Exception {
    assertEquals(0, set(num(3, 20), num(5, 0)));
    assertEquals(List.of(num(3, 20), num(5, 0)), get(3, 5).getPropertiesList());
    assertEquals(DaosStatus.INVAL.code(), set(num(3, 101)));
    assertEquals(DaosStatus.INVAL.code(), set(prop(1, "bad label!")));
    assertEquals(DaosStatus.INVAL.code(), set(PoolProperty.newBuilder().setNumber(2).setStrval("A::OWNER@:rw")
        .build()));
    assertEquals(DaosStatus.INVAL.code(), set(prop(8, "0-2")), "svc_list is managed by the service");
  }

  @Test
  void followerAnswersNotLeaderAndOtherPoolNotReplica() throws Exception {
    rdb.setLeader(false);
    assertEquals(DaosStatus.NOTLEADER.code(), get(1).getStatus());
    assertEquals(DaosStatus.NOTLEADER.code(), set(num(3, 1)));
    PoolGetPropResp other = PoolGetPropResp.parseFrom(client.call(DrpcMethod.MGMT_POOL_GET_PROP,
        PoolGetPropReq.newBuilder().setId(UUID.randomUUID().toString()).build().toByteArray()));
    assertEquals(DaosStatus.NOTREPLICA.code(), other.getStatus());
    PoolGetPropResp bad = PoolGetPropResp.parseFrom(client.call(DrpcMethod.MGMT_POOL_GET_PROP,
        PoolGetPropReq.newBuilder().setId("nope").build().toByteArray()));
    assertEquals(DaosStatus.INVAL.code(), bad.getStatus());
  }

  @Test
  void evictRemovesHandlesAndDestroyEvictIsBusyUnlessForced() throws Exception {
    Identity alice = new Identity("alice@", "staff@", List.of(), "node1");
    svc.executor().submit(() -> svc.connect(UUID.randomUUID(), alice, PoolRpc.PC_RW)).get();
    svc.executor().submit(() -> svc.connect(UUID.randomUUID(), alice, PoolRpc.PC_RO)).get();
    PoolEvictResp busy = evict(PoolEvictReq.newBuilder().setId(ID).setDestroy(true));
    assertEquals(DaosStatus.BUSY.code(), busy.getStatus());
    PoolEvictResp forced = evict(PoolEvictReq.newBuilder().setId(ID).setDestroy(true).setForceDestroy(true));
    assertEquals(0, forced.getStatus());
    assertEquals(2, forced.getCount());
    assertEquals(0, evict(PoolEvictReq.newBuilder().setId(ID)).getCount());
  }

  private PoolEvictResp evict(PoolEvictReq.Builder b) throws Exception {
    return PoolEvictResp.parseFrom(client.call(DrpcMethod.MGMT_POOL_EVICT, b.build().toByteArray()));
  }

  @Test
  void listContainersReadsContainerKeys() throws Exception {
    assertEquals(0, listConts().getContainersCount());
    UUID c1 = UUID.randomUUID();
    rdb.commit(new RdbTx().put("cont/uuid/" + c1 + "/meta", new byte[1]).put("cont/uuid/" + c1 + "/prop/0001",
        new byte[1]).put("cont/label/x", new byte[1]));
    ListContResp r = listConts();
    assertEquals(1, r.getContainersCount());
    assertEquals(c1.toString(), r.getContainers(0).getUuid());
  }

  private ListContResp listConts() throws Exception {
    return ListContResp.parseFrom(client.call(DrpcMethod.MGMT_LIST_CONTAINERS, ListContReq.newBuilder().setId(ID)
        .build().toByteArray()));
  }

  @Test
  void upgradeOfAPoolAtTheCurrentLayoutSucceedsWithNothingToDo() throws Exception {
    assertEquals(List.of(num(14, 4), num(15, 0)), get(14, 15).getPropertiesList());
    assertEquals(0, upgrade(ID).getStatus());
    assertEquals(List.of(num(14, 4), num(15, 0)), get(14, 15).getPropertiesList(), "no property changed");
    assertEquals(DaosStatus.NOTREPLICA.code(), upgrade(UUID.randomUUID().toString()).getStatus());
    rdb.setLeader(false);
    assertEquals(DaosStatus.NOTLEADER.code(), upgrade(ID).getStatus());
  }

  private io.daos.proto.mgmt.DaosResp upgrade(String id) throws Exception {
    return io.daos.proto.mgmt.DaosResp.parseFrom(client.call(DrpcMethod.MGMT_POOL_UPGRADE,
        io.daos.proto.mgmt.PoolUpgradeReq.newBuilder().setId(id).build().toByteArray()));
  }

  @Test
  void queryTargetsAnswersUpInWithSpacePerTier() throws Exception {
    PoolQueryTargetResp all = queryTargets();
    assertEquals(2, all.getInfosCount());
    PoolQueryTargetInfo t0 = all.getInfos(0);
    assertEquals(PoolQueryTargetInfo.TargetState.UP_IN, t0.getState());
    assertEquals(2, t0.getSpaceCount());
    assertEquals((1L << 30) / 2, t0.getSpace(0).getTotal());
    assertTrue(t0.getSpace(0).getFree() <= t0.getSpace(0).getTotal());
    assertEquals(0, t0.getSpace(1).getTotal());
    assertEquals(1, queryTargets(1).getInfosCount());
    assertEquals(DaosStatus.NONEXIST.code(), queryTargets(2).getStatus(), "as DAOS: the pool map has no such target");
  }

  private ACLResp acl(DrpcMethod m, com.google.protobuf.MessageLite req) throws Exception {
    return ACLResp.parseFrom(client.call(m, req.toByteArray()));
  }

  private ACLResp update(boolean overwrite, String... aces) throws Exception {
    return acl(overwrite ? DrpcMethod.MGMT_POOL_OVERWRITE_ACL : DrpcMethod.MGMT_POOL_UPDATE_ACL,
        ModifyACLReq.newBuilder().setId(ID).addAllEntries(List.of(aces)).build());
  }

  private ACLResp delete(String principal) throws Exception {
    return acl(DrpcMethod.MGMT_POOL_DELETE_ACL, DeleteACLReq.newBuilder().setId(ID).setPrincipal(principal).build());
  }

  @Test
  void getAclAnswersEntriesOwnerAndGroup() throws Exception {
    ACLResp r = acl(DrpcMethod.MGMT_POOL_GET_ACL, GetACLReq.newBuilder().setId(ID).build());
    assertEquals(0, r.getStatus());
    assertEquals(List.of("A::OWNER@:rw", "A:G:GROUP@:rw"), r.getAcl().getEntriesList());
    assertEquals("alice@", r.getAcl().getOwnerUser());
    assertEquals("staff@", r.getAcl().getOwnerGroup());
  }

  @Test
  void updateOverwriteAndDeleteAnswerTheResultingAcl() throws Exception {
    assertEquals(List.of("A::OWNER@:rw", "A:G:GROUP@:rw", "A::bob@:r"),
        update(false, "A::bob@:r").getAcl().getEntriesList());
    assertEquals(List.of("A::OWNER@:rw", "A:G:GROUP@:rw", "A::bob@:rw", "A:G:devs@:r"),
        update(false, "A::bob@:rw", "A:G:devs@:r").getAcl().getEntriesList(), "same principal replaced");
    assertEquals(List.of("A::OWNER@:rw", "A:G:GROUP@:rw", "A:G:devs@:r"), delete("u:bob@").getAcl().getEntriesList());
    assertEquals(List.of("A::OWNER@:rw", "A:G:GROUP@:rw"), delete("g:devs@").getAcl().getEntriesList());
    assertEquals(List.of("A::OWNER@:rw"), delete("GROUP@").getAcl().getEntriesList());
    ACLResp over = update(true, "A::EVERYONE@:r");
    assertEquals(List.of("A::EVERYONE@:r"), over.getAcl().getEntriesList());
    assertEquals("alice@", over.getAcl().getOwnerUser());
    assertEquals(List.of("A::EVERYONE@:r"), svc.acl().aces(), "stored in the service");
  }

  @Test
  void badAceOrPrincipalIsInvalAndMissingEntryNonexist() throws Exception {
    assertEquals(DaosStatus.INVAL.code(), update(false, "A::bob").getStatus());
    assertEquals(DaosStatus.INVAL.code(), update(true, "A::GROUP@:rw").getStatus());
    assertEquals(DaosStatus.INVAL.code(), update(false, "A:G:OWNER@:rw").getStatus());
    assertEquals(DaosStatus.INVAL.code(), update(false, "A::bob@:rw", "garbage").getStatus());
    assertEquals(List.of("A::OWNER@:rw", "A:G:GROUP@:rw"), svc.acl().aces(), "nothing applied");
    assertEquals(DaosStatus.INVAL.code(), delete("bob@").getStatus());
    assertEquals(DaosStatus.NONEXIST.code(), delete("u:nobody@").getStatus());
    assertEquals(DaosStatus.NONEXIST.code(), delete("EVERYONE@").getStatus());
  }

  @Test
  void aclOnFollowerIsNotLeader() throws Exception {
    rdb.setLeader(false);
    assertEquals(DaosStatus.NOTLEADER.code(), acl(DrpcMethod.MGMT_POOL_GET_ACL, GetACLReq.newBuilder().setId(ID)
        .build()).getStatus());
    assertEquals(DaosStatus.NOTLEADER.code(), update(false, "A::bob@:r").getStatus());
  }

  private PoolQueryTargetResp queryTargets(int... tgts) throws Exception {
    PoolQueryTargetReq.Builder b = PoolQueryTargetReq.newBuilder().setId(ID).setRank(1);
    for (int t : tgts) {
      b.addTargets(t);
    }
    return PoolQueryTargetResp.parseFrom(client.call(DrpcMethod.MGMT_POOL_QUERY_TARGETS, b.build().toByteArray()));
  }
}
