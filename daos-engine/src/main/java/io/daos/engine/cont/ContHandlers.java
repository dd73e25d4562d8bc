package io.daos.engine.cont;

import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import io.daos.cart.CartServer;
import io.daos.cart.DaosModule;
import io.daos.cart.Opcode;
import io.daos.common.Hlc;
import io.daos.common.Uuids;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.svc.ServiceReplica;
import io.daos.engine.pool.svc.ServiceReplicas;
import io.daos.proto.cont.ContAclDeleteReq;
import io.daos.proto.cont.ContAclUpdateReq;
import io.daos.proto.cont.ContCloseReq;
import io.daos.proto.cont.ContCreateReply;
import io.daos.proto.cont.ContCreateReq;
import io.daos.proto.cont.ContDestroyReq;
import io.daos.proto.cont.ContHdlLookupReply;
import io.daos.proto.cont.ContHdlLookupReq;
import io.daos.proto.cont.ContOp;
import io.daos.proto.cont.ContOpenReply;
import io.daos.proto.cont.ContOpenReq;
import io.daos.proto.cont.ContPropSetReq;
import io.daos.proto.cont.ContQueryReply;
import io.daos.proto.cont.ContQueryReq;
import io.daos.proto.cont.ContReply;
import io.daos.proto.cont.ContSnapReply;
import io.daos.proto.cont.ContSnapReq;
import io.daos.proto.pool.PoolListContReply;
import io.daos.proto.pool.PoolListContReq;
import io.daos.proto.pool.PoolOpReply;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The container service's CART-J handlers (DAOS {@code cont_cli_rpcs} + POOL_LIST_CONT + CONT_TGT_QUERY): every
 * request is served by this engine's replica of the pool's service, on the replica's executor, and answered with
 * the pool reply header (status, map version, leader hint).
 */
public final class ContHandlers {
  private static final Function<PoolOpReply, MessageLite> PLAIN = h -> ContReply.newBuilder().setOp(h).build();
  private final ServiceDispatch dispatch;

  /** The redundancy level (rd_lvl) of each container of {@code pool}, from its service replica on this engine. */
  public java.util.Map<UUID, Integer> redundancyLevels(UUID pool) {
    return dispatch.redundancyLevels(pool);
  }

  /** Each container's {@code ec_cell_sz} in records (for rebuild's EC reconstruction). */
  public java.util.Map<UUID, Long> ecCellSizes(UUID pool) {
    return dispatch.ecCellSizes(pool);
  }

  public ContHandlers(String name, ServiceReplicas replicas, TargetDestroyer targets, Hlc hlc) {
    this.dispatch = new ServiceDispatch(name, replicas, targets, hlc);
  }

  /** Where the container service reads pool maps for its RF checks (none: no RF check). */
  public ContHandlers maps(ContainerService.PoolMaps maps) {
    dispatch.maps = maps;
    return this;
  }

  /**
   * Closes the container handles opened through {@code poolHandles} (a {@code PoolService.HandlesClosing}: runs on
   * the replica's executor, before the pool handles go).
   */
  public void closeHandlesOf(ServiceReplica svc, List<UUID> poolHandles) {
    dispatch.closeHandlesOf(svc, poolHandles);
  }

  /** The RF check after this engine installed a new pool map (a {@code PoolTargets} map listener). */
  public void mapInstalled(UUID pool, io.daos.proto.pool.PoolMap map) {
    dispatch.rfCheck(pool, map);
  }

