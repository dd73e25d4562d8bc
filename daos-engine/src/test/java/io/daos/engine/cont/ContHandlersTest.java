package io.daos.engine.cont;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.CartServer;
import io.daos.cart.CartTransport;
import io.daos.cart.DaosModule;
import io.daos.cart.Opcode;
import io.daos.cart.transport.CartTransports;
import io.daos.common.Hlc;
import io.daos.common.Uuids;
import io.daos.common.status.DaosStatus;
import io.daos.proto.cont.ContCreateReply;
import io.daos.proto.cont.ContCreateReq;
import io.daos.proto.cont.ContDestroyReq;
import io.daos.proto.cont.ContHdlLookupReply;
import io.daos.proto.cont.ContHdlLookupReq;
import io.daos.proto.cont.ContOidAllocReply;
import io.daos.proto.cont.ContOidAllocReq;
import io.daos.proto.cont.ContOp;
import io.daos.proto.cont.ContOpenReply;
import io.daos.proto.cont.ContOpenReq;
import io.daos.proto.cont.ContReply;
import io.daos.proto.cont.ContSnapReq;
import io.daos.proto.pool.PoolListContReply;
import io.daos.proto.pool.PoolListContReq;
import io.daos.proto.pool.PoolOp;
import io.daos.proto.pool.PoolOpReply;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The container-service RPCs over an in-memory CART-J network. */
class ContHandlersTest {
  private FakeServiceReplica replica;
  private CartServer server;
  private CartClient client;
  private byte[] poolHdl;

  @BeforeEach
  void start() {
    replica = new FakeServiceReplica();
    poolHdl = replica.connect("alice", "staff", 2, ContTestSupport.ALL_POOL_CAPAS);
    CartTransport net = CartTransports.inMemory();
    server = CartServer.builder().transport(net).uri("ofi+tcp://127.0.0.1:0").name("csvc").build();
    new ContHandlers("csvc", p -> p.equals(FakeServiceReplica.POOL) ? Optional.of(replica) : Optional.empty(),
        (pool, cont) -> { }, Hlc.system()).registerOn(server).start();
    client = CartClient.builder().transport(net).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    replica.close();
  }

  private byte[] call(Opcode opc, MessageLite body) {
    return call(opc, body.toByteArray());
  }

  private byte[] call(Opcode opc, byte[] body) {
    try (CartReply r = client.callSync(server.uri(), opc, 0, 0, Unpooled.wrappedBuffer(body), null,
        Duration.ofSeconds(10))) {
      return r.bodyBytes();
    }
  }

  private ContOp.Builder op(UUID pool) {
    return ContOp.newBuilder().setPoolUuid(Uuids.toByteString(pool)).setPoolHdl(ByteString.copyFrom(poolHdl));
  }

  private ContOp.Builder op() {
    return op(FakeServiceReplica.POOL);
  }

  @Test
  void co_create_over_rpc() throws Exception {
    UUID c = UUID.randomUUID();
    ContCreateReply cr = ContCreateReply.parseFrom(call(ContRpc.CREATE, ContCreateReq.newBuilder()
        .setOp(op().setContUuid(Uuids.toByteString(c))).build()));
    PoolOpReply h = cr.getOp();
    assertEquals(0, h.getStatus());
    assertEquals(3, h.getMapVersion());
    assertTrue(h.getHint().getValid());
    assertEquals(0, h.getHint().getLeaderRank());
    UUID hdl = UUID.randomUUID();
    ContOpenReply or = ContOpenReply.parseFrom(call(ContRpc.OPEN, ContOpenReq.newBuilder()
        .setOp(op().setContUuid(Uuids.toByteString(c)).setContHdl(Uuids.toByteString(hdl))).setFlags(ContRpc.COO_RW)
        .build()));
    assertEquals(0, or.getOp().getStatus());
    assertTrue((or.getCapas() & ContRpc.CAPA_WRITE_DATA) != 0);
    assertEquals(1, or.getInfo().getOpenHandles());
    ContOidAllocReply oa = ContOidAllocReply.parseFrom(call(ContRpc.OID_ALLOC, ContOidAllocReq.newBuilder()
        .setOp(op().setContHdl(Uuids.toByteString(hdl))).setNumOids(5).build()));
    assertEquals(0, oa.getOidLo());
    ContHdlLookupReply lk = ContHdlLookupReply.parseFrom(call(ContRpc.TGT_QUERY, ContHdlLookupReq.newBuilder()
        .setPoolUuid(Uuids.toByteString(FakeServiceReplica.POOL)).setContHdl(Uuids.toByteString(hdl)).build()));
    assertEquals(c, Uuids.required(lk.getContUuid(), "c"));
    assertEquals(or.getCapas(), lk.getCapas());
    assertEquals(ContRpc.COO_RW, lk.getFlags());
    ContReply busy = ContReply.parseFrom(call(ContRpc.DESTROY, ContDestroyReq.newBuilder()
        .setOp(op().setContUuid(Uuids.toByteString(c))).build()));
    assertEquals(DaosStatus.BUSY.code(), busy.getOp().getStatus());
    ContReply forced = ContReply.parseFrom(call(ContRpc.DESTROY, ContDestroyReq.newBuilder()
        .setOp(op().setContUuid(Uuids.toByteString(c))).setForce(true).build()));
    assertEquals(0, forced.getOp().getStatus());
    lk = ContHdlLookupReply.parseFrom(call(ContRpc.TGT_QUERY, ContHdlLookupReq.newBuilder()
        .setPoolUuid(Uuids.toByteString(FakeServiceReplica.POOL)).setContHdl(Uuids.toByteString(hdl)).build()));
    assertEquals(DaosStatus.NO_HDL.code(), lk.getOp().getStatus());
  }

