package io.daos.server.mgmt.pool;

import io.daos.drpc.DrpcMethod;
import io.daos.proto.mgmt.ACLResp;
import io.daos.proto.mgmt.DeleteACLReq;
import io.daos.proto.mgmt.GetACLReq;
import io.daos.proto.mgmt.ModifyACLReq;
import io.daos.server.mgmt.svc.MsAccess;
import io.daos.server.mgmt.svc.MsContext;
import io.daos.server.mgmt.svc.PoolEngines;
import io.daos.server.sysdb.PoolService;

/**
 * The MS's pool ACL RPCs (DAOS server/mgmt_pool.go PoolGetACL/PoolOverwriteACL/PoolUpdateACL/PoolDeleteACL):
 * get-acl is served by any MS replica, the three changes only by the leader. Each is forwarded, with the pool's
 * UUID and service ranks, to the pool service (dRPC 213/215/216/217); the answer (the pool's ACL after the
 * change, or a DAOS status) goes back as is.
 */
public final class PoolAclHandler {
  private final MsAccess access;
  private final PoolEngines engines;

  public PoolAclHandler(MsContext ctx) {
    this.access = ctx.access();
    this.engines = ctx.poolEngines().orElse(null);
  }

  /** PoolGetACL (any replica). */
  public ACLResp poolGetAcl(GetACLReq req) {
    MsAccess.Ms ms = access.checkReplica(req.getSys());
    try {
      PoolService ps = PoolHandler.lookup(ms, req.getId());
      GetACLReq fwd = req.toBuilder().setId(ps.poolUuid().toString()).clearSvcRanks()
          .addAllSvcRanks(ps.replicas()).build();
      return call(ps, DrpcMethod.MGMT_POOL_GET_ACL, fwd);
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
  }

  /** PoolOverwriteACL (leader): the ACL becomes the request's entries. */
  public ACLResp poolOverwriteAcl(ModifyACLReq req) {
    return modify(req, DrpcMethod.MGMT_POOL_OVERWRITE_ACL);
  }

  /** PoolUpdateACL (leader): the request's entries are added or replace those of the same principals. */
  public ACLResp poolUpdateAcl(ModifyACLReq req) {
    return modify(req, DrpcMethod.MGMT_POOL_UPDATE_ACL);
  }

  /** PoolDeleteACL (leader): the principal's entry is removed. */
  public ACLResp poolDeleteAcl(DeleteACLReq req) {
    MsAccess.Ms ms = access.checkLeader(req.getSys());
    try {
      PoolService ps = PoolHandler.lookup(ms, req.getId());
      DeleteACLReq fwd = req.toBuilder().setId(ps.poolUuid().toString()).clearSvcRanks()
          .addAllSvcRanks(ps.replicas()).build();
      return call(ps, DrpcMethod.MGMT_POOL_DELETE_ACL, fwd);
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
  }

  private ACLResp modify(ModifyACLReq req, DrpcMethod method) {
    MsAccess.Ms ms = access.checkLeader(req.getSys());
    try {
      PoolService ps = PoolHandler.lookup(ms, req.getId());
      ModifyACLReq fwd = req.toBuilder().setId(ps.poolUuid().toString()).clearSvcRanks()
          .addAllSvcRanks(ps.replicas()).build();
      return call(ps, method, fwd);
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
  }

  private ACLResp call(PoolService ps, DrpcMethod method, com.google.protobuf.MessageLite fwd) {
    if (engines == null) {
      throw new IllegalStateException("harness has no managed instances");
    }
    return PoolSvcCalls.call(engines, ps, method, fwd, ACLResp::parseFrom);
  }
}