  /** Registers every container-service opcode on {@code s}. */
  public CartServer registerOn(CartServer s) {
    s.register(ContRpc.CREATE, dispatch.handler(ContRpc.CREATE, ContCreateReq::parseFrom, r -> pool(r.getOp()),
        this::create, h -> ContCreateReply.newBuilder().setOp(h).build()));
    for (Opcode o : new Opcode[] {ContRpc.DESTROY, ContRpc.DESTROY_BYLABEL}) {
      s.register(o, dispatch.handler(o, ContDestroyReq::parseFrom, r -> pool(r.getOp()), this::destroy, PLAIN));
    }
    for (Opcode o : new Opcode[] {ContRpc.OPEN, ContRpc.OPEN_BYLABEL}) {
      s.register(o, dispatch.handler(o, ContOpenReq::parseFrom, r -> pool(r.getOp()), this::open,
          h -> ContOpenReply.newBuilder().setOp(h).build()));
    }
    s.register(ContRpc.CLOSE, dispatch.handler(ContRpc.CLOSE, ContCloseReq::parseFrom, r -> pool(r.getOp()),
        this::close, PLAIN));
    s.register(ContRpc.QUERY, dispatch.handler(ContRpc.QUERY, ContQueryReq::parseFrom, r -> pool(r.getOp()),
        this::query, h -> ContQueryReply.newBuilder().setOp(h).build()));
    Opcode propSetByLabel = DaosModule.CONT.opcode(ContRpc.OP_PROP_SET_BYLABEL);
    for (Opcode o : new Opcode[] {ContRpc.PROP_SET, propSetByLabel}) {
      s.register(o, dispatch.handler(o, ContPropSetReq::parseFrom, r -> pool(r.getOp()), this::propSet, PLAIN));
    }
    s.register(ContRpc.ACL_UPDATE, dispatch.handler(ContRpc.ACL_UPDATE, ContAclUpdateReq::parseFrom,
        r -> pool(r.getOp()), this::aclUpdate, PLAIN));
    s.register(ContRpc.ACL_DELETE, dispatch.handler(ContRpc.ACL_DELETE, ContAclDeleteReq::parseFrom,
        r -> pool(r.getOp()), this::aclDelete, PLAIN));
    new ContDataHandlers(dispatch).registerOn(s);
    s.register(PoolRpc.LIST_CONT, dispatch.handler(PoolRpc.LIST_CONT, PoolListContReq::parseFrom,
        r -> r.getOp().getPoolUuid(), this::list, h -> PoolListContReply.newBuilder().setOp(h).build()));
    s.register(ContRpc.TGT_QUERY, dispatch.handler(ContRpc.TGT_QUERY, ContHdlLookupReq::parseFrom,
        ContHdlLookupReq::getPoolUuid, this::tgtQuery, h -> ContHdlLookupReply.newBuilder().setOp(h).build()));
    s.register(ContRpc.SNAP_FETCH, dispatch.handler(ContRpc.SNAP_FETCH, ContOp::parseFrom, ContOp::getPoolUuid,
        this::snapFetch, h -> ContSnapReply.newBuilder().setOp(h).build()));
    for (int op : new int[] {ContRpc.OP_EPOCH_AGGREGATE, ContRpc.OP_SNAP_OIT_OID_GET, ContRpc.OP_SNAP_OIT_CREATE,
        ContRpc.OP_SNAP_OIT_DESTROY}) {
      Opcode o = DaosModule.CONT.opcode(op);
      s.register(o, dispatch.handler(o, ContSnapReq::parseFrom, r -> pool(r.getOp()), this::nosys, PLAIN));
    }
    return s;
  }

  static ByteString pool(ContOp op) {
    return op.getPoolUuid();
  }

  static byte[] poolHdl(ContOp op) {
    return op.getPoolHdl().toByteArray();
  }

  static UUID cont(ContOp op) {
    return Uuids.optional(op.getContUuid(), "container");
  }

  static UUID hdl(ContOp op) {
    return Uuids.optional(op.getContHdl(), "container handle");
  }

  private MessageLite create(ContainerService svc, ContCreateReq r, PoolOpReply ok) {
    UUID c = Uuids.required(r.getOp().getContUuid(), "container");
    svc.create(poolHdl(r.getOp()), c, r.getPropsList());
    return ContCreateReply.newBuilder().setOp(ok).setContUuid(Uuids.toByteString(c)).build();
  }

  private MessageLite destroy(ContainerService svc, ContDestroyReq r, PoolOpReply ok) {
    svc.destroy(poolHdl(r.getOp()), cont(r.getOp()), r.getOp().getContLabel(), r.getForce());
    return ContReply.newBuilder().setOp(ok).build();
  }

