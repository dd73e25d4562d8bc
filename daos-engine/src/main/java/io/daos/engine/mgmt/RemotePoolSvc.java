package io.daos.engine.mgmt;

import io.daos.common.ranklist.RankSet;
import io.daos.common.Uuids;
import com.google.protobuf.ByteString;
import io.daos.engine.pool.svc.PoolAcl;
import io.daos.engine.pool.svc.PoolProps;
import io.daos.proto.mgmt.ACLResp;
import io.daos.proto.mgmt.AccessControlList;
import io.daos.proto.mgmt.DeleteACLReq;
import io.daos.proto.mgmt.ListContReq;
import io.daos.proto.mgmt.ListContResp;
import io.daos.proto.mgmt.ModifyACLReq;
import io.daos.proto.mgmt.PoolEvictReq;
import io.daos.proto.mgmt.PoolEvictResp;
import io.daos.proto.mgmt.PoolGetPropReq;
import io.daos.proto.mgmt.PoolGetPropResp;
import io.daos.proto.mgmt.PoolProperty;
import io.daos.proto.mgmt.PoolSetPropReq;
import io.daos.proto.mgmt.PoolSetPropResp;
import io.daos.proto.pool.ContSummary;
import io.daos.proto.pool.PoolAclDeleteReq;
import io.daos.proto.pool.PoolAclUpdateReq;
import io.daos.proto.pool.PoolListContReply;
import io.daos.proto.pool.PoolListContReq;
import io.daos.proto.pool.PoolOp;
import io.daos.proto.pool.PoolPropGetReq;
import io.daos.proto.pool.PoolPropReply;
import io.daos.proto.pool.PoolPropSetReq;
import io.daos.proto.pool.Prop;
import io.daos.rpc.PoolRpc;
import java.util.List;
import java.util.UUID;

/**
 * The pool-service dRPCs (237 get-prop, 224 set-prop, 230 evict, 222 list-containers) forwarded from this engine to
 * the pool service leader over CART-J, as DAOS's engine does with {@code dsc_pool_svc_*}: the request's svc_ranks
 * say where the replicas are; the answer is turned back into the dRPC reply. A DaosException from
 * {@link PoolSvcClient} (no replica reachable) is left to the caller.
 */
final class RemotePoolSvc {
  private final PoolSvcClient client;

  RemotePoolSvc(PoolSvcClient client) {
    this.client = client;
  }

  PoolSvcClient client() {
    return client;
  }

  PoolGetPropResp getProp(PoolGetPropReq req) {
    UUID pool = PoolSvcDrpcs.uuid(req.getId(), "pool");
    PoolPropGetReq.Builder q = PoolPropGetReq.newBuilder().setOp(op(pool));
    req.getPropertiesList().stream().filter(p -> p.getNumber() != PoolSvcDrpcs.ACL)
        .forEach(p -> q.addTypes(p.getNumber()));
    if (q.getTypesCount() == 0) {
      return PoolGetPropResp.getDefaultInstance();
    }
    PoolPropReply r = client.call(pool, req.getSvcRanksList(), PoolRpc.PROP_GET, q.build().toByteArray(),
        PoolPropReply::parseFrom, PoolPropReply::getOp);
    if (r.getOp().getStatus() != 0) {
      return PoolGetPropResp.newBuilder().setStatus(r.getOp().getStatus()).build();
    }
    PoolGetPropResp.Builder b = PoolGetPropResp.newBuilder();
    for (Prop p : r.getPropsList()) {
      PoolSvcDrpcs.toWire(p).ifPresent(b::addProperties);
    }
    return b.build();
  }

  PoolSetPropResp setProp(PoolSetPropReq req) {
    UUID pool = PoolSvcDrpcs.uuid(req.getId(), "pool");
    PoolPropSetReq.Builder q = PoolPropSetReq.newBuilder().setOp(op(pool));
    for (PoolProperty p : req.getPropertiesList()) {
      q.addProps(PoolSvcDrpcs.fromWire(p));
    }
    PoolPropReply r = client.call(pool, req.getSvcRanksList(), PoolRpc.PROP_SET, q.build().toByteArray(),
        PoolPropReply::parseFrom, PoolPropReply::getOp);
    return PoolSetPropResp.newBuilder().setStatus(r.getOp().getStatus()).build();
  }

