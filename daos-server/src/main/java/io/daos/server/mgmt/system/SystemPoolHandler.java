package io.daos.server.mgmt.system;

import io.daos.common.PoolQueryMask;
import io.daos.common.ranklist.RankSet;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.GetGroupStatusReq;
import io.daos.proto.mgmt.GetGroupStatusResp;
import io.daos.proto.mgmt.PoolDrainReq;
import io.daos.proto.mgmt.PoolQueryReq;
import io.daos.proto.mgmt.PoolQueryResp;
import io.daos.proto.mgmt.PoolRanksResp;
import io.daos.proto.mgmt.PoolRebuildManageResult;
import io.daos.proto.mgmt.PoolRebuildStartReq;
import io.daos.proto.mgmt.PoolRebuildStopReq;
import io.daos.proto.mgmt.PoolReintReq;
import io.daos.proto.mgmt.PoolSelfHealEvalReq;
import io.daos.proto.mgmt.SystemDrainReq;
import io.daos.proto.mgmt.SystemDrainResp;
import io.daos.proto.mgmt.SystemRebuildManageReq;
import io.daos.proto.mgmt.SystemRebuildManageResp;
import io.daos.proto.mgmt.SystemSelfHealEvalReq;
import io.daos.proto.shared.RankResult;
import io.daos.server.fanout.Fanout;
import io.daos.server.fanout.HostSets;
import io.daos.server.mgmt.pool.PoolHandler;
import io.daos.server.mgmt.pool.PoolMapHandler;
import io.daos.server.mgmt.svc.MsAccess;
import io.daos.server.mgmt.svc.MsContext;
import io.daos.server.mgmt.svc.MsErrors;
import io.daos.server.sysdb.PoolService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MS's system-wide pool operations (DAOS mgmt_system.go): SystemDrain (drain, or reintegrate with
 * {@code reint}) of the selected ranks in every pool that has them, SystemRebuildManage (rebuild start/stop on
 * every pool) and SystemSelfHealEval. Each pool operation is the same per-pool call {@code dmg pool ...} makes,
 * made here on the leader itself; a failing pool or rank becomes an errored result, not a failed request.
 */
public final class SystemPoolHandler {
  static final int REBUILD_OP_START = 1;
  static final int REBUILD_OP_STOP = 2;
  private static final Logger LOG = LoggerFactory.getLogger(SystemPoolHandler.class);

  private final MsContext ctx;
  private final PoolHandler pools;
  private final PoolMapHandler poolMap;

  public SystemPoolHandler(MsContext ctx, PoolHandler pools, PoolMapHandler poolMap) {
    this.ctx = ctx;
    this.pools = pools;
    this.poolMap = poolMap;
  }

  /**
   * SystemDrain: the selected ranks (all must be members, none AdminExcluded) are drained from every pool where
   * they are enabled, or reintegrated into every pool where they are disabled; one pool-rank call per rank.
   */
  public SystemDrainResp systemDrain(SystemDrainReq req) {
    SystemHandler.requireNonNull(req);
    MsAccess.Ms ms = ctx.access().checkLeader(req.getSys());
    RankSet hit = refuseUnavailableRanks(ms, req.getHosts(), req.getRanks());
    Map<String, List<Integer>> poolRanks = new LinkedHashMap<>();
    for (String id : poolIds(ms)) {
      PoolQueryResp q;
      try {
        q = pools.poolQuery(PoolQueryReq.newBuilder().setSys(req.getSys()).setId(id).setQueryMask(
            req.getReint() ? PoolQueryMask.ENGINES_DISABLED : PoolQueryMask.ENGINES_ENABLED).build());
      } catch (RuntimeException e) {
        throw new IllegalStateException("query on pool failed: " + e.getMessage(), e);
      }
      if (q.getStatus() != 0) {
        throw new IllegalStateException("query on pool failed: " + DaosStatus.fromCode(q.getStatus()));
      }
      String set = req.getReint() ? q.getDisabledRanks() : q.getEnabledRanks();
      List<Integer> ranks = set.isEmpty() ? List.of() : RankSet.parse(set).ints().stream()
          .filter(hit::contains).toList();
      if (!ranks.isEmpty()) {
        poolRanks.put(id, ranks);
      }
    }
    if (poolRanks.isEmpty()) {
      throw new IllegalArgumentException("no pool-ranks found to operate on with request params");
    }
    SystemDrainResp.Builder resp = SystemDrainResp.newBuilder().setReint(req.getReint());
    poolRanks.forEach((id, ranks) -> {
      PoolRanksResp.Builder pr = resp.addResponsesBuilder().setId(id);
      for (int rank : ranks) {
        pr.addResults(rankResult(rank, () -> req.getReint()
            ? poolMap.poolReintegrate(PoolReintReq.newBuilder().setSys(req.getSys()).setId(id).setRank(rank)
                .build()).getStatus()
            : poolMap.poolDrain(PoolDrainReq.newBuilder().setSys(req.getSys()).setId(id).setRank(rank).build())
                .getStatus()));
      }
    });
    LOG.info("system {}: ranks {} in pools {}", req.getReint() ? "reintegrate" : "drain", hit, poolRanks.keySet());
    return resp.build();
  }

