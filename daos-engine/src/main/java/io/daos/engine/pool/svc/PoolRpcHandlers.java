package io.daos.engine.pool.svc;

import com.google.protobuf.ByteString;
import io.daos.cart.CartServer;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.proto.pool.AttrNames;
import io.daos.proto.pool.AttrReply;
import io.daos.proto.pool.AttrSet;
import io.daos.proto.pool.PoolAclDeleteReq;
import io.daos.proto.pool.PoolAclUpdateReq;
import io.daos.proto.pool.PoolConnectReply;
import io.daos.proto.pool.PoolConnectReq;
import io.daos.proto.pool.PoolEvictReply;
import io.daos.proto.pool.PoolEvictReq;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolMapReply;
import io.daos.proto.pool.PoolMapReq;
import io.daos.proto.pool.PoolOp;
import io.daos.proto.pool.PoolOpReply;
import io.daos.proto.pool.PoolPropGetReq;
import io.daos.proto.pool.PoolPropReply;
import io.daos.proto.pool.PoolPropSetReq;
import io.daos.proto.pool.PoolQueryReply;
import io.daos.proto.pool.PoolQueryReq;
import io.daos.proto.pool.PoolSpace;
import io.daos.proto.pool.RebuildStatus;
import io.daos.rpc.PoolRpc;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The pool service's CART-J handlers (DAOS {@code src/pool/srv_pool.c} ds_pool_*_handler): CONNECT, DISCONNECT,
 * QUERY, QUERY_INFO, TGT_QUERY_MAP, ATTR_LIST/GET/SET/DEL, PROP_GET/SET, ACL_UPDATE/DELETE and EVICT. Bodies run on
 * the pool's service thread ({@link ServiceCalls}).
 */
public final class PoolRpcHandlers {
  /** DAOS_PO_QUERY_SPACE: the query or connect asks for the pool space. */
  static final long QUERY_SPACE = 1;
  /** DRS_COMPLETED: no rebuild running. */
  static final int REBUILD_DONE = 2;
  /** DAOS_RSF_DEGRADED: a target is DOWN (its data not yet rebuilt). */
  public static final int RSF_DEGRADED = 1;
  private static final int TARGET_DOWN = 8;

  private final ServiceCalls calls;
  private final CredentialValidator validator;
  private final PoolSpaceQuery space;
  private final java.util.function.Function<UUID, RebuildStatus> rebuildStatus;
  private final java.util.function.Supplier<java.util.function.IntPredicate> deadRanks;

  public PoolRpcHandlers(PoolServices services, CredentialValidator validator, PoolSpaceQuery space) {
    this(services, validator, space, pool -> null);
  }

  /**
   * {@code rebuildStatus} gives this engine's (the leader's) {@code daos_rebuild_status} of a pool's latest rebuild
   * (null: none); query and connect answer it, with DAOS_RSF_DEGRADED when the map has DOWN targets.
   */
  public PoolRpcHandlers(PoolServices services, CredentialValidator validator, PoolSpaceQuery space,
      java.util.function.Function<UUID, RebuildStatus> rebuildStatus) {
    this(services, validator, space, rebuildStatus, () -> r -> false);
  }

  /**
   * As above; {@code deadRanks} gives, per query, which ranks are dead for this engine (SWIM holds them DEAD or the
   * group map no longer has them): query's dead_ranks.
   */
  private volatile java.util.function.BiConsumer<UUID, String> opCounter = (pool, name) -> { };

  public PoolRpcHandlers(PoolServices services, CredentialValidator validator, PoolSpaceQuery space,
      java.util.function.Function<UUID, RebuildStatus> rebuildStatus,
      java.util.function.Supplier<java.util.function.IntPredicate> deadRanks) {
    this.deadRanks = deadRanks;
    this.calls = new ServiceCalls(services);
    this.validator = validator;
    this.space = space;
    this.rebuildStatus = rebuildStatus;
  }

  /**
   * Told of each connect, disconnect, query and evict this engine processes as its pool's service leader, with
   * DAOS's counter name ({@code pool_connect}, ...: {@code pool/<uuid>/ops/<name>}); set before {@link #registerOn}.
   */
  public PoolRpcHandlers opCounter(java.util.function.BiConsumer<UUID, String> c) {
    this.opCounter = c;
    return this;
  }