  PoolEvictResp evict(PoolEvictReq req) {
    UUID pool = PoolSvcDrpcs.uuid(req.getId(), "pool");
    io.daos.proto.pool.PoolEvictReq.Builder q = io.daos.proto.pool.PoolEvictReq.newBuilder().setOp(op(pool))
        .setPoolDestroy(req.getDestroy()).setPoolDestroyForce(req.getForceDestroy()).setMachine(req.getMachine());
    req.getHandlesList().forEach(h -> q.addHandles(Uuids.toByteString(PoolSvcDrpcs.uuid(h, "handle"))));
    io.daos.proto.pool.PoolEvictReply r = client.call(pool, req.getSvcRanksList(), PoolRpc.EVICT,
        q.build().toByteArray(), io.daos.proto.pool.PoolEvictReply::parseFrom, io.daos.proto.pool.PoolEvictReply::getOp);
    return PoolEvictResp.newBuilder().setStatus(r.getOp().getStatus()).setCount(r.getCount()).build();
  }

  ListContResp listContainers(ListContReq req) {
    UUID pool = PoolSvcDrpcs.uuid(req.getId(), "pool");
    PoolListContReply r = client.call(pool, req.getSvcRanksList(), PoolRpc.LIST_CONT,
        PoolListContReq.newBuilder().setOp(op(pool)).build().toByteArray(), PoolListContReply::parseFrom,
        PoolListContReply::getOp);
    ListContResp.Builder b = ListContResp.newBuilder().setStatus(r.getOp().getStatus());
    for (ContSummary c : r.getContsList()) {
      b.addContainersBuilder().setUuid(Uuids.required(c.getUuid(), "container").toString());
    }
    return b.build();
  }

  /** MGMT_POOL_GET_ACL at the leader: its ACL, owner and owner group properties (POOL_PROP_GET). */
  ACLResp getAcl(UUID pool, List<Integer> svcRanks) {
    PoolPropGetReq q = PoolPropGetReq.newBuilder().setOp(op(pool)).addTypes(PoolProps.ACL).addTypes(PoolProps.OWNER)
        .addTypes(PoolProps.OWNER_GROUP).build();
    PoolPropReply r = client.call(pool, svcRanks, PoolRpc.PROP_GET, q.toByteArray(), PoolPropReply::parseFrom,
        PoolPropReply::getOp);
    if (r.getOp().getStatus() != 0) {
      return ACLResp.newBuilder().setStatus(r.getOp().getStatus()).build();
    }
    AccessControlList.Builder b = AccessControlList.newBuilder();
    PoolAcl acl = PoolAcl.DEFAULT;
    for (Prop p : r.getPropsList()) {
      if (p.getType() == PoolProps.ACL && p.hasRaw()) {
        acl = PoolAcl.decode(p.getRaw().toByteArray());
      } else if (p.getType() == PoolProps.OWNER && p.hasStr()) {
        b.setOwnerUser(p.getStr());
      } else if (p.getType() == PoolProps.OWNER_GROUP && p.hasStr()) {
        b.setOwnerGroup(p.getStr());
      }
    }
    return ACLResp.newBuilder().setAcl(b.addAllEntries(acl.aces())).build();
  }

  /** MGMT_POOL_OVERWRITE_ACL / UPDATE_ACL at the leader (POOL_ACL_UPDATE), then the ACL as it is after it. */
  ACLResp modifyAcl(ModifyACLReq req, boolean overwrite) {
    UUID pool = PoolSvcDrpcs.uuid(req.getId(), "pool");
    PoolAclUpdateReq q = PoolAclUpdateReq.newBuilder().setOp(op(pool)).addAllAces(req.getEntriesList())
        .setOverwrite(overwrite).build();
    return aclChange(pool, req.getSvcRanksList(), PoolRpc.ACL_UPDATE, q.toByteArray());
  }

  /** MGMT_POOL_DELETE_ACL at the leader (POOL_ACL_DELETE), then the ACL as it is after it. */
  ACLResp deleteAcl(DeleteACLReq req) {
    UUID pool = PoolSvcDrpcs.uuid(req.getId(), "pool");
    PoolAclDeleteReq q = PoolAclDeleteReq.newBuilder().setOp(op(pool))
        .setPrincipal(PoolAcl.principalFromDaos(req.getPrincipal())).build();
    return aclChange(pool, req.getSvcRanksList(), PoolRpc.ACL_DELETE, q.toByteArray());
  }

  private ACLResp aclChange(UUID pool, List<Integer> svcRanks, io.daos.cart.Opcode opc, byte[] body) {
    PoolPropReply r = client.call(pool, svcRanks, opc, body, PoolPropReply::parseFrom, PoolPropReply::getOp);
    if (r.getOp().getStatus() != 0) {
      return ACLResp.newBuilder().setStatus(r.getOp().getStatus()).build();
    }
    return getAcl(pool, svcRanks);
  }

  static PoolOp op(UUID pool) {
    return PoolOp.newBuilder().setPoolUuid(Uuids.toByteString(pool)).build();
  }

  /** A rank list as dRPC replies write it. */
  static String ranks(List<Integer> ranks) {
    return RankSet.ofInts(ranks).toString();
  }
}
