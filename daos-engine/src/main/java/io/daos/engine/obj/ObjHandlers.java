package io.daos.engine.obj;

import io.daos.common.Futures;
import io.daos.common.Uuids;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.rpc.ContRpc;
import io.daos.rpc.ObjRpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import io.daos.cart.CartHandler;
import io.daos.cart.CartReplier;
import io.daos.cart.CartRequest;
import io.daos.cart.CartServer;
import io.daos.cart.Opcode;
import io.daos.common.Hlc;
import io.daos.engine.dtx.DtxId;
import io.daos.engine.dtx.DtxService;
import io.daos.engine.pool.EnginePool;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.vos.FetchedValue;
import io.daos.engine.vos.Iod;
import io.daos.engine.vos.VosContainer;
import io.daos.proto.obj.IodExtents;
import io.daos.proto.obj.ObjPunchReply;
import io.daos.proto.obj.ObjPunchReq;
import io.daos.proto.obj.ObjRwReply;
import io.daos.proto.obj.ObjRwReq;
import io.daos.proto.obj.ObjTarget;
import io.daos.proto.obj.ShardTgt;
import io.daos.engine.vos.tree.VosObjectId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's object RPC handlers (DAOS {@code srv_obj.c}) over CART-J: update, fetch, punch (object, dkeys,
 * akeys); enumeration and query_key are in {@link ObjEnumHandlers}. Each runs on the executor of the target the
 * request names, the only thread that touches that target's VOS (DESIGN D7). Updates and punches with epoch 0
 * get an HLC epoch from the engine (DAOS independent updates). Every request's container handle is checked in the
 * {@link ContHandleCache} first (updates and punches need CONT_CAPA_WRITE_DATA, reads CONT_CAPA_READ_DATA); a handle
 * the engine has not seen is looked up without blocking the target thread, and the request then runs again on it.
 * Containers are created in VOS on first authorized use (as DAOS does at the first open on a target). Errors are
 * replied with the DAOS status in the frame and in the body.
 * <p>A modification carrying a DTX id (orw_dti / opi_dti) is replicated: on OBJ_UPDATE / OBJ_PUNCH* this shard is
 * the DTX leader and {@link DtxService#lead} executes it here and forwards OBJ_TGT_UPDATE / OBJ_TGT_PUNCH* to the
 * shards of its forward list; on OBJ_TGT_* this shard prepares it ({@link DtxService#prepare}). Reads first check
 * for PREPARED DTX data ({@link DtxService#checkRead}) and refresh it, up to {@link #DTX_REFRESH_MAX} rounds, before
 * answering DER_INPROGRESS.
 */
public final class ObjHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(ObjHandlers.class);
  /** Malformed requests log a few lines a minute, not one each. */
  private static final io.daos.common.LogLimiter LOG_LIMIT = io.daos.common.LogLimiter.perMinute();
  /** DTX_REFRESH_MAX: refresh rounds one read does before it answers DER_INPROGRESS. */
  static final int DTX_REFRESH_MAX = 4;

  private final String name;
  private final PoolTargets pools;
  private final java.util.function.ToIntFunction<java.util.UUID> mapVersion;
  private final StaleMap stale;
  private final Hlc hlc;
  private final ContHandleCache handles;
  private final IntFunction<Executor> targetExecutor;
  private final DtxService dtx;
  private final IntSupplier rank;
  private volatile io.daos.engine.cont.agg.ContAggregator aggregator;

  /**
   * Handlers that check container handles in {@code handles}; {@code targetExecutor} is each target's executor
   * (DESIGN D7), where a request waiting for a handle lookup runs again.
   */
  public ObjHandlers(String name, PoolTargets pools, IntSupplier mapVersion, Hlc hlc, ContHandleCache handles,
      IntFunction<Executor> targetExecutor) {
    this(name, pools, pool -> mapVersion.getAsInt(), (pool, seen) -> { }, hlc, handles, targetExecutor, null,
        () -> -1);
  }

  /**
   * As above, with each pool's own map version ({@code mapVersion} of the pool UUID) echoed in the replies; a
   * request carrying a newer version than the engine's makes {@code stale} refresh the engine's map (DAOS
   * {@code ds_pool_child_map_refresh_async}) while the request goes on.
   */
  public ObjHandlers(String name, PoolTargets pools, java.util.function.ToIntFunction<java.util.UUID> mapVersion,
      StaleMap stale, Hlc hlc, ContHandleCache handles, IntFunction<Executor> targetExecutor) {
    this(name, pools, mapVersion, stale, hlc, handles, targetExecutor, null, () -> -1);
  }

  /**
   * As above, with replicated modifications (requests with a DTX id) run under {@code dtx}; {@code rank} is this
   * engine's rank (the leader's place in a DTX's membership).
   */
  public ObjHandlers(String name, PoolTargets pools, java.util.function.ToIntFunction<java.util.UUID> mapVersion,
      StaleMap stale, Hlc hlc, ContHandleCache handles, IntFunction<Executor> targetExecutor, DtxService dtx,
      IntSupplier rank) {
    this.dtx = dtx;
    this.rank = rank;
    this.name = name;
    this.pools = pools;
    this.mapVersion = mapVersion;
    this.stale = stale;
    this.hlc = hlc;
    this.handles = handles;
    this.targetExecutor = targetExecutor;
  }

  /**
   * Where a write that does not fit asks for space first ({@link io.daos.engine.cont.agg.ContAggregator#reclaimNow}) and
   * CONT_TGT_SNAPSHOT_NOTIFY is delivered; set before {@link #registerOn}.
   */
  private io.daos.engine.telemetry.EngineMetrics metrics;

  public ObjHandlers aggregation(io.daos.engine.cont.agg.ContAggregator a) {
    this.aggregator = a;
    return this;
  }

  /** Where update, fetch and punch count themselves (DAOS's object telemetry); set before {@link #registerOn}. */
  public ObjHandlers metrics(io.daos.engine.telemetry.EngineMetrics m) {
    this.metrics = m;
    return this;
  }

  /** {@code h} metered under DAOS's telemetry name of {@code opc} ({@link ObjRpc#metricName}). */
  io.daos.cart.CartHandler metered(io.daos.cart.Opcode opc, io.daos.cart.CartHandler h) {
    return metrics == null ? h : Metered.wrap(metrics, ObjRpc.metricName(opc), h);
  }

  /** Registers every object opcode this engine serves on {@code server}. */
  public CartServer registerOn(CartServer server) {
    IntFunction<MessageLite> rwErr = st -> ObjRwReply.newBuilder().setStatus(st).build();
    IntFunction<MessageLite> punchErr = st -> ObjPunchReply.newBuilder().setStatus(st).build();
    server.register(ObjRpc.UPDATE, metered(ObjRpc.UPDATE, guarded(ObjRpc.UPDATE, this::update, rwErr)))
        .register(ObjRpc.FETCH, metered(ObjRpc.FETCH, guarded(ObjRpc.FETCH, this::fetch, rwErr)))
        .register(ObjRpc.PUNCH, metered(ObjRpc.PUNCH, guarded(ObjRpc.PUNCH, this::punch, punchErr)))
        .register(ObjRpc.PUNCH_DKEYS, metered(ObjRpc.PUNCH_DKEYS, guarded(ObjRpc.PUNCH_DKEYS, this::punch, punchErr)))
        .register(ObjRpc.PUNCH_AKEYS, metered(ObjRpc.PUNCH_AKEYS, guarded(ObjRpc.PUNCH_AKEYS, this::punch, punchErr)))
        .register(ObjRpc.TGT_UPDATE, metered(ObjRpc.TGT_UPDATE, guarded(ObjRpc.TGT_UPDATE, this::update, rwErr)))
        .register(ObjRpc.TGT_PUNCH, metered(ObjRpc.TGT_PUNCH, guarded(ObjRpc.TGT_PUNCH, this::punch, punchErr)))
        .register(ObjRpc.TGT_PUNCH_DKEYS, metered(ObjRpc.TGT_PUNCH_DKEYS,
            guarded(ObjRpc.TGT_PUNCH_DKEYS, this::punch, punchErr)))
        .register(ObjRpc.TGT_PUNCH_AKEYS, metered(ObjRpc.TGT_PUNCH_AKEYS,
            guarded(ObjRpc.TGT_PUNCH_AKEYS, this::punch, punchErr)));
    new ObjEnumHandlers(this).registerOn(server);
    if (targetExecutor != null) {
      new ContTgtHandlers(name, pools, handles, targetExecutor, aggregator).registerOn(server);
    }
    return server;
  }

  /** Told when a request shows a pool map newer than this engine's. */
  @FunctionalInterface
  public interface StaleMap {
    void newer(java.util.UUID pool, int seen);
  }

  /** This engine's map version of the request's pool; a newer one in the request starts a refresh if {@code tell}. */
  private int mapVersion(CartRequest req, boolean tell) {
    java.util.UUID pool = ObjCodec.peekPool(req.body());
    if (pool == null) {
      return mapVersion.applyAsInt(null);
    }
    int mv = mapVersion.applyAsInt(pool);
    if (tell && req.mapVersion() > mv) {
      stale.newer(pool, req.mapVersion());
    }
    return mv;
  }

  /**
   * {@code obj_ioc_begin}: a client request placed on an older pool map than this engine's fails with DER_STALE, so
   * that the client re-places the object (a reintegrating or draining target's peer shard exists only in the newer
   * layout) before it reads or writes. Forwarded modifications (version 0: the leader checked the client's) pass, and
   * so does a body without a pool (its parse reports DER_INVAL).
   */
  private static void checkStale(Opcode opc, CartRequest req, int mv) {
    int v = req.mapVersion();
    if (v != 0 && v < mv && opc.op() < ObjRpc.OP_TGT_UPDATE && opc.module() == ObjRpc.UPDATE.module()
        && ObjCodec.peekPool(req.body()) != null) {
      throw new DaosException(DaosStatus.STALE, opc + " placed on pool map version " + v + ", this engine has "
          + "version " + mv + "; refresh the pool map and retry");
    }
  }

  /** A handler body; {@code mv} is the engine's map version to echo. */
  @FunctionalInterface
  interface Op {
    void run(CartRequest req, CartReplier reply, int mv) throws Exception;
  }

  CartHandler guarded(Opcode opc, Op op, IntFunction<MessageLite> errorBody) {
    return (req, reply) -> attempt(opc, op, errorBody, req, reply, Tries.FIRST);
  }

  /**
   * Where a request is in its tries: whether a missing container handle may still be looked up, the DTX refresh
   * rounds done, and whether it already waited for the aggregator's snapshot lists ({@link SpacePending}).
   */
  private record Tries(boolean mayResolve, int refreshed, boolean spaceWaited) {
    static final Tries FIRST = new Tries(true, 0, false);

    boolean first() {
      return mayResolve && refreshed == 0;
    }
  }

  private void attempt(Opcode opc, Op op, IntFunction<MessageLite> errorBody, CartRequest req, CartReplier reply,
      Tries tries) {
    int mv = mapVersion(req, tries.first());
    try {
      checkStale(opc, req, mv);
      op.run(req, reply, mv);
    } catch (DtxService.Unresolved u) {
      if (tries.refreshed() >= DTX_REFRESH_MAX) {
        fail(opc, errorBody, req, reply, new DaosException(DaosStatus.INPROGRESS, u.getMessage() + "; retry"));
        return;
      }
      retryAfter(dtx.resolve(u), req, e -> {
        if (e == null) {
          attempt(opc, op, errorBody, req, reply, new Tries(tries.mayResolve(), tries.refreshed() + 1,
              tries.spaceWaited()));
        } else {
          fail(opc, errorBody, req, reply, new DaosException(DaosStatus.INPROGRESS, "DTX refresh failed ("
              + Futures.cause(e) + "); retry"));
        }
      });
    } catch (SpacePending sp) {
      if (tries.spaceWaited()) {
        fail(opc, errorBody, req, reply, sp.full);
        return;
      }
      retryAfter(sp.views, req,
          e -> attempt(opc, op, errorBody, req, reply, new Tries(tries.mayResolve(), tries.refreshed(), true)));
    } catch (ContHandleCache.Miss m) {
      if (!tries.mayResolve()) {
        fail(opc, errorBody, req, reply, new DaosException(DaosStatus.NO_HDL, m.getMessage()));
        return;
      }
      retryAfter(handles.resolve(m.pool, m.handle), req, e -> {
        if (e == null) {
          attempt(opc, op, errorBody, req, reply, new Tries(false, tries.refreshed(), tries.spaceWaited()));
        } else {
          fail(opc, errorBody, req, reply, lookupError(m, e));
        }
      });
    } catch (DaosException e) {
      fail(opc, errorBody, req, reply, e);
    } catch (InvalidProtocolBufferException e) {
      LOG_LIMIT.warn(LOG, "malformed", "{}: malformed {} body from {}: {}", name, opc, req.peer(), e.getMessage());
      reply.reply(DaosStatus.INVAL.code(), mv, body(withReason(errorBody.apply(DaosStatus.INVAL.code()),
          new DaosException(DaosStatus.INVAL, "malformed " + opc + " body: " + e.getMessage()))), null);
    } catch (Exception e) {
      LOG.error("{}: {} from {} failed unexpectedly", name, opc, req.peer(), e);
      fail(opc, errorBody, req, reply, new DaosException(DaosStatus.MISC, e.toString(), e));
    }
  }

  /**
   * Runs {@code next} on the request's target xstream once {@code gate} completes (with its failure, or null),
   * keeping the request's buffers alive until then.
   */
  private void retryAfter(CompletionStage<?> gate, CartRequest req,
      Consumer<Throwable> next) {
    req.retain();
    gate.whenComplete((v, e) -> targetExecutor.apply(req.target()).execute(() -> {
      try {
        next.accept(e);
      } finally {
        req.body().release();
        req.bulk().release();
      }
    }));
  }

  private void fail(Opcode opc, IntFunction<MessageLite> errorBody, CartRequest req, CartReplier reply,
      DaosException e) {
    LOG.debug("{}: {} from {} failed: {}", name, opc, req.peer(), e.getMessage());
    int mv = mapVersion(req, false);
    reply.reply(e.status().code(), mv, body(withReason(errorBody.apply(e.status().code()), e)), null);
  }

  /**
   * The error reply {@code b} with the engine's reason for it (the object replies' {@code reason}, a jdaos extension:
   * DAOS replies carry only the status): the exception's message without its status, or the error's class and
   * message when it is not a DAOS error.
   */
  static MessageLite withReason(MessageLite b, Throwable c) {
    String reason = c instanceof DaosException de ? de.reason() : c.toString();
    if (reason.isEmpty() || !(b instanceof com.google.protobuf.Message m)) {
      return b;
    }
    com.google.protobuf.Descriptors.FieldDescriptor f = m.getDescriptorForType().findFieldByName("reason");
    return f == null ? b : m.toBuilder().setField(f, reason).build();
  }

  /** DER_NO_HDL when the service does not know the handle; its own error when it could not be asked. */
  private static DaosException lookupError(ContHandleCache.Miss m, Throwable e) {
    Throwable c = Futures.cause(e);
    if (c instanceof DaosException de) {
      return de;
    }
    return new DaosException(DaosStatus.NO_HDL, "container handle " + m.handle + " could not be checked: " + c);
  }

  static ByteBuf body(MessageLite m) {
    return Unpooled.wrappedBuffer(m.toByteArray());
  }

  EnginePool pool(ObjTarget t) {
    return pools.get(Uuids.required(t.getPoolUuid(), "pool"));
  }

  /** The target's container of {@code t}, once its handle may do what {@code capa} allows. */
  VosContainer container(CartRequest req, ObjTarget t, long capa) {
    UUID pool = Uuids.required(t.getPoolUuid(), "pool");
    UUID cont = Uuids.required(t.getContUuid(), "container");
    handles.check(pool, t.getContHdl(), cont, capa);
    return pools.get(pool).container(req.target(), cont);
  }

  private long writeEpoch(long requested) {
    return requested == 0 ? hlc.now() : requested;
  }

  private void update(CartRequest req, CartReplier reply, int mv) throws Exception {
    ObjRwReq r = ObjRwReq.parseFrom(req.body().nioBuffer());
    byte[] dkey = ObjCodec.dkey(r.getDkey());
    VosContainer c = container(req, r.getTarget(), ContRpc.CAPA_WRITE_DATA);
    boolean forwarded = req.opcode().op() == ObjRpc.OP_TGT_UPDATE;
    boolean ec = EcSplit.isSplit(r);
    if (ec && forwarded) {
      throw new DaosException(DaosStatus.INVAL, "OBJ_TGT_UPDATE carries its shard's iods, not EC parts");
    }
    List<Iod> iods = ec
        ? ObjCodec.updateIods(EcSplit.iods(r, r.getTarget().getShard()),
            EcSplit.slice(req.bulk(), EcSplit.part(r, r.getTarget().getShard())))
        : ObjCodec.updateIods(r.getIodsList(), req.bulk());
    checkSpace(pool(r.getTarget()), req.target(), req.bulk().readableBytes());
    VosObjectId oid = ObjCodec.oid(r.getTarget());
    if (dtx == null || !r.hasDti()) {
      if (forwarded) {
        throw new DaosException(DaosStatus.INVAL, "OBJ_TGT_UPDATE needs a DTX id (orw_dti)");
      }
      long epoch = writeEpoch(r.getEpoch());
      holding(req.bulk(), () -> c.submitUpdate(epoch, oid, dkey, iods, r.getFlags())).whenComplete((v, e) ->
          complete(reply, mv, e, () -> ObjRwReply.newBuilder().setMapVersion(mv).setEpoch(epoch).build(),
              st -> ObjRwReply.newBuilder().setStatus(st).build()));
      return;
    }
    DtxId dti = DtxId.of(r.getDti());
    UUID pool = Uuids.required(r.getTarget().getPoolUuid(), "pool");
    long hash = ObjCodec.dkeyHash(dkey);
    CompletableFuture<Long> done;
    if (forwarded) {
      done = dtx.prepare(pool, req.target(), c, dti, forwardedEpoch(r.getEpoch()), oid, hash, r.getShardTgtsList(),
          r.getDtiCosList(), rec -> holding(req.bulk(), () -> c.submitUpdate(r.getEpoch(), oid, dkey, iods,
              r.getFlags(), rec)));
    } else {
      long epoch = writeEpoch(r.getEpoch());
      ByteBuf data = req.bulk();
      done = dtx.lead(pool, req.target(), c, dti, epoch, oid, hash, self(req, r.getTarget()),
          r.getShardTgtsList(), new DtxService.Modification() {
            @Override
            public CompletableFuture<Void> local(VosContainer.DtxRecord rec) {
              return holding(data, () -> c.submitUpdate(epoch, oid, dkey, iods, r.getFlags(), rec));
            }

            @Override
            public DtxService.Forward forward(ShardTgt to, long ep, List<ShardTgt> members,
                List<io.daos.proto.obj.DtxId> cos) {
              io.daos.proto.obj.EcShardIods part = ec ? EcSplit.part(r, to.getShard()) : null;
              ObjRwReq.Builder fb = ec ? EcSplit.forShard(r, part) : r.toBuilder();
              ObjRwReq f = fb.setTarget(r.getTarget().toBuilder().setShard(to.getShard())).setEpoch(ep)
                  .clearShardTgts().addAllShardTgts(members).clearDtiCos().addAllDtiCos(cos).build();
              return new DtxService.Forward(ObjRpc.TGT_UPDATE, f, ec ? EcSplit.slice(data, part).copy() : data.copy());
            }
          });
    }
    done.whenComplete((ep, e) -> complete(reply, mv, e,
        () -> ObjRwReply.newBuilder().setMapVersion(mv).setEpoch(ep).build(),
        st -> ObjRwReply.newBuilder().setStatus(st).build()));
  }

  /**
   * Queues a VOS write whose iods read {@code bulk} (see {@link ObjCodec#updateIods}) and holds a reference to it
   * until the write has applied: the reply releases the request's own, and may go first when the handler fails
   * after the write was queued.
   */
  private static CompletableFuture<Void> holding(ByteBuf bulk,
      Supplier<CompletableFuture<Void>> submit) {
    bulk.retain();
    CompletableFuture<Void> f;
    try {
      f = submit.get();
    } catch (RuntimeException e) {
      bulk.release();
      throw e;
    }
    f.whenComplete((v, e) -> bulk.release());
    return f;
  }

  /** This shard as a DTX member: this engine's rank, the request's target and the object shard. */
  private ShardTgt self(CartRequest req, ObjTarget t) {
    return ShardTgt.newBuilder().setRank(rank.getAsInt()).setTgtIdx(req.target()).setShard(t.getShard()).build();
  }

  private static long forwardedEpoch(long e) {
    if (e == 0) {
      throw new DaosException(DaosStatus.INVAL, "a forwarded modification needs the leader's epoch");
    }
    return e;
  }

  /** Before a read: resolves DTXs whose PREPARED data the read would meet (see {@link DtxService#checkRead}). */
  void checkRead(CartRequest req, ObjTarget t, VosContainer c, long hash, long epoch) {
    if (dtx != null) {
      dtx.checkRead(Uuids.required(t.getPoolUuid(), "pool"), req.target(), c, ObjCodec.oid(t), hash, epoch);
    }
  }

  /**
   * Replies once a queued write has committed (the xstream group-commits after the handler returns, so the reply is
   * sent from the commit's callback on the target thread; never wait for the future here).
   */
  private void complete(CartReplier reply, int mv, Throwable e, Supplier<MessageLite> ok,
      IntFunction<MessageLite> err) {
    if (e == null) {
      reply.ok(mv, body(ok.get()));
      return;
    }
    Throwable c = Futures.cause(e);
    int st = c instanceof DaosException de ? de.status().code() : DaosStatus.IO.code();
    if (!(c instanceof DaosException)) {
      LOG.error("{}: write failed: {}", name, c.toString());
    }
    reply.reply(st, mv, body(withReason(err.apply(st), c)), null);
  }

  /**
   * DER_NOSPACE when the write would take the target past its share of the pool's tier bytes, after the aggregator
   * (if any) had its chance to free space on the target; {@link SpacePending} when it could not try every container
   * yet because their snapshot lists are still to be fetched (the write is then tried again once they are).
   */
  private void checkSpace(EnginePool p, int tgt, long incoming) {
    long limit = p.targetSpaceLimit();
    if (limit <= 0) {
      return;
    }
    long used = p.targetSpaceUsed(tgt);
    io.daos.engine.cont.agg.ContAggregator agg = aggregator;
    if (used + incoming <= limit) {
      return;
    }
    if (agg != null && agg.reclaimNow(p, tgt)) {
      used = p.targetSpaceUsed(tgt);
    }
    if (used + incoming > limit) {
      DaosException full = new DaosException(DaosStatus.NOSPACE, "pool " + p.uuid() + " target " + tgt + " has "
          + (limit - used) + " of " + limit + " bytes free, update needs " + incoming);
      CompletableFuture<Void> views = agg == null ? null : agg.fetchMissingViews(p, tgt);
      throw views == null ? full : new SpacePending(views, full);
    }
  }

  /**
   * A write that does not fit before the aggregator has fetched the snapshot lists it needs to free space: the
   * handler runs again once {@link #views} completes (off the target thread, which the fetch may need), and fails
   * with {@link #full} if it still does not fit then.
   */
  static final class SpacePending extends RuntimeException {
    final transient CompletableFuture<Void> views;
    final DaosException full;

    SpacePending(CompletableFuture<Void> views, DaosException full) {
      super(full.getMessage(), null, false, false);
      this.views = views;
      this.full = full;
    }
  }

  private void fetch(CartRequest req, CartReplier reply, int mv) throws Exception {
    ObjRwReq r = ObjRwReq.parseFrom(req.body().nioBuffer());
    byte[] dkey = ObjCodec.dkey(r.getDkey());
    VosContainer c = container(req, r.getTarget(), ContRpc.CAPA_READ_DATA);
    checkRead(req, r.getTarget(), c, ObjCodec.dkeyHash(dkey), ObjCodec.readEpoch(r.getEpoch()));
    FetchBuffers bufs = new FetchBuffers();
    ByteBuf bulk;
    ObjRwReply.Builder b = ObjRwReply.newBuilder().setMapVersion(mv).setEpoch(r.getEpoch());
    try {
      List<FetchedValue> values = c.fetchInto(ObjCodec.readEpoch(r.getEpoch()), ObjCodec.oid(r.getTarget()), dkey,
          ObjCodec.fetchIods(r.getIodsList()), r.getFlags(), bufs);
      ByteBuf[] data = new ByteBuf[values.size()];
      for (int i = 0; i < values.size(); i++) {
        FetchedValue v = values.get(i);
        data[i] = bufs.take(v);
        IodExtents.Builder m = IodExtents.newBuilder();
        v.extents().forEach(x -> m.addRecxs(ObjCodec.recx(x)));
        b.addIodSizes(v.recordSize()).addDataSizes(v.length()).addMaps(m);
      }
      bulk = Unpooled.wrappedBuffer(data.length, data);
    } finally {
      bufs.releaseUntaken();
    }
    reply.ok(mv, body(b.build()), bulk);
  }

  private void punch(CartRequest req, CartReplier reply, int mv) throws Exception {
    ObjPunchReq r = ObjPunchReq.parseFrom(req.body().nioBuffer());
    VosContainer c = container(req, r.getTarget(), ContRpc.CAPA_WRITE_DATA);
    int op = req.opcode().op();
    boolean forwarded = op >= ObjRpc.OP_TGT_PUNCH;
    int kind = forwarded ? op - ObjRpc.OP_TGT_PUNCH + ObjRpc.OP_PUNCH : op;
    byte[] dkey = null;
    List<byte[]> dkeys = null;
    List<byte[]> akeys = null;
    long hash = 0;
    if (kind == ObjRpc.OP_PUNCH_DKEYS) {
      if (r.getDkeysCount() == 0) {
        throw new DaosException(DaosStatus.INVAL, "OBJ_PUNCH_DKEYS needs at least one dkey");
      }
      dkeys = r.getDkeysList().stream().map(ObjCodec::dkey).toList();
      hash = dkeys.size() == 1 ? ObjCodec.dkeyHash(dkeys.get(0)) : 0;
    } else if (kind == ObjRpc.OP_PUNCH_AKEYS) {
      if (r.getAkeysCount() == 0) {
        throw new DaosException(DaosStatus.INVAL, "OBJ_PUNCH_AKEYS needs at least one akey");
      }
      akeys = r.getAkeysList().stream().map(ByteString::toByteArray).toList();
      dkey = ObjCodec.dkey(r.getDkey());
      hash = ObjCodec.dkeyHash(dkey);
    }
    VosObjectId oid = ObjCodec.oid(r.getTarget());
    byte[] fd = dkey;
    List<byte[]> fds = dkeys;
    List<byte[]> fas = akeys;
    CompletableFuture<Long> done;
    if (dtx == null || !r.hasDti()) {
      if (forwarded) {
        throw new DaosException(DaosStatus.INVAL, req.opcode() + " needs a DTX id (opi_dti)");
      }
      long epoch = writeEpoch(r.getEpoch());
      done = c.submitPunch(epoch, oid, fd, fds, fas, r.getFlags(), null).thenApply(v -> epoch);
    } else if (forwarded) {
      long epoch = forwardedEpoch(r.getEpoch());
      done = dtx.prepare(Uuids.required(r.getTarget().getPoolUuid(), "pool"), req.target(), c, DtxId.of(r.getDti()),
          epoch, oid, hash, r.getShardTgtsList(), r.getDtiCosList(),
          rec -> c.submitPunch(epoch, oid, fd, fds, fas, r.getFlags(), rec));
    } else {
      long epoch = writeEpoch(r.getEpoch());
      Opcode fwdOp = kind == ObjRpc.OP_PUNCH ? ObjRpc.TGT_PUNCH
          : kind == ObjRpc.OP_PUNCH_DKEYS ? ObjRpc.TGT_PUNCH_DKEYS : ObjRpc.TGT_PUNCH_AKEYS;
      done = dtx.lead(Uuids.required(r.getTarget().getPoolUuid(), "pool"), req.target(), c, DtxId.of(r.getDti()),
          epoch, oid, hash, self(req, r.getTarget()), r.getShardTgtsList(), new DtxService.Modification() {
            @Override
            public CompletableFuture<Void> local(VosContainer.DtxRecord rec) {
              return c.submitPunch(epoch, oid, fd, fds, fas, r.getFlags(), rec);
            }

            @Override
            public DtxService.Forward forward(ShardTgt to, long ep, List<ShardTgt> members,
                List<io.daos.proto.obj.DtxId> cos) {
              ObjPunchReq f = r.toBuilder().setTarget(r.getTarget().toBuilder().setShard(to.getShard())).setEpoch(ep)
                  .clearShardTgts().addAllShardTgts(members).clearDtiCos().addAllDtiCos(cos).build();
              return new DtxService.Forward(fwdOp, f, null);
            }
          });
    }
    done.whenComplete((ep, e) -> complete(reply, mv, e,
        () -> ObjPunchReply.newBuilder().setMapVersion(mv).setEpoch(ep).build(),
        st -> ObjPunchReply.newBuilder().setStatus(st).build()));
  }
}