  private <Q> ServiceCalls.Body<Q> counted(String name, ServiceCalls.Body<Q> body) {
    return (svc, q) -> {
      opCounter.accept(svc.poolUuid(), name);
      return body.run(svc, q);
    };
  }

  public CartServer registerOn(CartServer s) {
    s.register(PoolRpc.CONNECT, (req, reply) -> calls.serve(req, reply, PoolConnectReq::parseFrom,
        PoolConnectReq::getOp, counted("pool_connect", this::connect),
        op -> PoolConnectReply.newBuilder().setOp(op).build()));
    s.register(PoolRpc.DISCONNECT, (req, reply) -> calls.serve(req, reply, PoolOp::parseFrom, o -> o,
        counted("pool_disconnect", this::disconnect), op -> op));
    s.register(PoolRpc.QUERY, (req, reply) -> calls.serve(req, reply, PoolQueryReq::parseFrom,
        PoolQueryReq::getOp, counted("pool_query", this::query),
        op -> PoolQueryReply.newBuilder().setOp(op).build()));
    s.register(PoolRpc.QUERY_INFO, (req, reply) -> calls.serve(req, reply, PoolQueryReq::parseFrom,
        PoolQueryReq::getOp, this::query, op -> PoolQueryReply.newBuilder().setOp(op).build()));
    s.register(PoolRpc.TGT_QUERY_MAP, (req, reply) -> calls.serve(req, reply, PoolMapReq::parseFrom,
        PoolMapReq::getOp, this::tgtQueryMap, op -> PoolMapReply.newBuilder().setOp(op).build()));
    registerAttrs(s);
    s.register(PoolRpc.PROP_GET, (req, reply) -> calls.serve(req, reply, PoolPropGetReq::parseFrom,
        PoolPropGetReq::getOp, this::propGet, op -> PoolPropReply.newBuilder().setOp(op).build()));
    s.register(PoolRpc.PROP_SET, (req, reply) -> calls.serve(req, reply, PoolPropSetReq::parseFrom,
        PoolPropSetReq::getOp, this::propSet, op -> PoolPropReply.newBuilder().setOp(op).build()));
    s.register(PoolRpc.ACL_UPDATE, (req, reply) -> calls.serve(req, reply, PoolAclUpdateReq::parseFrom,
        PoolAclUpdateReq::getOp, this::aclUpdate, op -> PoolPropReply.newBuilder().setOp(op).build()));
    s.register(PoolRpc.ACL_DELETE, (req, reply) -> calls.serve(req, reply, PoolAclDeleteReq::parseFrom,
        PoolAclDeleteReq::getOp, this::aclDelete, op -> PoolPropReply.newBuilder().setOp(op).build()));
    s.register(PoolRpc.EVICT, (req, reply) -> calls.serve(req, reply, PoolEvictReq::parseFrom,
        PoolEvictReq::getOp, counted("pool_evict", this::evict), op -> PoolEvictReply.newBuilder().setOp(op).build()));
    return s;
  }

  private void registerAttrs(CartServer s) {
    ServiceCalls.ErrorReply attrErr = op -> AttrReply.newBuilder().setOp(op).build();
    s.register(PoolRpc.ATTR_LIST, (req, reply) -> calls.serve(req, reply, AttrNames::parseFrom, AttrNames::getOp,
        this::attrList, attrErr));
    s.register(PoolRpc.ATTR_GET, (req, reply) -> calls.serve(req, reply, AttrNames::parseFrom, AttrNames::getOp,
        this::attrGet, attrErr));
    s.register(PoolRpc.ATTR_SET, (req, reply) -> calls.serve(req, reply, AttrSet::parseFrom, AttrSet::getOp,
        this::attrSet, attrErr));
    s.register(PoolRpc.ATTR_DEL, (req, reply) -> calls.serve(req, reply, AttrNames::parseFrom, AttrNames::getOp,
        this::attrDel, attrErr));
  }