  @Test
  void pool_list_cont_over_rpc() throws Exception {
    for (String l : new String[] {"a", "b"}) {
      call(ContRpc.CREATE, ContCreateReq.newBuilder().setOp(op().setContUuid(Uuids.toByteString(UUID.randomUUID())))
          .addProps(ContPropRules.str(ContProps.CO_LABEL, l)).build());
    }
    PoolListContReply r = PoolListContReply.parseFrom(call(PoolRpc.LIST_CONT, PoolListContReq.newBuilder()
        .setOp(PoolOp.newBuilder().setPoolUuid(Uuids.toByteString(FakeServiceReplica.POOL))
            .setPoolHdl(ByteString.copyFrom(poolHdl))).build()));
    assertEquals(0, r.getOp().getStatus());
    assertEquals(2, r.getContsCount());
  }

  @Test
  void not_a_replica() throws Exception {
    ContCreateReply r = ContCreateReply.parseFrom(call(ContRpc.CREATE, ContCreateReq.newBuilder()
        .setOp(op(UUID.randomUUID()).setContUuid(Uuids.toByteString(UUID.randomUUID()))).build()));
    assertEquals(DaosStatus.NOTREPLICA.code(), r.getOp().getStatus());
  }

  @Test
  void follower_answers_notleader() throws Exception {
    replica.rdb.setLeader(false);
    ContCreateReply r = ContCreateReply.parseFrom(call(ContRpc.CREATE, ContCreateReq.newBuilder()
        .setOp(op().setContUuid(Uuids.toByteString(UUID.randomUUID()))).build()));
    assertEquals(DaosStatus.NOTLEADER.code(), r.getOp().getStatus());
    assertEquals(3, r.getOp().getMapVersion());
  }

  @Test
  void malformed_bodies_get_inval() throws Exception {
    ContReply r = ContReply.parseFrom(call(ContRpc.DESTROY, new byte[] {(byte) 0xff, 0x01, 0x02}));
    assertEquals(DaosStatus.INVAL.code(), r.getOp().getStatus());
    ContCreateReply c = ContCreateReply.parseFrom(call(ContRpc.CREATE, ContCreateReq.newBuilder()
        .setOp(op().setContUuid(ByteString.copyFrom(new byte[5]))).build()));
    assertEquals(DaosStatus.INVAL.code(), c.getOp().getStatus());
    ContReply noPool = ContReply.parseFrom(call(ContRpc.CLOSE, ContOp.getDefaultInstance().toByteArray()));
    assertEquals(DaosStatus.INVAL.code(), noPool.getOp().getStatus());
  }

  @Test
  void unsupported_ops_answer_nosys() throws Exception {
    ContReply r = ContReply.parseFrom(call(DaosModule.CONT.opcode(ContRpc.OP_EPOCH_AGGREGATE),
        ContSnapReq.newBuilder().setOp(op()).build()));
    assertEquals(DaosStatus.NOSYS.code(), r.getOp().getStatus());
  }
}
