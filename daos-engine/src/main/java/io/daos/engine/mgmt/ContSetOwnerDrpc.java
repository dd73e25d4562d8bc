package io.daos.engine.mgmt;

import io.daos.common.Uuids;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.proto.cont.ContOp;
import io.daos.proto.cont.ContPropSetReq;
import io.daos.proto.cont.ContReply;
import io.daos.proto.mgmt.ContSetOwnerReq;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.pool.Prop;
import io.daos.rpc.ContRpc;
import java.util.UUID;

/**
 * MGMT_CONT_SET_OWNER (227, DAOS {@code ds_mgmt_drpc_cont_set_owner}): {@code dmg cont set-owner} as the container
 * service sees it, a CONT_PROP_SET of the owner and/or owner group sent to the pool service leader with no pool or
 * container handle (DAOS's {@code ds_cont_svc_set_prop}), by container UUID or label. The answer is DaosResp's
 * status.
 */
final class ContSetOwnerDrpc {
  /** {@code DAOS_PROP_CO_OWNER} and {@code DAOS_PROP_CO_OWNER_GROUP}. */
  static final int CO_OWNER = 0x100D;
  static final int CO_OWNER_GROUP = 0x100E;

  private final PoolSvcClient client;

  ContSetOwnerDrpc(PoolSvcClient client) {
    this.client = client;
  }

  DaosResp setOwner(ContSetOwnerReq req) {
    try {
      UUID pool = PoolSvcDrpcs.uuid(req.getPoolId(), "pool");
      ContPropSetReq.Builder q = ContPropSetReq.newBuilder().setOp(op(pool, req.getContId()));
      if (!req.getOwnerUser().isEmpty()) {
        q.addProps(Prop.newBuilder().setType(CO_OWNER).setStr(req.getOwnerUser()));
      }
      if (!req.getOwnerGroup().isEmpty()) {
        q.addProps(Prop.newBuilder().setType(CO_OWNER_GROUP).setStr(req.getOwnerGroup()));
      }
      if (q.getPropsCount() == 0) {
        return status(DaosStatus.INVAL);
      }
      ContReply r = client.call(pool, req.getSvcRanksList(), ContRpc.PROP_SET, q.build().toByteArray(),
          ContReply::parseFrom, ContReply::getOp);
      return DaosResp.newBuilder().setStatus(r.getOp().getStatus()).build();
    } catch (DaosException e) {
      return status(e.status());
    }
  }

  /** The container by UUID when the id is one, else by label. */
  private static ContOp op(UUID pool, String cont) {
    ContOp.Builder b = ContOp.newBuilder().setPoolUuid(Uuids.toByteString(pool));
    try {
      return b.setContUuid(Uuids.toByteString(UUID.fromString(cont))).build();
    } catch (IllegalArgumentException e) {
      return b.setContLabel(cont).build();
    }
  }

  private static DaosResp status(DaosStatus s) {
    return DaosResp.newBuilder().setStatus(s.code()).build();
  }
}
