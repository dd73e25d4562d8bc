package io.daos.engine.mgmt;

import io.daos.common.status.DaosException;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.proto.mgmt.PoolDrainReq;
import io.daos.proto.mgmt.PoolDrainResp;
import io.daos.proto.mgmt.PoolExcludeReq;
import io.daos.proto.mgmt.PoolExcludeResp;
import io.daos.proto.mgmt.PoolReintReq;
import io.daos.proto.mgmt.PoolReintResp;
import io.daos.proto.pool.PoolTgtAddr;
import io.daos.proto.pool.PoolTgtUpdateReply;
import io.daos.proto.pool.PoolTgtUpdateReq;
import io.daos.rpc.PoolRpc;
import io.daos.rpc.RebuildRpc;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool map dRPC methods (DAOS {@code ds_mgmt_drpc_pool_exclude/drain/reintegrate} → {@code ds_mgmt_pool_target_
 * update_state} → {@code dsc_pool_svc_update_target_state}): MGMT_POOL_EXCLUDE (228), MGMT_POOL_DRAIN (231) and
 * MGMT_POOL_REINT (226). Each sends POOL_EXCLUDE / POOL_DRAIN / POOL_REINT with the request's rank and target
 * indexes (none = every target of the rank) to the pool service leader the svc_ranks lead to, and answers its status.
 * Also MGMT_POOL_REBUILD_STOP / _START (251 / 250), forwarded there as POOL_REBUILD_STOP / _START.
 */
final class PoolMapDrpcs {
  private static final Logger LOG = LoggerFactory.getLogger(PoolMapDrpcs.class);

  private final String name;
  private final PoolSvcClient client;
  private final IntSupplier selfRank;

  PoolMapDrpcs(String name, PoolSvcClient client, IntSupplier selfRank) {
    this.name = name;
    this.client = client;
    this.selfRank = selfRank;
  }

  DrpcRegistry registerOn(DrpcRegistry r) {
    return r.register(DrpcMethod.MGMT_POOL_EXCLUDE, (c, b) -> {
      PoolExcludeReq q = PoolExcludeReq.parseFrom(b);
      int st = update("exclude", q.getId(), q.getSvcRanksList(), PoolRpc.EXCLUDE, q.getRank(), q.getTargetIdxList(),
          q.getForce());
      return PoolExcludeResp.newBuilder().setStatus(st).build().toByteArray();
    }).register(DrpcMethod.MGMT_POOL_DRAIN, (c, b) -> {
      PoolDrainReq q = PoolDrainReq.parseFrom(b);
      int st = update("drain", q.getId(), q.getSvcRanksList(), PoolRpc.DRAIN, q.getRank(), q.getTargetIdxList(),
          false);
      return PoolDrainResp.newBuilder().setStatus(st).build().toByteArray();
    }).register(DrpcMethod.MGMT_POOL_REINT, (c, b) -> {
      PoolReintReq q = PoolReintReq.parseFrom(b);
      int st = update("reintegrate", q.getId(), q.getSvcRanksList(), PoolRpc.REINT, q.getRank(),
          q.getTargetIdxList(), false);
      return PoolReintResp.newBuilder().setStatus(st).build().toByteArray();
    }).register(DrpcMethod.MGMT_POOL_REBUILD_STOP, (c, b) -> {
      io.daos.proto.mgmt.PoolRebuildStopReq q = io.daos.proto.mgmt.PoolRebuildStopReq.parseFrom(b);
      return rebuild("rebuild stop", q.getId(), q.getSvcRanksList(), RebuildRpc.POOL_REBUILD_STOP, q.getForce());
    }).register(DrpcMethod.MGMT_POOL_REBUILD_START, (c, b) -> {
      io.daos.proto.mgmt.PoolRebuildStartReq q = io.daos.proto.mgmt.PoolRebuildStartReq.parseFrom(b);
      return rebuild("rebuild start", q.getId(), q.getSvcRanksList(), RebuildRpc.POOL_REBUILD_START, false);
    });
  }

  /**
   * {@code dmg pool rebuild stop|start} (MGMT_POOL_REBUILD_STOP 251 / _START 250, DAOS {@code
   * ds_mgmt_drpc_pool_rebuild_stop/start}): POOL_REBUILD_STOP / _START to the pool service leader; a DaosResp with
   * its status.
   */
  byte[] rebuild(String what, String id, List<Integer> svcRanks, io.daos.cart.Opcode opc, boolean force) {
    int st;
    try {
      UUID pool = PoolSvcDrpcs.uuid(id, "pool");
      PoolTgtUpdateReq q = PoolTgtUpdateReq.newBuilder().setOp(RemotePoolSvc.op(pool)).setForce(force).build();
      List<Integer> replicas = svcRanks.isEmpty() ? List.of(selfRank.getAsInt()) : svcRanks;
      st = client.call(pool, replicas, opc, q.toByteArray(), PoolTgtUpdateReply::parseFrom,
          PoolTgtUpdateReply::getOp).getOp().getStatus();
      LOG.info("{}: pool {} {}: status {}", name, pool, what, st);
    } catch (DaosException e) {
      LOG.info("{}: pool {} {}: {}", name, id, what, e.getMessage());
      st = e.status().code();
    }
    return io.daos.proto.mgmt.DaosResp.newBuilder().setStatus(st).build().toByteArray();
  }

  /** The DAOS status of the update at the leader (0 on success). */
  int update(String what, String id, List<Integer> svcRanks, io.daos.cart.Opcode opc, int rank, List<Integer> idx,
      boolean force) {
    try {
      UUID pool = PoolSvcDrpcs.uuid(id, "pool");
      PoolTgtUpdateReq.Builder q = PoolTgtUpdateReq.newBuilder().setOp(RemotePoolSvc.op(pool)).setForce(force);
      if (idx.isEmpty()) {
        q.addAddrs(PoolTgtAddr.newBuilder().setRank(rank).setTarget(-1));
      }
      idx.forEach(i -> q.addAddrs(PoolTgtAddr.newBuilder().setRank(rank).setTarget(i)));
      List<Integer> replicas = svcRanks.isEmpty() ? List.of(selfRank.getAsInt()) : svcRanks;
      PoolTgtUpdateReply r = client.call(pool, replicas, opc, q.build().toByteArray(), PoolTgtUpdateReply::parseFrom,
          PoolTgtUpdateReply::getOp);
      int st = r.getOp().getStatus();
      LOG.info("{}: pool {} {} rank {} targets {}: status {}, map version {}", name, pool, what, rank,
          idx.isEmpty() ? "all" : idx, st, r.getOp().getMapVersion());
      return st;
    } catch (DaosException e) {
      LOG.error("{}: pool {} {} rank {} failed: {}", name, id, what, rank, e.getMessage());
      return e.status().code();
    }
  }
}
