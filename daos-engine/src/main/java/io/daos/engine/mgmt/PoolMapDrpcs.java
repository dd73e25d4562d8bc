package io.daos.engine.mgmt;

import io.daos.common.status.DaosException;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.map.SysSelfHeal;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.GetGroupStatusReq;
import io.daos.proto.mgmt.GetGroupStatusResp;
import io.daos.proto.mgmt.PoolExtendReq;
import io.daos.proto.mgmt.PoolExtendResp;
import io.daos.proto.mgmt.PoolSelfHealEvalReq;
import io.daos.proto.pool.PoolEvalSelfHealReply;
import io.daos.proto.pool.PoolEvalSelfHealReq;
import io.daos.proto.pool.PoolExtendReply;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
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
  private final PoolFanout fanout;
  private final IntSupplier groupVersion;
  private volatile Supplier<Set<Integer>> deadRanks = Set::of;

  PoolMapDrpcs(String name, PoolSvcClient client, IntSupplier selfRank, PoolFanout fanout, IntSupplier groupVersion) {
    this.name = name;
    this.client = client;
    this.selfRank = selfRank;
    this.fanout = fanout;
    this.groupVersion = groupVersion;
  }

  /** Where MGMT_GROUP_STATUS_GET reads the ranks SWIM holds dead (none until set). */
  void deadRanks(Supplier<Set<Integer>> dead) {
    this.deadRanks = dead;
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
    }).register(DrpcMethod.MGMT_POOL_EXTEND, (c, b) -> extend(PoolExtendReq.parseFrom(b)).toByteArray())
        .register(DrpcMethod.MGMT_GROUP_STATUS_GET,
            (c, b) -> groupStatus(GetGroupStatusReq.parseFrom(b)).toByteArray())
        .register(DrpcMethod.MGMT_POOL_SELF_HEAL_EVAL,
            (c, b) -> selfHealEval(PoolSelfHealEvalReq.parseFrom(b)).toByteArray())
        .register(DrpcMethod.MGMT_POOL_REBUILD_STOP, (c, b) -> {
      io.daos.proto.mgmt.PoolRebuildStopReq q = io.daos.proto.mgmt.PoolRebuildStopReq.parseFrom(b);
      return rebuild("rebuild stop", q.getId(), q.getSvcRanksList(), RebuildRpc.POOL_REBUILD_STOP, q.getForce());
    }).register(DrpcMethod.MGMT_POOL_REBUILD_START, (c, b) -> {
      io.daos.proto.mgmt.PoolRebuildStartReq q = io.daos.proto.mgmt.PoolRebuildStartReq.parseFrom(b);
      return rebuild("rebuild start", q.getId(), q.getSvcRanksList(), RebuildRpc.POOL_REBUILD_START, false);
    });
  }

  /**
   * MGMT_POOL_EXTEND (DAOS {@code ds_mgmt_drpc_pool_extend} → {@code ds_mgmt_pool_extend}): creates the pool's
   * targets on the new ranks (MGMT_TGT_CREATE, sized from tier_bytes and mem_ratio as pool create does), then asks
   * the pool service leader to add them to the map (POOL_EXTEND). Echoes tier_bytes on success, as DAOS does.
   */
  PoolExtendResp extend(PoolExtendReq q) {
    PoolExtendResp.Builder resp = PoolExtendResp.newBuilder();
    try {
      if (q.getTierBytesCount() == 0 || q.getTierBytesCount() > PoolDrpcHandlers.MEDIA_MAX) {
        throw new DaosException(DaosStatus.INVAL, "invalid number of storage tiers: " + q.getTierBytesCount()
            + " (pass SCM and optionally NVMe sizes)");
      }
      UUID pool = PoolSvcDrpcs.uuid(q.getId(), "pool");
      List<Integer> ranks = new TreeSet<>(q.getRanksList()).stream().toList();
      if (ranks.isEmpty()) {
        throw new DaosException(DaosStatus.INVAL, "pool extend needs at least one rank to add");
      }
      long meta = q.getTierBytes(0);
      long scm = q.getMemRatio() > 0 ? (long) (meta * (double) q.getMemRatio()) : meta;
      long nvme = q.getTierBytesCount() > 1 ? q.getTierBytes(1) : 0;
      LOG.info("{}: extending pool {} with ranks {}", name, pool, ranks);
      int rc = fanout.createTargets(pool, ranks, scm, nvme, q.getMemRatio() > 0 ? meta : 0);
      if (rc != 0) {
        throw new DaosException(DaosStatus.fromCode(rc), "creating the pool's targets on ranks " + ranks
            + " failed");
      }
      io.daos.proto.pool.PoolExtendReq.Builder ext = io.daos.proto.pool.PoolExtendReq.newBuilder().setOp(RemotePoolSvc.op(pool))
          .addAllRanks(ranks).setNtgts(ranks.size()).addAllDomains(q.getFaultDomainsList());
      List<Integer> replicas = q.getSvcRanksCount() == 0 ? List.of(selfRank.getAsInt()) : q.getSvcRanksList();
      PoolExtendReply r = client.call(pool, replicas, PoolRpc.EXTEND, ext.build().toByteArray(),
          PoolExtendReply::parseFrom, PoolExtendReply::getOp);
      int st = r.getOp().getStatus();
      LOG.info("{}: pool {} extend with ranks {}: status {}, map version {}", name, pool, ranks,
          DaosStatus.fromCode(st), r.getOp().getMapVersion());
      if (st == 0) {
        resp.addAllTierBytes(q.getTierBytesList());
      }
      return resp.setStatus(st).build();
    } catch (DaosException e) {
      LOG.error("{}: failed to extend pool {}: {}", name, q.getId(), e.getMessage());
      return resp.setStatus(e.status().code()).build();
    }
  }

  /**
   * MGMT_GROUP_STATUS_GET (DAOS {@code ds_mgmt_drpc_get_group_status}): the ranks SWIM holds dead; DER_GRPVER when
   * the request names a group version (not 0) other than this engine's.
   */
  GetGroupStatusResp groupStatus(GetGroupStatusReq q) {
    int have = groupVersion.getAsInt();
    if (q.getMapVersion() != 0 && q.getMapVersion() != have) {
      LOG.debug("{}: group status asked for group version {}, this engine has {}", name, q.getMapVersion(), have);
      return GetGroupStatusResp.newBuilder().setStatus(DaosStatus.GRPVER.code()).build();
    }
    return GetGroupStatusResp.newBuilder().addAllDeadRanks(new TreeSet<>(deadRanks.get())).build();
  }

  /**
   * MGMT_POOL_SELF_HEAL_EVAL (DAOS {@code ds_mgmt_drpc_pool_self_heal_eval}): the system property self_heal as
   * flags ("none", or ';'-separated exclude, pool_exclude, pool_rebuild; anything else is DER_INVAL), sent to the
   * pool service leader (POOL_EVAL_SELF_HEAL).
   */
  DaosResp selfHealEval(PoolSelfHealEvalReq q) {
    try {
      UUID pool = PoolSvcDrpcs.uuid(q.getId(), "pool");
      long policy;
      try {
        policy = SysSelfHeal.parse(q.getSysPropVal());
      } catch (DaosException e) {
        throw new DaosException(DaosStatus.INVAL, e.getMessage() + "; self_heal takes none or exclude, "
            + "pool_exclude, pool_rebuild separated by ';'");
      }
      List<Integer> replicas = q.getSvcRanksCount() == 0 ? List.of(selfRank.getAsInt()) : q.getSvcRanksList();
      PoolEvalSelfHealReply r = client.call(pool, replicas, PoolRpc.EVAL_SELF_HEAL, PoolEvalSelfHealReq.newBuilder()
          .setOp(RemotePoolSvc.op(pool)).setSysSelfHeal(policy).build().toByteArray(),
          PoolEvalSelfHealReply::parseFrom, PoolEvalSelfHealReply::getOp);
      return DaosResp.newBuilder().setStatus(r.getOp().getStatus()).build();
    } catch (DaosException e) {
      LOG.error("{}: self_heal eval of pool {} failed: {}", name, q.getId(), e.getMessage());
      return DaosResp.newBuilder().setStatus(e.status().code()).build();
    }
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