  CompletableFuture<PoolConnectReply> connect(PoolService svc, PoolConnectReq req) {
    Identity who = validator.validate(req.getCred().toByteArray());
    PoolHandleInfo h = svc.connect(ServiceCalls.hdl(req.getOp()), who, req.getFlags());
    PoolMap map = svc.map();
    PoolConnectReply.Builder b = PoolConnectReply.newBuilder().setMap(map).addAllProps(svc.props(List.of()))
        .setCapas(h.capas()).setRebuild(rebuild(svc.poolUuid(), map));
    return withSpace(svc, map, req.getQueryBits(), b.build(), (r, sp) -> r.toBuilder().setSpace(sp)
        .setOp(ServiceCalls.ok(svc)).build());
  }

  CompletableFuture<PoolOpReply> disconnect(PoolService svc, PoolOp req) {
    svc.disconnect(ServiceCalls.hdl(req));
    return done(ServiceCalls.ok(svc));
  }

  CompletableFuture<PoolQueryReply> query(PoolService svc, PoolQueryReq req) {
    checkHandle(svc, req.getOp());
    PoolMap map = svc.map();
    PoolQueryReply.Builder b = PoolQueryReply.newBuilder().setMap(map).setRebuild(rebuild(svc.poolUuid(), map))
        .addAllProps(svc.props(List.of())).addAllSvcReps(svc.replicas());
    java.util.function.IntPredicate dead = deadRanks.get();
    map.getRanksList().stream().mapToInt(r -> r.getRank()).filter(dead).sorted().forEach(b::addDeadRanks);
    svc.rdb().leaderHint().ifPresent(b::setLeaderRank);
    long bits = req.getQueryBits() == 0 ? QUERY_SPACE : req.getQueryBits();
    if ((bits & QUERY_SPACE) != 0) {
      opCounter.accept(svc.poolUuid(), "pool_query_space");
    }
    return withSpace(svc, map, bits, b.build(),
        (r, sp) -> r.toBuilder().setSpace(sp).setOp(ServiceCalls.ok(svc)).build());
  }

  CompletableFuture<PoolMapReply> tgtQueryMap(PoolService svc, PoolMapReq req) {
    checkHandle(svc, req.getOp());
    PoolMap map = svc.map();
    return done(PoolMapReply.newBuilder().setOp(ServiceCalls.ok(svc)).setMap(map).build());
  }

  CompletableFuture<AttrReply> attrList(PoolService svc, AttrNames req) {
    checkHandle(svc, req.getOp());
    AttrReply.Builder b = AttrReply.newBuilder();
    svc.attrs(List.of()).keySet().forEach(k -> b.putAttrs(k, ByteString.EMPTY));
    return done(b.setOp(ServiceCalls.ok(svc)).build());
  }

  CompletableFuture<AttrReply> attrGet(PoolService svc, AttrNames req) {
    checkHandle(svc, req.getOp());
    if (req.getNamesCount() == 0) {
      throw new DaosException(DaosStatus.INVAL, "ATTR_GET needs at least one attribute name");
    }
    AttrReply.Builder b = AttrReply.newBuilder();
    svc.attrs(req.getNamesList()).forEach((k, v) -> b.putAttrs(k, ByteString.copyFrom(v)));
    return done(b.setOp(ServiceCalls.ok(svc)).build());
  }

  CompletableFuture<AttrReply> attrSet(PoolService svc, AttrSet req) {
    checkWriter(svc, req.getOp());
    Map<String, byte[]> attrs = new java.util.TreeMap<>();
    req.getAttrsMap().forEach((k, v) -> attrs.put(k, v.toByteArray()));
    svc.setAttrs(attrs);
    return done(AttrReply.newBuilder().setOp(ServiceCalls.ok(svc)).build());
  }

  CompletableFuture<AttrReply> attrDel(PoolService svc, AttrNames req) {
    checkWriter(svc, req.getOp());
    svc.deleteAttrs(req.getNamesList());
    return done(AttrReply.newBuilder().setOp(ServiceCalls.ok(svc)).build());
  }