  /** A pool-rank result as DAOS's control API makes it: the status's text, or the error's, when it failed. */
  private static RankResult rankResult(int rank, java.util.function.IntSupplier call) {
    RankResult.Builder r = RankResult.newBuilder().setRank(rank);
    try {
      int status = call.getAsInt();
      if (status != 0) {
        r.setErrored(true).setMsg(DaosStatus.fromCode(status).toString());
      }
    } catch (RuntimeException e) {
      r.setErrored(true).setMsg(String.valueOf(e.getMessage()));
    }
    return r.build();
  }

  /** DAOS refuseUnavailableRanks: ranks or hosts given, all known, at least one, none AdminExcluded. */
  private RankSet refuseUnavailableRanks(MsAccess.Ms ms, String hosts, String ranks) {
    if (hosts.isEmpty() && ranks.isEmpty()) {
      throw new IllegalArgumentException("no hosts or ranks specified");
    }
    Fanout.Selection sel = ctx.fanout(ms).resolve(hosts, ranks);
    if (!sel.missHosts().isEmpty()) {
      throw new IllegalArgumentException("invalid host(s): " + HostSets.ranged(sel.missHosts()));
    }
    if (!sel.missRanks().isEmpty()) {
      throw new IllegalArgumentException("invalid rank(s): " + sel.missRanks());
    }
    if (sel.hit().isEmpty()) {
      throw new IllegalArgumentException("no ranks to operate on");
    }
    List<Integer> excluded = sel.hit().ints().stream().filter(ms.membership()::isRankAdminExcluded).toList();
    if (!excluded.isEmpty()) {
      throw MsErrors.rankAdminExcluded(excluded);
    }
    return sel.hit();
  }

  /** DAOS getPoolIDs: every pool, by label when it has one, sorted. */
  private static List<String> poolIds(MsAccess.Ms ms) {
    List<String> ids = new ArrayList<>();
    for (PoolService ps : ms.db().poolServices(false)) {
      ids.add(ps.poolLabel().isEmpty() ? ps.poolUuid().toString() : ps.poolLabel());
    }
    ids.sort(null);
    return ids;
  }

  /** SystemRebuildManage: rebuild start or stop on every pool; one result per pool. */
  public SystemRebuildManageResp systemRebuildManage(SystemRebuildManageReq req) {
    SystemHandler.requireNonNull(req);
    MsAccess.Ms ms = ctx.access().checkLeader(req.getSys());
    SystemRebuildManageResp.Builder resp = SystemRebuildManageResp.newBuilder();
    for (String id : poolIds(ms)) {
      PoolRebuildManageResult.Builder r = resp.addResultsBuilder().setId(id).setOpCode(req.getOpCode());
      String err = rebuildManage(req, id);
      if (err != null) {
        r.setErrored(true).setMsg(err);
      }
    }
    return resp.build();
  }

