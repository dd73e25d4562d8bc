package io.daos.engine.mgmt;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.server.DrpcCallContext;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.engine.pool.EnginePool;
import io.daos.engine.pool.svc.PoolInit;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.pool.TgtQueryHandler;
import io.daos.engine.pool.TierUsage;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolCreateResp;
import io.daos.proto.mgmt.PoolDestroyReq;
import io.daos.proto.mgmt.PoolDestroyResp;
import io.daos.proto.mgmt.PoolQueryReq;
import io.daos.proto.mgmt.PoolQueryResp;
import io.daos.proto.mgmt.DeleteACLReq;
import io.daos.proto.mgmt.GetACLReq;
import io.daos.proto.mgmt.ListContReq;
import io.daos.proto.mgmt.ModifyACLReq;
import io.daos.proto.mgmt.PoolEvictReq;
import io.daos.proto.mgmt.PoolGetPropReq;
import io.daos.proto.mgmt.PoolQueryTargetReq;
import io.daos.proto.mgmt.PoolQueryTargetResp;
import io.daos.proto.mgmt.PoolSetPropReq;
import io.daos.proto.mgmt.PoolServiceState;
import io.daos.proto.mgmt.StorageMediaType;
import io.daos.proto.mgmt.StorageUsageStats;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's pool dRPC methods (DAOS {@code ds_mgmt_drpc_pool_*}): MGMT_POOL_CREATE (207), MGMT_POOL_DESTROY (208),
 * MGMT_POOL_QUERY (223), MGMT_POOL_QUERY_TARGETS (240) and the pool-service methods of {@link PoolSvcDrpcs}.
 *
 * <p>With the fabric ({@link #withFabric}), this engine acts for the whole pool, as in DAOS: create sends
 * MGMT_TGT_CREATE to every pool rank and RSVC_START to the service ranks ({@link PoolFanout}), destroy sends
 * MGMT_TGT_DESTROY to the ranks the request lists, query asks the pool service leader, query-targets the rank asked
 * about, and the service methods go to the leader when this engine is not it. Without the fabric (tests), everything
 * is answered for this engine's own rank: create makes its targets and, when the svc_list property names this rank,
 * its service replica; without pool services (or svc_list) this rank is reported as the only replica.
 */
public final class PoolDrpcHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(PoolDrpcHandlers.class);
  /** DAOS_MEDIA_MAX: tier_bytes carries SCM then NVMe. */
  static final int MEDIA_MAX = 2;

  private final String name;
  private final PoolTargets pools;
  private final LocalPoolOps local;
  private final Fabric fabric;

  /** What this engine reaches the other ranks with (null without the fabric). */
  record Fabric(PoolFanout fanout, RemotePoolSvc svc, RemotePoolQuery query) {
  }

  public PoolDrpcHandlers(String name, EngineState state, PoolTargets pools) {
    this(name, state, pools, null, r -> Optional.empty());
  }

  /** With pool service replicas; {@code rankUri} gives a rank's CART-J URI (this engine's own included). */
  public PoolDrpcHandlers(String name, EngineState state, PoolTargets pools, PoolServices services,
      IntFunction<Optional<String>> rankUri) {
    this(name, pools, new LocalPoolOps(name, state, pools, services, rankUri), null);
  }

  private PoolDrpcHandlers(String name, PoolTargets pools, LocalPoolOps local, Fabric fabric) {
    this.name = name;
    this.pools = pools;
    this.local = local;
    this.fabric = fabric;
  }

  /**
   * The same handlers acting for the whole pool over CART-J: {@code client} calls the other ranks, found with
   * {@code rankUri}; {@code timeout} bounds each RPC.
   */
  public PoolDrpcHandlers withFabric(io.daos.cart.CartClient client, IntFunction<Optional<String>> rankUri,
      java.time.Duration timeout) {
    PoolSvcClient svc = new PoolSvcClient(client, rankUri, timeout);
    return new PoolDrpcHandlers(name, pools, local, new Fabric(new PoolFanout(name, new RankCalls(client, rankUri),
        timeout), new RemotePoolSvc(svc), new RemotePoolQuery(svc, client, rankUri, timeout)));
  }

  /** This engine's own part of pool create and destroy, for the MGMT_TGT_* and RSVC_START handlers. */
  public LocalPoolOps local() {
    return local;
  }

  public DrpcRegistry registerOn(DrpcRegistry r) {
    PoolSvcDrpcs svc = new PoolSvcDrpcs(local.services(), fabric == null ? null : fabric.svc());
    return r.register(DrpcMethod.MGMT_POOL_CREATE, this::create)
        .register(DrpcMethod.MGMT_POOL_DESTROY, this::destroy)
        .register(DrpcMethod.MGMT_POOL_QUERY, this::query)
        .register(DrpcMethod.MGMT_POOL_QUERY_TARGETS, this::queryTargets)
        .register(DrpcMethod.MGMT_POOL_GET_PROP, (c, b) -> svc.getProp(PoolGetPropReq.parseFrom(b)).toByteArray())
        .register(DrpcMethod.MGMT_POOL_SET_PROP, (c, b) -> svc.setProp(PoolSetPropReq.parseFrom(b)).toByteArray())
        .register(DrpcMethod.MGMT_POOL_EVICT, (c, b) -> svc.evict(PoolEvictReq.parseFrom(b)).toByteArray())
        .register(DrpcMethod.MGMT_LIST_CONTAINERS,
            (c, b) -> svc.listContainers(ListContReq.parseFrom(b)).toByteArray())
        .register(DrpcMethod.MGMT_POOL_GET_ACL, (c, b) -> svc.getAcl(GetACLReq.parseFrom(b)).toByteArray())
        .register(DrpcMethod.MGMT_POOL_OVERWRITE_ACL,
            (c, b) -> svc.modifyAcl(ModifyACLReq.parseFrom(b), true).toByteArray())
        .register(DrpcMethod.MGMT_POOL_UPDATE_ACL,
            (c, b) -> svc.modifyAcl(ModifyACLReq.parseFrom(b), false).toByteArray())
        .register(DrpcMethod.MGMT_POOL_DELETE_ACL, (c, b) -> svc.deleteAcl(DeleteACLReq.parseFrom(b)).toByteArray());
  }

  /**
   * Query targets (240): this engine's targets of the pool, each UP_IN with its space per tier (SCM, NVMe), as
   * DAOS's {@code ds_mgmt_pool_query_targets} answers for a rank; another rank's are asked for over the fabric.
   */
  byte[] queryTargets(DrpcCallContext ctx, byte[] body) throws Exception {
    PoolQueryTargetReq req = PoolQueryTargetReq.parseFrom(body);
    try {
      UUID uuid = LocalPoolOps.uuid(req.getId());
      if (fabric != null && req.getRank() != local.rank()) {
        return fabric.query().queryTargets(req).toByteArray();
      }
      return RemotePoolQuery.targetResp(TgtQueryHandler.spaces(pools, uuid, req.getTargetsList(),
          "rank " + local.rank()).build()).toByteArray();
    } catch (DaosException e) {
      LOG.error("{}: failed to query targets of pool {}: {}", name, req.getId(), e.getMessage());
      return PoolQueryTargetResp.newBuilder().setStatus(e.status().code()).build().toByteArray();
    }
  }

  byte[] create(DrpcCallContext ctx, byte[] body) throws Exception {
    PoolCreateReq req = PoolCreateReq.parseFrom(body);
    LOG.info("{}: request to create pool {} on {} ranks", name, req.getUuid(), req.getRanksCount());
    try {
      if (req.getTierBytesCount() != MEDIA_MAX) {
        throw new DaosException(DaosStatus.INVAL, "tier_bytes must have " + MEDIA_MAX + " entries (SCM, NVMe), got "
            + req.getTierBytesCount());
      }
      UUID uuid = LocalPoolOps.uuid(req.getUuid());
      if (fabric != null) {
        return fabric.fanout().create(req, local.rank()).toByteArray();
      }
      long scm = req.getTierBytes(0);
      if (req.getMemRatio() > 0) {
        scm = (long) (scm * (double) req.getMemRatio());
      }
      EnginePool pool = local.createTargets(uuid, scm, req.getTierBytes(1));
      int rank = local.rank();
      List<Integer> svc = PoolInit.svcRanks(req);
      int leader = rank;
      if (local.hasServices() && svc.contains(rank)) {
        leader = local.startService(req, svc).orElse(svc.get(0));
      } else if (local.hasServices() && !svc.isEmpty()) {
        leader = svc.get(0);
      }
      return PoolCreateResp.newBuilder().setSvcLdr(leader).addAllSvcReps(svc.isEmpty() ? List.of(rank) : svc)
          .addTgtRanks(rank)
          .addTierBytes(pool.tiers().scmBytes()).addTierBytes(pool.tiers().nvmeBytes())
          .setMemFileBytes(req.getMemRatio() > 0 ? pool.tiers().scmBytes() : 0).build().toByteArray();
    } catch (DaosException e) {
      LOG.error("{}: failed to create pool {}: {}", name, req.getUuid(), e.getMessage());
      return PoolCreateResp.newBuilder().setStatus(e.status().code()).build().toByteArray();
    }
  }

  /**
   * As DAOS's target destroy: a pool that is already gone is reported as destroyed (idempotent). With the fabric,
   * on every rank the request's svc_ranks lists (DAOS: all ranks of the system), this rank when it lists none.
   */
  byte[] destroy(DrpcCallContext ctx, byte[] body) throws Exception {
    PoolDestroyReq req = PoolDestroyReq.parseFrom(body);
    LOG.info("{}: request to destroy pool {}", name, req.getId());
    try {
      UUID uuid = LocalPoolOps.uuid(req.getId());
      if (fabric != null) {
        List<Integer> ranks = req.getSvcRanksCount() == 0 ? List.of(local.rank()) : req.getSvcRanksList();
        return PoolDestroyResp.newBuilder().setStatus(fabric.fanout().destroy(uuid, ranks)).build().toByteArray();
      }
      local.destroy(uuid);
      return PoolDestroyResp.newBuilder().build().toByteArray();
    } catch (DaosException e) {
      LOG.error("{}: failed to destroy pool {}: {}", name, req.getId(), e.getMessage());
      return PoolDestroyResp.newBuilder().setStatus(e.status().code()).build().toByteArray();
    }
  }

  /** With the fabric and the request's service ranks, the leader answers for the pool; else this rank alone. */
  byte[] query(DrpcCallContext ctx, byte[] body) throws Exception {
    PoolQueryReq req = PoolQueryReq.parseFrom(body);
    try {
      UUID uuid = LocalPoolOps.uuid(req.getId());
      if (fabric != null && req.getSvcRanksCount() > 0) {
        return fabric.query().query(req).toByteArray();
      }
      List<TierUsage> usage = pools.usage(uuid);
      int rank = local.rank();
      PoolQueryResp.Builder b = PoolQueryResp.newBuilder().setUuid(uuid.toString())
          .setTotalTargets(pools.targets()).setActiveTargets(pools.targets()).setTotalEngines(1).setVersion(1)
          .setLeader(rank).setSvcLdr(rank).addSvcReps(rank).setEnabledRanks(Integer.toString(rank))
          .setState(PoolServiceState.Ready).setQueryMask(req.getQueryMask());
      for (int i = 0; i < MEDIA_MAX; i++) {
        TierUsage u = usage.get(i);
        b.addTierStats(StorageUsageStats.newBuilder().setTotal(u.total()).setFree(u.free()).setMin(u.min())
            .setMax(u.max()).setMean(u.mean()).setMediaType(StorageMediaType.forNumber(i)));
      }
      return b.build().toByteArray();
    } catch (DaosException e) {
      LOG.error("{}: failed to query pool {}: {}", name, req.getId(), e.getMessage());
      return PoolQueryResp.newBuilder().setStatus(e.status().code()).build().toByteArray();
    }
  }
}
