package io.daos.engine.obj;

import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.cart.CartReplier;
import io.daos.cart.CartRequest;
import io.daos.cart.CartServer;
import io.daos.cart.DaosModule;
import io.daos.cart.Opcode;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Futures;
import io.daos.common.Uuids;
import io.daos.engine.pool.EnginePool;
import io.daos.engine.pool.PoolTargets;
import io.daos.proto.cont.ContOp;
import io.daos.proto.cont.ContReply;
import io.daos.proto.pool.PoolOpReply;
import io.daos.rpc.ContRpc;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CONT_TGT_DESTROY (DAOS {@code ds_cont_tgt_destroy_handler}): the pool service destroyed a container; this engine
 * forgets its handles and removes it from every target's VOS, each on its own target thread, and replies once all
 * are done. A pool or container this engine does not hold is nothing to do.
 */
final class ContTgtHandlers {
  /** CONT_TGT_DESTROY's opcode (body: ContOp with pool_uuid and cont_uuid; reply: ContReply). */
  static final Opcode TGT_DESTROY = DaosModule.CONT.opcode(ContRpc.OP_TGT_DESTROY);
  private static final Logger LOG = LoggerFactory.getLogger(ContTgtHandlers.class);

  private final String name;
  private final PoolTargets pools;
  private final ContHandleCache handles;
  private final IntFunction<Executor> targetExecutor;
  private final io.daos.engine.cont.agg.ContAggregator aggregator;

  /** {@code aggregator}: told of CONT_TGT_SNAPSHOT_NOTIFY (null: the notification is answered and ignored). */
  ContTgtHandlers(String name, PoolTargets pools, ContHandleCache handles, IntFunction<Executor> targetExecutor,
      io.daos.engine.cont.agg.ContAggregator aggregator) {
    this.aggregator = aggregator;
    this.name = name;
    this.pools = pools;
    this.handles = handles;
    this.targetExecutor = targetExecutor;
  }

  void registerOn(CartServer server) {
    server.register(TGT_DESTROY, this::destroy);
    server.register(ContRpc.CAPA_INVALIDATE, this::invalidate);
    server.register(io.daos.engine.cont.CartTargetDestroyer.TGT_SNAPSHOT_NOTIFY, this::snapshotNotify);
  }

  /** CONT_TGT_SNAPSHOT_NOTIFY: hold aggregation of the container below HLC now until the snapshot is known. */
  private void snapshotNotify(CartRequest req, CartReplier reply) {
    try {
      ContOp op = ContOp.parseFrom(req.bodyBytes());
      UUID pool = Uuids.required(op.getPoolUuid(), "pool");
      UUID cont = Uuids.required(op.getContUuid(), "container");
      if (aggregator != null) {
        aggregator.snapshotNotify(pool, cont);
      }
      send(reply, 0);
    } catch (InvalidProtocolBufferException | DaosException e) {
      LOG.warn("{}: malformed CONT_TGT_SNAPSHOT_NOTIFY from {}: {}", name, req.peer(), e.getMessage());
      send(reply, DaosStatus.INVAL.code());
    }
  }

  /** A closed container handle: forget it, so the next I/O with it asks the service (and gets DER_NO_HDL). */
  private void invalidate(CartRequest req, CartReplier reply) {
    try {
      ContOp op = ContOp.parseFrom(req.bodyBytes());
      UUID pool = Uuids.required(op.getPoolUuid(), "pool");
      UUID hdl = Uuids.required(op.getContHdl(), "container handle");
      handles.evict(pool, hdl);
      LOG.debug("{}: container handle {} of pool {} closed", name, hdl, pool);
      send(reply, 0);
    } catch (InvalidProtocolBufferException | DaosException e) {
      LOG.warn("{}: malformed handle invalidation from {}: {}", name, req.peer(), e.getMessage());
      send(reply, DaosStatus.INVAL.code());
    }
  }

  private void destroy(CartRequest req, CartReplier reply) {
    UUID pool;
    UUID cont;
    try {
      ContOp op = ContOp.parseFrom(req.bodyBytes());
      pool = Uuids.required(op.getPoolUuid(), "pool");
      cont = Uuids.required(op.getContUuid(), "container");
    } catch (InvalidProtocolBufferException | DaosException e) {
      LOG.warn("{}: malformed CONT_TGT_DESTROY from {}: {}", name, req.peer(), e.getMessage());
      send(reply, DaosStatus.INVAL.code());
      return;
    }
    handles.evictContainer(pool, cont);
    EnginePool p;
    try {
      p = pools.get(pool);
    } catch (DaosException e) {
      send(reply, 0);
      return;
    }
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int t = 0; t < p.targetCount(); t++) {
      int tgt = t;
      all.add(CompletableFuture.runAsync(() -> destroyOn(p, tgt, cont), targetExecutor.apply(tgt)));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
      int st = e == null ? 0 : status(e);
      if (st == 0) {
        LOG.info("{}: container {} of pool {} destroyed on {} targets", name, cont, pool, all.size());
      } else {
        LOG.error("{}: destroying container {} of pool {} failed: {}", name, cont, pool, e.toString());
      }
      send(reply, st);
    });
  }

  private static void destroyOn(EnginePool p, int tgt, UUID cont) {
    try {
      p.destroyContainer(tgt, cont);
    } catch (DaosException e) {
      if (e.status() != DaosStatus.NONEXIST) {
        throw e;
      }
    }
  }

  private static int status(Throwable e) {
    Throwable c = Futures.cause(e);
    return c instanceof DaosException de ? de.status().code() : DaosStatus.IO.code();
  }

  private static void send(CartReplier reply, int status) {
    byte[] b = ContReply.newBuilder().setOp(PoolOpReply.newBuilder().setStatus(status)).build().toByteArray();
    reply.reply(status, 0, io.netty.buffer.Unpooled.wrappedBuffer(b), null);
  }
}