  /** DAOS control.PoolRebuildManage on one pool: null on success, else the error text. */
  private String rebuildManage(SystemRebuildManageReq req, String id) {
    int op = req.getOpCode();
    if (op != REBUILD_OP_START && op != REBUILD_OP_STOP) {
      return "invalid pool-rebuild opcode " + op;
    }
    String name = op == REBUILD_OP_START ? "start" : "stop";
    if (op == REBUILD_OP_START && req.getForce()) {
      return "force flag not supported with pool-rebuild opcode " + name;
    }
    try {
      DaosResp r = op == REBUILD_OP_START
          ? poolMap.poolRebuildStart(PoolRebuildStartReq.newBuilder().setSys(req.getSys()).setId(id).build())
          : poolMap.poolRebuildStop(PoolRebuildStopReq.newBuilder().setSys(req.getSys()).setId(id)
              .setForce(req.getForce()).build());
      return r.getStatus() == 0 ? null : "pool-rebuild " + name + " failed: " + DaosStatus.fromCode(r.getStatus());
    } catch (RuntimeException e) {
      return "pool-rebuild " + name + " failed: " + e.getMessage();
    }
  }

  /**
   * SystemSelfHealEval: with the self_heal property's {@code exclude} flag, the ranks the local engine's SWIM
   * reports dead are marked dead in the membership; with {@code pool_exclude} or {@code pool_rebuild}, every
   * pool service is told the property's value (dRPC 252) and acts on it.
   */
  public DaosResp systemSelfHealEval(SystemSelfHealEvalReq req) {
    SystemHandler.requireNonNull(req);
    MsAccess.Ms ms = ctx.access().checkLeader(req.getSys());
    String selfHeal = SystemAttrHandler.selfHeal(ctx.systemProperties(), ms);
    List<String> flags = Arrays.asList(selfHeal.split(";"));
    if (flags.contains("exclude")) {
      try {
        excludeDeadRanks(ms);
      } catch (RuntimeException e) {
        throw new IllegalStateException("excluding ranks based on self_heal.exclude: " + e.getMessage(), e);
      }
    }
    if (!flags.contains("pool_rebuild") && !flags.contains("pool_exclude")) {
      return DaosResp.getDefaultInstance();
    }
    List<String> failures = new ArrayList<>();
    for (String id : poolIds(ms)) {
      try {
        DaosResp r = poolMap.poolSelfHealEval(PoolSelfHealEvalReq.newBuilder().setSys(req.getSys()).setId(id)
            .setSysPropVal(selfHeal).build());
        if (r.getStatus() != 0) {
          throw new DaosException(DaosStatus.fromCode(r.getStatus()));
        }
      } catch (RuntimeException e) {
        LOG.error("PoolSelfHealEval: pool {}: {}", id, e.getMessage());
        failures.add(id);
      }
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("notify pool services of self_heal=\"" + selfHeal + "\": pool self-heal "
          + "evaluate drpc failed for " + failures.size() + (failures.size() == 1 ? " pool" : " pools") + " ("
          + String.join(", ", failures) + "), check server log");
    }
    return DaosResp.getDefaultInstance();
  }

  private void excludeDeadRanks(MsAccess.Ms ms) {
    GetGroupStatusResp resp;
    try {
      byte[] body = ctx.poolEngines().orElseThrow(() -> new IllegalStateException("harness has no managed "
          + "instances")).callDrpc(List.of(), DrpcMethod.MGMT_GROUP_STATUS_GET,
          GetGroupStatusReq.getDefaultInstance().toByteArray());
      resp = GetGroupStatusResp.parseFrom(body);
    } catch (io.daos.drpc.DrpcStatusException e) {
      throw new DaosException(DaosStatus.NOTSUPPORTED, "the engine does not implement dRPC "
          + DrpcMethod.MGMT_GROUP_STATUS_GET + " (it answered " + e.status() + ")", e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (resp.getStatus() != 0) {
      throw new DaosException(DaosStatus.fromCode(resp.getStatus()));
    }
    boolean update = false;
    for (int dead : resp.getDeadRanksList()) {
      try {
        update |= ms.membership().markRankDead(dead, 0);
      } catch (RuntimeException e) {
        LOG.debug("MarkRankDead: rank {}: {}", dead, e.getMessage());
      }
    }
    if (update) {
      ctx.groupUpdate().ifPresent(g -> g.request(false));
    }
  }
}
