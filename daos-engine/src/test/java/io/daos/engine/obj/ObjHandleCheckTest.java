package io.daos.engine.obj;

import static io.daos.engine.obj.ObjRpcFixture.CONT;
import static io.daos.engine.obj.ObjRpcFixture.POOL;
import static io.daos.engine.obj.ObjRpcFixture.key;
import static io.daos.engine.obj.ObjRpcFixture.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.daos.cart.CartReply;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.engine.pool.PoolTiers;
import io.daos.proto.cont.ContOp;
import io.daos.proto.cont.ContReply;
import io.daos.proto.obj.ObjEnumReq;
import io.daos.proto.obj.ObjPunchReq;
import io.daos.proto.obj.ObjRwReq;
import io.daos.proto.obj.ObjTarget;
import io.daos.rpc.ContRpc;
import io.daos.rpc.ObjRpc;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Object RPCs check the container handle's capabilities (daos_capa.c), learning unknown handles once. */
class ObjHandleCheckTest {
  private static final long RW = ContRpc.CAPA_READ_DATA | ContRpc.CAPA_WRITE_DATA;

  @TempDir
  Path scm;
  private ObjRpcFixture f;
  private final Map<UUID, ContHandle> service = new ConcurrentHashMap<>();
  private final AtomicInteger lookups = new AtomicInteger();
  private ContHandleCache cache;

  @BeforeEach
  void start() {
    cache = ContHandleCache.of((pool, h) -> {
      lookups.incrementAndGet();
      ContHandle c = pool.equals(POOL) ? service.get(h) : null;
      return c != null ? CompletableFuture.supplyAsync(() -> c)
          : CompletableFuture.failedFuture(new DaosException(DaosStatus.NO_HDL, "unknown handle " + h));
    });
    f = new ObjRpcFixture(scm, 2, new PoolTiers(1L << 30, 0), cache);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private UUID open(long capas) {
    UUID h = UUID.randomUUID();
    service.put(h, new ContHandle(h, CONT, capas, capas == ContRpc.CAPA_READ_DATA ? ContRpc.COO_RO : ContRpc.COO_RW));
    return h;
  }

  private static ObjTarget target(UUID hdl) {
    ObjTarget.Builder t = ObjRpcFixture.target(42).toBuilder().clearContHdl();
    return hdl == null ? t.build() : t.setContHdl(Uuids.toByteString(hdl)).build();
  }

  private int update(UUID hdl, int tgt) {
    ObjRwReq req = ObjRwReq.newBuilder().setTarget(target(hdl)).setDkey(key("d")).addIods(single("a", 4)).build();
    try (CartReply r = f.call(ObjRpc.UPDATE, tgt, req, new byte[] {1, 2, 3, 4})) {
      return r.status();
    }
  }

  private int fetch(UUID hdl) {
    ObjRwReq req = ObjRwReq.newBuilder().setTarget(target(hdl)).setDkey(key("d")).addIods(single("a", 0)).build();
    try (CartReply r = f.call(ObjRpc.FETCH, 0, req, null)) {
      return r.status();
    }
  }

  @Test
  void ro_handle_cannot_update() {
    UUID ro = open(ContRpc.CAPA_READ_DATA | ContRpc.CAPA_GET_PROP);
    assertEquals(DaosStatus.NO_PERM.code(), update(ro, 0));
    assertEquals(0, fetch(ro));
    ObjPunchReq punch = ObjPunchReq.newBuilder().setTarget(target(ro)).build();
    try (CartReply r = f.call(ObjRpc.PUNCH, 0, punch, null)) {
      assertEquals(DaosStatus.NO_PERM.code(), r.status());
    }
    assertEquals(1, lookups.get(), "the handle is looked up once, then cached");
  }

  @Test
  void rw_handle_updates_and_reads() {
    UUID rw = open(RW);
    assertEquals(0, update(rw, 0));
    assertEquals(0, update(rw, 1));
    assertEquals(0, fetch(rw));
    ObjEnumReq e = ObjEnumReq.newBuilder().setTarget(target(rw)).setMax(10).build();
    try (CartReply r = f.call(ObjRpc.DKEY_ENUMERATE, 0, e, null)) {
      assertEquals(0, r.status());
    }
    assertTrue(lookups.get() <= 2, "at most one lookup per concurrent first use");
  }

  @Test
  void write_only_handle_cannot_fetch() {
    UUID wo = open(ContRpc.CAPA_WRITE_DATA);
    assertEquals(DaosStatus.NO_PERM.code(), fetch(wo));
  }

  @Test
  void unknown_handle_is_no_hdl() {
    assertEquals(DaosStatus.NO_HDL.code(), update(UUID.randomUUID(), 0));
    assertEquals(DaosStatus.NO_HDL.code(), update(null, 0));
  }

  @Test
  void handle_of_another_container_is_no_hdl() {
    UUID h = UUID.randomUUID();
    service.put(h, new ContHandle(h, UUID.randomUUID(), RW, ContRpc.COO_RW));
    assertEquals(DaosStatus.NO_HDL.code(), update(h, 0));
  }

  @Test
  void tgt_destroy_removes_the_container_from_every_target() throws Exception {
    UUID rw = open(RW);
    assertEquals(0, update(rw, 0));
    assertEquals(0, update(rw, 1));
    for (int t = 0; t < 2; t++) {
      int tgt = t;
      assertTrue(f.xs.call(t, () -> f.pools.get(POOL).target(tgt).listContainers()).contains(CONT));
    }
    ContOp op = ContOp.newBuilder().setPoolUuid(Uuids.toByteString(POOL)).setContUuid(Uuids.toByteString(CONT)).build();
    try (CartReply r = f.call(ContTgtHandlers.TGT_DESTROY, 0, op, null)) {
      assertEquals(0, r.status());
      assertEquals(0, ContReply.parseFrom(r.bodyBytes()).getOp().getStatus());
    }
    for (int t = 0; t < 2; t++) {
      int tgt = t;
      assertFalse(f.xs.call(t, () -> f.pools.get(POOL).target(tgt).listContainers()).contains(CONT));
    }
    service.clear();
    assertEquals(DaosStatus.NO_HDL.code(), update(rw, 0), "the destroyed container's handles are forgotten");
    try (CartReply r = f.call(ContTgtHandlers.TGT_DESTROY, 0, op.toBuilder()
        .setPoolUuid(Uuids.toByteString(UUID.randomUUID())).build(), null)) {
      assertEquals(0, r.status(), "a pool this engine does not hold is nothing to do");
    }
    try (CartReply r = f.call(ContTgtHandlers.TGT_DESTROY, 0, op.toBuilder().setContUuid(ByteString.EMPTY).build(),
        null)) {
      assertEquals(DaosStatus.INVAL.code(), r.status());
    }
  }
}
