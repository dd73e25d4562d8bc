package io.daos.engine.obj;

import io.daos.cart.transport.CartTransports;
import io.daos.rpc.ContRpc;
import io.daos.rpc.ObjRpc;

import com.google.protobuf.ByteString;
import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.CartServer;
import io.daos.cart.Opcode;
import io.daos.common.Hlc;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.pool.PoolTiers;
import io.daos.engine.pool.TargetXstreams;
import io.daos.engine.vos.store.VosOptions;
import io.daos.proto.obj.Iod;
import io.daos.proto.obj.IodType;
import io.daos.proto.obj.ObjTarget;
import io.daos.proto.obj.Recx;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** An in-process engine data plane: pools on {@code targets} xstreams behind a real CART-J server, and a client. */
final class ObjRpcFixture implements AutoCloseable {
  static final UUID POOL = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");
  static final UUID CONT = UUID.fromString("cccccccc-0000-0000-0000-000000000001");
  static final int MAP_VERSION = 7;
  /** The read-write handle of CONT that {@link #target} carries; the container service knows it in every pool. */
  static final UUID HDL = UUID.fromString("dddddddd-0000-0000-0000-000000000001");

  final TargetXstreams xs;
  final PoolTargets pools;
  final CartServer server;
  final CartClient client;

  /** A fixture whose container service knows one handle, {@link #HDL}, open read-write. */
  ObjRpcFixture(Path scm, int targets, PoolTiers tiers) {
    this(scm, targets, tiers, CartTransports.tcp());
  }

  /** A fixture whose object handlers check container handles in {@code handles}. */
  ObjRpcFixture(Path scm, int targets, PoolTiers tiers, ContHandleCache handles) {
    this(scm, targets, tiers, handles, CartTransports.tcp());
  }

  /** A fixture knowing {@link #HDL} on {@code transport} (in-memory: the client holds the reply's own buffers). */
  ObjRpcFixture(Path scm, int targets, PoolTiers tiers, io.daos.cart.CartTransport transport) {
    this(scm, targets, tiers, ContHandleCache.of((pool, h) -> h.equals(HDL)
        ? CompletableFuture.completedFuture(new ContHandle(HDL, CONT, ContRpc.CAPA_READ_DATA
            | ContRpc.CAPA_WRITE_DATA, ContRpc.COO_RW))
        : CompletableFuture.failedFuture(new DaosException(DaosStatus.NO_HDL, "unknown handle " + h))), transport);
  }

  private ObjRpcFixture(Path scm, int targets, PoolTiers tiers, ContHandleCache handles,
      io.daos.cart.CartTransport transport) {
    xs = new TargetXstreams("objtest", targets);
    pools = new PoolTargets(scm, xs, VosOptions.defaults().withMapSize(256L << 20).withDurable(false));
    pools.create(POOL, tiers);
    server = CartServer.builder().transport(transport)
        .uri("ofi+tcp://127.0.0.1:0").name("objtest").targets(targets)
        .targetExecutor(xs::executor).mapVersion(() -> MAP_VERSION).build();
    new ObjHandlers("objtest", pools, () -> MAP_VERSION, Hlc.system(), handles, xs::executor).registerOn(server);
    server.start();
    client = CartClient.builder().transport(transport).build();
  }

  static ObjTarget target(UUID pool, long oidLo) {
    return ObjTarget.newBuilder().setPoolUuid(Uuids.toByteString(pool)).setContUuid(Uuids.toByteString(CONT))
        .setOidHi(0).setOidLo(oidLo).setContHdl(Uuids.toByteString(HDL)).build();
  }

  static ObjTarget target(long oidLo) {
    return target(POOL, oidLo);
  }

  static ByteString key(String s) {
    return ByteString.copyFrom(s, StandardCharsets.UTF_8);
  }

  static Iod single(String akey, long len) {
    return Iod.newBuilder().setAkey(key(akey)).setType(IodType.IOD_SINGLE).setSize(len).setDataLen(len).build();
  }

  static Iod array(String akey, long rsize, long idx, long nr, boolean withData) {
    return Iod.newBuilder().setAkey(key(akey)).setType(IodType.IOD_ARRAY).setSize(rsize)
        .addRecxs(Recx.newBuilder().setIdx(idx).setNr(nr)).setDataLen(withData ? rsize * nr : 0).build();
  }

  CartReply call(Opcode opc, int tgt, com.google.protobuf.MessageLite body, byte[] bulk) {
    return client.callSync(server.uri(), opc, tgt, MAP_VERSION, Unpooled.wrappedBuffer(body.toByteArray()),
        bulk == null ? null : Unpooled.wrappedBuffer(bulk), Duration.ofSeconds(20));
  }

  @Override
  public void close() {
    client.close();
    server.close();
    pools.close();
    xs.close();
  }
}