  private MessageLite open(ContainerService svc, ContOpenReq r, PoolOpReply ok) {
    UUID h = Uuids.required(r.getOp().getContHdl(), "container handle");
    ContainerService.Opened o = svc.open(poolHdl(r.getOp()), cont(r.getOp()), r.getOp().getContLabel(), h,
        r.getFlags());
    return ContOpenReply.newBuilder().setOp(ok).setInfo(o.info()).addAllProps(o.props()).setCapas(o.capas()).build();
  }

  private MessageLite close(ContainerService svc, ContCloseReq r, PoolOpReply ok) {
    svc.close(poolHdl(r.getOp()), Uuids.required(r.getOp().getContHdl(), "container handle"));
    return ContReply.newBuilder().setOp(ok).build();
  }

  private MessageLite query(ContainerService svc, ContQueryReq r, PoolOpReply ok) {
    ContainerService.Opened o = svc.query(poolHdl(r.getOp()), cont(r.getOp()), hdl(r.getOp()), r.getPropBits());
    return ContQueryReply.newBuilder().setOp(ok).setInfo(o.info()).addAllProps(o.props()).build();
  }

  private MessageLite propSet(ContainerService svc, ContPropSetReq r, PoolOpReply ok) {
    svc.props().set(poolHdl(r.getOp()), cont(r.getOp()), r.getOp().getContLabel(), hdl(r.getOp()),
        r.getPropsList());
    return ContReply.newBuilder().setOp(ok).build();
  }

  private MessageLite aclUpdate(ContainerService svc, ContAclUpdateReq r, PoolOpReply ok) {
    svc.props().updateAcl(poolHdl(r.getOp()), cont(r.getOp()), hdl(r.getOp()), r.getAcesList(), r.getOverwrite());
    return ContReply.newBuilder().setOp(ok).build();
  }

  private MessageLite aclDelete(ContainerService svc, ContAclDeleteReq r, PoolOpReply ok) {
    svc.props().deleteAcl(poolHdl(r.getOp()), cont(r.getOp()), hdl(r.getOp()), r.getPrincipal());
    return ContReply.newBuilder().setOp(ok).build();
  }

  private MessageLite list(ContainerService svc, PoolListContReq r, PoolOpReply ok) {
    return PoolListContReply.newBuilder().setOp(ok).addAllConts(svc.list(r.getOp().getPoolHdl().toByteArray()))
        .build();
  }

  private MessageLite tgtQuery(ContainerService svc, ContHdlLookupReq r, PoolOpReply ok) {
    ContHandleRecord h = svc.lookupHandle(Uuids.required(r.getContHdl(), "container handle"));
    return ContHdlLookupReply.newBuilder().setOp(ok).setContUuid(Uuids.toByteString(h.cont())).setCapas(h.capas())
        .setFlags(h.flags()).build();
  }

  /** CONT_SNAP_FETCH: what a target's aggregation needs to know of the container and its pool. */
  private MessageLite snapFetch(ContainerService svc, ContOp r, PoolOpReply ok) {
    ContainerService.AggregationView v = svc.aggregationView(Uuids.required(r.getContUuid(), "container"));
    ContSnapReply.Builder b = ContSnapReply.newBuilder().setOp(ok).setReclaim(v.reclaim());
    v.snapshots().forEach(e -> b.addSnapshots(io.daos.proto.cont.Snapshot.newBuilder().setEpoch(e)));
    return b.build();
  }

  private MessageLite nosys(ContainerService svc, ContSnapReq r, PoolOpReply ok) {
    throw new DaosException(DaosStatus.NOSYS, "not supported by jdaos yet");
  }

  /** Attribute map of a reply: LIST gives names with empty values. */
  static Map<String, ByteString> wire(Map<String, byte[]> m, boolean namesOnly) {
    Map<String, ByteString> out = new java.util.LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, namesOnly ? ByteString.EMPTY : ByteString.copyFrom(v)));
    return out;
  }
}
