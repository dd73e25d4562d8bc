package io.daos.engine.cont;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.CartServer;
import io.daos.cart.Opcode;
import io.daos.cart.transport.CartTransports;
import io.daos.common.Hlc;
import io.daos.common.Uuids;
import io.daos.common.status.DaosStatus;
import io.daos.engine.obj.CartHandleLookup;
import io.daos.engine.obj.ContHandleCache;
import io.daos.engine.obj.ObjHandlers;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.pool.PoolTiers;
import io.daos.engine.pool.TargetXstreams;
import io.daos.engine.vos.store.VosOptions;
import io.daos.proto.cont.ContCreateReq;
import io.daos.proto.cont.ContDestroyReq;
import io.daos.proto.cont.ContOp;
import io.daos.proto.cont.ContOpenReply;
import io.daos.proto.cont.ContOpenReq;
import io.daos.proto.obj.Iod;
import io.daos.proto.obj.IodType;
import io.daos.proto.obj.ObjRwReq;
import io.daos.proto.obj.ObjTarget;
import io.daos.rpc.ContRpc;
import io.daos.rpc.ObjRpc;
import io.netty.buffer.Unpooled;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One engine over TCP serving both the container service and object I/O: handles opened at the service are learnt
 * by the object handlers through CONT_TGT_QUERY, and a destroy reaches the VOS targets through CONT_TGT_DESTROY.
 */
class ContObjEndToEndTest {
  private static final UUID POOL = FakeServiceReplica.POOL;

  @TempDir
  Path scm;
  private FakeServiceReplica replica;
  private TargetXstreams xs;
  private PoolTargets pools;
  private CartServer server;
  private CartClient client;
  private CartClient engineClient;
  private byte[] poolHdl;

  @BeforeEach
  void start() {
    replica = new FakeServiceReplica();
    poolHdl = replica.connect("alice", "staff", 2, ContTestSupport.ALL_POOL_CAPAS);
    xs = new TargetXstreams("e2e", 2);
    pools = new PoolTargets(scm, xs, VosOptions.defaults().withMapSize(64L << 20).withDurable(false));
    pools.create(POOL, new PoolTiers(1L << 30, 0));
    server = CartServer.builder().transport(CartTransports.tcp())
        .uri("ofi+tcp://127.0.0.1:0").name("e2e").targets(2).targetExecutor(xs::executor)
        .build();
    engineClient = CartClient.builder().transport(CartTransports.tcp()).name("e2e-engine").build();
    ContHandleCache cache = ContHandleCache.of(new CartHandleLookup(engineClient, p -> List.of(server.uri()),
        Duration.ofSeconds(10)));
    new ObjHandlers("e2e", pools, () -> 1, Hlc.system(), cache, xs::executor).registerOn(server);
    new ContHandlers("e2e", p -> p.equals(POOL) ? Optional.of(replica) : Optional.empty(),
        new CartTargetDestroyer(engineClient, p -> List.of(server.uri()), Duration.ofSeconds(10)), Hlc.system())
        .registerOn(server);
    server.start();
    client = CartClient.builder().transport(CartTransports.tcp()).name("e2e-client").build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    engineClient.close();
    pools.close();
    xs.close();
    replica.close();
  }

  private CartReply call(Opcode opc, int tgt, MessageLite body, byte[] bulk) {
    return client.callSync(server.uri(), opc, tgt, 1, Unpooled.wrappedBuffer(body.toByteArray()),
        bulk == null ? null : Unpooled.wrappedBuffer(bulk), Duration.ofSeconds(20));
  }

  private ContOp.Builder op(UUID cont) {
    return ContOp.newBuilder().setPoolUuid(Uuids.toByteString(POOL)).setPoolHdl(ByteString.copyFrom(poolHdl))
        .setContUuid(Uuids.toByteString(cont));
  }

  private UUID open(UUID cont, long flags) throws Exception {
    UUID h = UUID.randomUUID();
    try (CartReply r = call(ContRpc.OPEN, 0, ContOpenReq.newBuilder().setOp(op(cont).setContHdl(Uuids.toByteString(h)))
        .setFlags(flags).build(), null)) {
      assertEquals(0, ContOpenReply.parseFrom(r.bodyBytes()).getOp().getStatus());
    }
    return h;
  }

  private int update(UUID cont, UUID hdl, int tgt) {
    ObjTarget t = ObjTarget.newBuilder().setPoolUuid(Uuids.toByteString(POOL)).setContUuid(Uuids.toByteString(cont))
        .setContHdl(Uuids.toByteString(hdl)).setOidLo(7).build();
    Iod iod = Iod.newBuilder().setAkey(ByteString.copyFromUtf8("a")).setType(IodType.IOD_SINGLE).setSize(3)
        .setDataLen(3).build();
    ObjRwReq req = ObjRwReq.newBuilder().setTarget(t).setDkey(ByteString.copyFromUtf8("d")).addIods(iod).build();
    try (CartReply r = call(ObjRpc.UPDATE, tgt, req, new byte[] {1, 2, 3})) {
      return r.status();
    }
  }

  private boolean onTarget(int tgt, UUID cont) {
    return xs.call(tgt, () -> pools.get(POOL).target(tgt).listContainers()).contains(cont);
  }

  @Test
  void co_open_access_ro_handle_update_is_no_perm() throws Exception {
    UUID c = UUID.randomUUID();
    try (CartReply r = call(ContRpc.CREATE, 0, ContCreateReq.newBuilder().setOp(op(c)).build(), null)) {
      assertEquals(0, r.status());
    }
    UUID ro = open(c, ContRpc.COO_RO);
    assertEquals(DaosStatus.NO_PERM.code(), update(c, ro, 0));
    assertEquals(DaosStatus.NO_HDL.code(), update(c, UUID.randomUUID(), 1));
    UUID rw = open(c, ContRpc.COO_RW);
    assertEquals(0, update(c, rw, 0));
    assertEquals(0, update(c, rw, 1));
    assertTrue(onTarget(0, c) && onTarget(1, c));

    try (CartReply r = call(ContRpc.DESTROY, 0, ContDestroyReq.newBuilder().setOp(op(c)).setForce(true).build(),
        null)) {
      assertEquals(0, r.status());
    }
    assertFalse(onTarget(0, c) || onTarget(1, c), "destroyed on every target");
    for (int t = 0; t < 2; t++) {
      int tgt = t;
      assertNull(xs.call(tgt, () -> pools.get(POOL).existingContainer(tgt, c)),
          "target " + tgt + " no longer has the destroyed container open");
    }
    assertEquals(DaosStatus.NO_HDL.code(), update(c, rw, 0), "evicted handles are gone everywhere");
  }
}