  CompletableFuture<PoolPropReply> propGet(PoolService svc, PoolPropGetReq req) {
    checkHandle(svc, req.getOp());
    List<io.daos.proto.pool.Prop> props = svc.props(req.getTypesList());
    return done(PoolPropReply.newBuilder().setOp(ServiceCalls.ok(svc)).addAllProps(props).build());
  }

  CompletableFuture<PoolPropReply> propSet(PoolService svc, PoolPropSetReq req) {
    checkWriter(svc, req.getOp());
    svc.setProps(req.getPropsList());
    return done(PoolPropReply.newBuilder().setOp(ServiceCalls.ok(svc)).build());
  }

  CompletableFuture<PoolPropReply> aclUpdate(PoolService svc, PoolAclUpdateReq req) {
    checkWriter(svc, req.getOp());
    svc.updateAcl(req.getAcesList(), req.getOverwrite());
    return done(PoolPropReply.newBuilder().setOp(ServiceCalls.ok(svc))
        .addProps(svc.poolProp(PoolProps.ACL).orElseThrow()).build());
  }

  CompletableFuture<PoolPropReply> aclDelete(PoolService svc, PoolAclDeleteReq req) {
    checkWriter(svc, req.getOp());
    svc.deleteAcl(req.getPrincipal());
    return done(PoolPropReply.newBuilder().setOp(ServiceCalls.ok(svc))
        .addProps(svc.poolProp(PoolProps.ACL).orElseThrow()).build());
  }

  CompletableFuture<PoolEvictReply> evict(PoolService svc, PoolEvictReq req) {
    List<UUID> only = req.getHandlesList().stream().map(b -> Uuids.required(b, "pool handle")).toList();
    int n = svc.evict(only, req.getMachine(), req.getPoolDestroy(), req.getPoolDestroyForce());
    return done(PoolEvictReply.newBuilder().setOp(ServiceCalls.ok(svc)).setCount(n).build());
  }

  /** A handle, when the request names one, must be connected (DER_NO_HDL otherwise). */
  private static void checkHandle(PoolService svc, PoolOp op) {
    if (!op.getPoolHdl().isEmpty()) {
      svc.poolHandle(op.getPoolHdl().toByteArray());
    }
  }

  /** As {@link #checkHandle}, and a read-only handle may not change the pool (DER_NO_PERM). */
  private static void checkWriter(PoolService svc, PoolOp op) {
    if (!op.getPoolHdl().isEmpty()) {
      PoolHandleInfo h = svc.poolHandle(op.getPoolHdl().toByteArray());
      if ((h.capas() & ~PoolCapas.RO_MASK) == 0) {
        throw new DaosException(DaosStatus.NO_PERM, "pool handle " + h.handle() + " is read-only");
      }
    }
  }

  private <R extends com.google.protobuf.Message> CompletableFuture<R> withSpace(PoolService svc, PoolMap map,
      long bits, R reply, java.util.function.BiFunction<R, PoolSpace, R> merge) {
    if ((bits & QUERY_SPACE) == 0) {
      return done(merge.apply(reply, PoolSpace.getDefaultInstance()));
    }
    return space.query(svc.poolUuid(), map).thenApply(sp -> merge.apply(reply, sp));
  }

  /**
   * The pool's rebuild status (ds_rebuild_query on the leader): the latest rebuild's, or none (version 0, done);
   * rs_flags DAOS_RSF_DEGRADED while a target is DOWN.
   */
  private RebuildStatus rebuild(UUID pool, PoolMap map) {
    RebuildStatus st = rebuildStatus.apply(pool);
    RebuildStatus.Builder b = st == null || st.getVersion() == 0
        ? RebuildStatus.newBuilder().setState(REBUILD_DONE) : st.toBuilder();
    boolean down = map.getRanksList().stream().flatMap(r -> r.getTargetsList().stream())
        .anyMatch(t -> t.getState() == TARGET_DOWN);
    return b.setFlags(down ? b.getFlags() | RSF_DEGRADED : b.getFlags() & ~RSF_DEGRADED).build();
  }

  private static <R> CompletableFuture<R> done(R r) {
    return CompletableFuture.completedFuture(r);
  }
}
