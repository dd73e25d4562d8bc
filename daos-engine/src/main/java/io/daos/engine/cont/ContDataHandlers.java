package io.daos.engine.cont;

import static io.daos.engine.cont.ContHandlers.cont;
import static io.daos.engine.cont.ContHandlers.hdl;
import static io.daos.engine.cont.ContHandlers.pool;
import static io.daos.engine.cont.ContHandlers.poolHdl;

import com.google.protobuf.MessageLite;
import io.daos.cart.CartServer;
import io.daos.cart.Opcode;
import io.daos.proto.cont.ContAttrReply;
import io.daos.proto.cont.ContAttrReq;
import io.daos.proto.cont.ContOidAllocReply;
import io.daos.proto.cont.ContOidAllocReq;
import io.daos.proto.cont.ContSnapReply;
import io.daos.proto.cont.ContSnapReq;
import io.daos.proto.pool.PoolOpReply;
import io.daos.rpc.ContRpc;
import java.util.LinkedHashMap;
import java.util.Map;

/** The handlers of CONT_ATTR_*, CONT_OID_ALLOC and CONT_SNAP_*. */
final class ContDataHandlers {
  private final ServiceDispatch dispatch;

  ContDataHandlers(ServiceDispatch dispatch) {
    this.dispatch = dispatch;
  }

  void registerOn(CartServer s) {
    attr(s, ContRpc.ATTR_LIST, this::attrList);
    attr(s, ContRpc.ATTR_GET, this::attrGet);
    attr(s, ContRpc.ATTR_SET, this::attrSet);
    attr(s, ContRpc.ATTR_DEL, this::attrDel);
    s.register(ContRpc.OID_ALLOC, dispatch.handler(ContRpc.OID_ALLOC, ContOidAllocReq::parseFrom,
        r -> pool(r.getOp()), this::oidAlloc, h -> ContOidAllocReply.newBuilder().setOp(h).build()));
    snap(s, ContRpc.SNAP_CREATE, this::snapCreate);
    snap(s, ContRpc.SNAP_LIST, this::snapList);
    snap(s, ContRpc.SNAP_DESTROY, this::snapDestroy);
  }

  private void attr(CartServer s, Opcode o, ServiceDispatch.Op<ContAttrReq> op) {
    s.register(o, dispatch.handler(o, ContAttrReq::parseFrom, r -> pool(r.getOp()), op,
        h -> ContAttrReply.newBuilder().setOp(h).build()));
  }

  private void snap(CartServer s, Opcode o, ServiceDispatch.Op<ContSnapReq> op) {
    s.register(o, dispatch.handler(o, ContSnapReq::parseFrom, r -> pool(r.getOp()), op,
        h -> ContSnapReply.newBuilder().setOp(h).build()));
  }

  private MessageLite attrList(ContainerService svc, ContAttrReq r, PoolOpReply ok) {
    Map<String, byte[]> m = svc.data().listAttrs(poolHdl(r.getOp()), cont(r.getOp()), hdl(r.getOp()));
    return ContAttrReply.newBuilder().setOp(ok).putAllAttrs(ContHandlers.wire(m, true)).build();
  }

  private MessageLite attrGet(ContainerService svc, ContAttrReq r, PoolOpReply ok) {
    Map<String, byte[]> m = svc.data().getAttrs(poolHdl(r.getOp()), cont(r.getOp()), hdl(r.getOp()),
        r.getNamesList());
    return ContAttrReply.newBuilder().setOp(ok).putAllAttrs(ContHandlers.wire(m, false)).build();
  }

  private MessageLite attrSet(ContainerService svc, ContAttrReq r, PoolOpReply ok) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    r.getAttrsMap().forEach((k, v) -> m.put(k, v.toByteArray()));
    svc.data().setAttrs(poolHdl(r.getOp()), cont(r.getOp()), hdl(r.getOp()), m);
    return ContAttrReply.newBuilder().setOp(ok).build();
  }

  private MessageLite attrDel(ContainerService svc, ContAttrReq r, PoolOpReply ok) {
    svc.data().delAttrs(poolHdl(r.getOp()), cont(r.getOp()), hdl(r.getOp()), r.getNamesList());
    return ContAttrReply.newBuilder().setOp(ok).build();
  }

  private MessageLite oidAlloc(ContainerService svc, ContOidAllocReq r, PoolOpReply ok) {
    long lo = svc.data().allocOids(poolHdl(r.getOp()), cont(r.getOp()), hdl(r.getOp()), r.getNumOids());
    return ContOidAllocReply.newBuilder().setOp(ok).setOidLo(lo).build();
  }

  private MessageLite snapCreate(ContainerService svc, ContSnapReq r, PoolOpReply ok) {
    long e = svc.data().createSnapshot(poolHdl(r.getOp()), cont(r.getOp()), hdl(r.getOp()), r.getName());
    return ContSnapReply.newBuilder().setOp(ok).setEpoch(e).build();
  }

  private MessageLite snapList(ContainerService svc, ContSnapReq r, PoolOpReply ok) {
    return ContSnapReply.newBuilder().setOp(ok)
        .addAllSnapshots(svc.data().listSnapshots(poolHdl(r.getOp()), cont(r.getOp()), hdl(r.getOp()))).build();
  }

  private MessageLite snapDestroy(ContainerService svc, ContSnapReq r, PoolOpReply ok) {
    svc.data().destroySnapshots(poolHdl(r.getOp()), cont(r.getOp()), hdl(r.getOp()), r.getEpoch(),
        r.getEpochEnd());
    return ContSnapReply.newBuilder().setOp(ok).build();
  }

}
