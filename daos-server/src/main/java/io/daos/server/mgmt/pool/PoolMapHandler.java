package io.daos.server.mgmt.pool;

import com.google.protobuf.MessageLite;
import io.daos.common.PoolQueryMask;
import io.daos.common.ranklist.RankSet;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.PoolDrainReq;
import io.daos.proto.mgmt.PoolDrainResp;
import io.daos.proto.mgmt.PoolExcludeReq;
import io.daos.proto.mgmt.PoolExcludeResp;
import io.daos.proto.mgmt.PoolExtendReq;
import io.daos.proto.mgmt.PoolExtendResp;
import io.daos.proto.mgmt.PoolQueryReq;
import io.daos.proto.mgmt.PoolQueryResp;
import io.daos.proto.mgmt.PoolRebuildStartReq;
import io.daos.proto.mgmt.PoolRebuildStopReq;
import io.daos.proto.mgmt.PoolReintReq;
import io.daos.proto.mgmt.PoolReintResp;
import io.daos.proto.mgmt.PoolSelfHealEvalReq;
import io.daos.server.mgmt.svc.MsAccess;
import io.daos.server.mgmt.svc.MsContext;
import io.daos.server.mgmt.svc.MsErrors;
import io.daos.server.mgmt.svc.PoolDrpcs;
import io.daos.server.mgmt.svc.PoolEngines;
import io.daos.server.sysdb.PoolService;
import io.daos.server.sysdb.PoolServiceState;
import io.daos.server.system.MemberState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MS's pool-map RPCs (DAOS server/mgmt_pool.go), all leader-only: PoolExclude, PoolDrain and PoolReintegrate
 * of one rank's targets, PoolExtend onto new ranks, and the simple pool-service calls PoolRebuildStart/Stop and
 * PoolSelfHealEval. Each is checked here, then forwarded by dRPC (228, 231, 226, 229, 250, 251, 252) with the pool
 * UUID and the service ranks of the MS record to a local engine, which reaches the pool service leader. Calls on one
 * pool are serialized (DAOS's pool lock).
 */
public final class PoolMapHandler {
  private static final Logger LOG = LoggerFactory.getLogger(PoolMapHandler.class);

  private final MsAccess access;
  private final PoolEngines engines;
  private final Map<java.util.UUID, Object> locks = new ConcurrentHashMap<>();

  public PoolMapHandler(MsContext ctx) {
    this.access = ctx.access();
    this.engines = ctx.poolEngines().orElse(null);
  }

  /** PoolExclude: the rank's targets (all, or those listed) go DOWN; rebuild follows. */
  public PoolExcludeResp poolExclude(PoolExcludeReq req) {
    MsAccess.Ms ms = access.checkLeader(req.getSys());
    try {
      PoolService ps = rankOp(ms, req.getId(), req.getRank(), req.getTargetIdxList());
      PoolExcludeReq fwd = req.toBuilder().setId(ps.poolUuid().toString()).clearSvcRanks()
          .addAllSvcRanks(ps.replicas()).build();
      return call(ps, DrpcMethod.MGMT_POOL_EXCLUDE, fwd, PoolExcludeResp::parseFrom);
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
  }

  /** PoolDrain: the rank's targets (all, or those listed) are drained: data moves off, then they go DOWN. */
  public PoolDrainResp poolDrain(PoolDrainReq req) {
    MsAccess.Ms ms = access.checkLeader(req.getSys());
    try {
      PoolService ps = rankOp(ms, req.getId(), req.getRank(), req.getTargetIdxList());
      PoolDrainReq fwd = req.toBuilder().setId(ps.poolUuid().toString()).clearSvcRanks()
          .addAllSvcRanks(ps.replicas()).build();
      return call(ps, DrpcMethod.MGMT_POOL_DRAIN, fwd, PoolDrainResp::parseFrom);
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
  }

  /**
   * PoolReintegrate: the rank's targets come back UP (through UP_IN after rebuild). The engine gets the per-rank
   * tier sizes and memory ratio the pool was created with; an AdminExcluded rank is refused.
   */
  public PoolReintResp poolReintegrate(PoolReintReq req) {
    MsAccess.Ms ms = access.checkLeader(req.getSys());
    try {
      if (ms.membership().isRankAdminExcluded(req.getRank())) {
        throw MsErrors.rankAdminExcluded(List.of(req.getRank()));
      }
      PoolService ps = rankOp(ms, req.getId(), req.getRank(), req.getTargetIdxList());
      PoolReintReq fwd = req.toBuilder().setId(ps.poolUuid().toString()).clearSvcRanks()
          .addAllSvcRanks(ps.replicas()).clearTierBytes().addAllTierBytes(ps.storage().perRankTierStorage())
          .setMemRatio(ps.storage().memRatio()).build();
      return call(ps, DrpcMethod.MGMT_POOL_REINT, fwd, PoolReintResp::parseFrom);
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
  }

  /**
   * PoolExtend: adds joined ranks that are not yet in the pool. The engine gets the new ranks' compressed fault
   * domain tree and the pool's per-rank tier sizes.
   */
  public PoolExtendResp poolExtend(PoolExtendReq req) {
    MsAccess.Ms ms = access.checkLeader(req.getSys());
    try {
      if (req.getRanksCount() == 0) {
        throw new DaosException(DaosStatus.INVAL, "pool extend: no ranks given; name the ranks to add with --ranks");
      }
      List<Integer> ranks = RankSet.ofInts(req.getRanksList()).ints();
      List<Integer> joined = ms.db().memberRanks(MemberState.AVAILABLE_FILTER);
      List<Integer> invalid = ranks.stream().filter(r -> !joined.contains(r)).toList();
      if (!invalid.isEmpty()) {
        throw PoolFaults.invalidRanks(invalid);
      }
      PoolService ps = readyPool(ms, req.getId());
      List<Integer> current = poolRanks(ps);
      List<Integer> already = ranks.stream().filter(current::contains).toList();
      if (!already.isEmpty()) {
        throw new DaosException(DaosStatus.ALREADY, "pool " + name(ps) + " already has "
            + (already.size() == 1 ? "rank " : "ranks ") + RankSet.ofInts(already)
            + "; extend only with ranks not in the pool (its ranks: " + RankSet.ofInts(current) + ")");
      }
      PoolExtendReq fwd = req.toBuilder().setId(ps.poolUuid().toString()).clearRanks().addAllRanks(ranks)
          .clearSvcRanks().addAllSvcRanks(ps.replicas()).clearFaultDomains()
          .addAllFaultDomains(PoolFaultDomains.compress(PoolHandler.domains(ms, ranks))).clearTierBytes()
          .addAllTierBytes(ps.storage().perRankTierStorage()).setMemRatio(ps.storage().memRatio()).build();
      PoolExtendResp resp = call(ps, DrpcMethod.MGMT_POOL_EXTEND, fwd, PoolExtendResp::parseFrom);
      if (resp.getStatus() == 0) {
        LOG.info("pool {} ({}) extended with ranks {}", ps.poolUuid(), ps.poolLabel(), RankSet.ofInts(ranks));
      }
      return resp;
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
  }

  /** PoolRebuildStart: resume rebuild on a pool where it was stopped. */
  public DaosResp poolRebuildStart(PoolRebuildStartReq req) {
    return simple(req.getSys(), req.getId(), DrpcMethod.MGMT_POOL_REBUILD_START,
        ps -> req.toBuilder().setId(ps.poolUuid().toString()).clearSvcRanks().addAllSvcRanks(ps.replicas()).build());
  }

  /** PoolRebuildStop: stop the pool's rebuild (force: also one that is not yet started). */
  public DaosResp poolRebuildStop(PoolRebuildStopReq req) {
    return simple(req.getSys(), req.getId(), DrpcMethod.MGMT_POOL_REBUILD_STOP,
        ps -> req.toBuilder().setId(ps.poolUuid().toString()).clearSvcRanks().addAllSvcRanks(ps.replicas()).build());
  }

  /** PoolSelfHealEval: the pool service re-evaluates its self-heal actions against {@code sys_prop_val}. */
  public DaosResp poolSelfHealEval(PoolSelfHealEvalReq req) {
    return simple(req.getSys(), req.getId(), DrpcMethod.MGMT_POOL_SELF_HEAL_EVAL,
        ps -> req.toBuilder().setId(ps.poolUuid().toString()).clearSvcRanks().addAllSvcRanks(ps.replicas()).build());
  }

  private DaosResp simple(String sys, String id, DrpcMethod method,
      java.util.function.Function<PoolService, MessageLite> fwd) {
    MsAccess.Ms ms = access.checkLeader(sys);
    try {
      PoolService ps = readyPool(ms, id);
      return call(ps, method, fwd.apply(ps), DaosResp::parseFrom);
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
  }

  /**
   * The checks of a one-rank operation: the rank is a system member (else DAOS's invalid-ranks fault), the pool
   * is Ready, the rank is one of the pool's, and every target index names a target of an engine.
   */
  private PoolService rankOp(MsAccess.Ms ms, String id, int rank, List<Integer> targetIdx) {
    RankSet miss = ms.membership().checkRanks(Integer.toString(rank)).miss();
    if (!miss.isEmpty()) {
      throw PoolFaults.invalidRanks(miss.ints());
    }
    PoolService ps = readyPool(ms, id);
    List<Integer> ranks = poolRanks(ps);
    if (!ranks.contains(rank)) {
      throw new DaosException(DaosStatus.NONEXIST, "rank " + rank + " is not a rank of pool " + name(ps)
          + " (its ranks: " + RankSet.ofInts(ranks) + "); retry with one of the pool's ranks");
    }
    int targets = eng().targetCount();
    List<Integer> bad = targetIdx.stream().filter(t -> t < 0 || t >= targets).distinct().toList();
    if (!bad.isEmpty()) {
      throw new DaosException(DaosStatus.INVAL, "invalid target index " + RankSet.ofInts(bad) + ": each rank has "
          + targets + " targets (0-" + (targets - 1) + "); retry with --target-idx in that range");
    }
    return ps;
  }

  private static PoolService readyPool(MsAccess.Ms ms, String id) {
    PoolService ps = PoolHandler.lookup(ms, id);
    if (ps.state() != PoolServiceState.READY) {
      throw new DaosException(DaosStatus.AGAIN, "pool " + name(ps) + " is " + ps.state() + "; try again");
    }
    return ps;
  }

  /**
   * The pool's ranks as its pool map has them now (enabled and disabled engines, from a pool query to the
   * service): the MS record keeps only the ranks the pool was created on.
   */
  private List<Integer> poolRanks(PoolService ps) {
    PoolQueryReq q = PoolQueryReq.newBuilder().setSys(access.systemName()).setId(ps.poolUuid().toString())
        .setQueryMask(PoolQueryMask.ENGINES_ENABLED | PoolQueryMask.ENGINES_DISABLED).build();
    PoolQueryResp r = PoolDrpcs.query(eng(), ps, q);
    if (r.getStatus() != 0) {
      throw new DaosException(DaosStatus.fromCode(r.getStatus()), "pool " + name(ps)
          + ": query for the pool's ranks failed; check that its pool service is up");
    }
    List<Integer> all = new ArrayList<>();
    for (String set : List.of(r.getEnabledRanks(), r.getDisabledRanks())) {
      if (!set.isEmpty()) {
        all.addAll(RankSet.parse(set).ints());
      }
    }
    return RankSet.ofInts(all).ints();
  }

  private static String name(PoolService ps) {
    return ps.poolLabel().isEmpty() ? ps.poolUuid().toString() : ps.poolLabel();
  }

  private <T> T call(PoolService ps, DrpcMethod method, MessageLite req, PoolSvcCalls.Parser<T> parser) {
    synchronized (locks.computeIfAbsent(ps.poolUuid(), k -> new Object())) {
      return PoolSvcCalls.call(eng(), ps, method, req, parser);
    }
  }

  private PoolEngines eng() {
    if (engines == null) {
      throw new IllegalStateException("harness has no managed instances");
    }
    return engines;
  }
}
