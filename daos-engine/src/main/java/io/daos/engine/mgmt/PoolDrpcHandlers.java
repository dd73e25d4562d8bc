package io.daos.engine.mgmt;

import io.daos.cart.CartClient;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.server.DrpcCallContext;
import io.daos.drpc.server.DrpcRegistry;
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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's pool dRPC methods (DAOS {@code ds_mgmt_drpc_pool_*}): MGMT_POOL_CREATE (207), MGMT_POOL_DESTROY (208),
 * MGMT_POOL_QUERY (223), MGMT_POOL_QUERY_TARGETS (240), the pool-service methods of {@link PoolSvcDrpcs} and the
 * pool map methods of {@link PoolMapDrpcs}.
 *
 * <p>This engine acts for the whole pool over CART-J, as in DAOS: create sends MGMT_TGT_CREATE to every pool rank and
 * RSVC_START to the service ranks ({@link PoolFanout}), destroy sends MGMT_TGT_DESTROY to the ranks the request lists
 * (this rank when it lists none), query asks the pool service leader the request's service ranks name, query-targets
 * the rank asked about, and the service methods go to the leader when this engine is not it.
 */
public final class PoolDrpcHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(PoolDrpcHandlers.class);
  /** DAOS_MEDIA_MAX: tier_bytes carries SCM then NVMe. */
  static final int MEDIA_MAX = 2;

  private final String name;
  private final PoolTargets pools;
  private final LocalPoolOps local;
  private final PoolFanout fanout;
  private final RemotePoolSvc remoteSvc;
  private final RemotePoolQuery remoteQuery;
  private final PoolMapDrpcs mapDrpcs;

  /**
   * The handlers of the engine {@code name}, with its pool service replicas {@code services}: {@code client} calls
   * the other ranks, whose CART-J URIs {@code rankUri} gives (this engine's own included); {@code timeout} bounds
   * each RPC.
   */
  public PoolDrpcHandlers(String name, EngineState state, PoolTargets pools, PoolServices services,
      CartClient client, IntFunction<Optional<String>> rankUri, Duration timeout) {
    this.name = name;
    this.pools = pools;
    this.local = new LocalPoolOps(name, state, pools, services, rankUri);
    PoolSvcClient svcClient = new PoolSvcClient(client, rankUri, timeout);
    this.fanout = new PoolFanout(name, new RankCalls(client, rankUri), timeout);
    this.remoteSvc = new RemotePoolSvc(svcClient);
    this.remoteQuery = new RemotePoolQuery(svcClient, client, rankUri, timeout);
    this.mapDrpcs = new PoolMapDrpcs(name, svcClient, local::rank, fanout, () -> state.groupMap().version());
  }

  /** Where MGMT_GROUP_STATUS_GET (248) reads the ranks SWIM holds dead. */
  public void deadRanks(java.util.function.Supplier<java.util.Set<Integer>> dead) {
    mapDrpcs.deadRanks(dead);
  }

  /**
   * Marks targets {@code tgts} of {@code rank} DOWN in the pool (or reintegrates them, {@code reint}) through its
   * service leader, as {@code dmg pool exclude|reintegrate} does; the DAOS status.
   */
  public int targetUpdate(UUID pool, List<Integer> svcRanks, boolean reint, int rank, List<Integer> tgts) {
    return mapDrpcs.update(reint ? "reintegrate" : "exclude", pool.toString(), svcRanks,
        reint ? io.daos.rpc.PoolRpc.REINT : io.daos.rpc.PoolRpc.EXCLUDE, rank, tgts, false);
  }

  /** This engine's own part of pool create and destroy, for the MGMT_TGT_* and RSVC_START handlers. */
  public LocalPoolOps local() {
    return local;
  }

  public DrpcRegistry registerOn(DrpcRegistry r) {
    PoolSvcDrpcs svc = new PoolSvcDrpcs(local.services(), remoteSvc);
    mapDrpcs.registerOn(r);
    return r.register(DrpcMethod.MGMT_POOL_CREATE, this::create)
        .register(DrpcMethod.MGMT_POOL_DESTROY, this::destroy)
        .register(DrpcMethod.MGMT_POOL_QUERY, this::query)
        .register(DrpcMethod.MGMT_POOL_QUERY_TARGETS, this::queryTargets)
        .register(DrpcMethod.MGMT_POOL_GET_PROP, (c, b) -> svc.getProp(PoolGetPropReq.parseFrom(b)).toByteArray())
        .register(DrpcMethod.MGMT_POOL_SET_PROP, (c, b) -> svc.setProp(PoolSetPropReq.parseFrom(b)).toByteArray())
        .register(DrpcMethod.MGMT_POOL_EVICT, (c, b) -> svc.evict(PoolEvictReq.parseFrom(b)).toByteArray())
        .register(DrpcMethod.MGMT_POOL_UPGRADE,
            (c, b) -> svc.upgrade(io.daos.proto.mgmt.PoolUpgradeReq.parseFrom(b)).toByteArray())
        .register(DrpcMethod.MGMT_LIST_CONTAINERS,
            (c, b) -> svc.listContainers(ListContReq.parseFrom(b)).toByteArray())
        .register(DrpcMethod.MGMT_POOL_GET_ACL, (c, b) -> svc.getAcl(GetACLReq.parseFrom(b)).toByteArray())
        .register(DrpcMethod.MGMT_POOL_OVERWRITE_ACL,
            (c, b) -> svc.modifyAcl(ModifyACLReq.parseFrom(b), true).toByteArray())
        .register(DrpcMethod.MGMT_POOL_UPDATE_ACL,
            (c, b) -> svc.modifyAcl(ModifyACLReq.parseFrom(b), false).toByteArray())
        .register(DrpcMethod.MGMT_POOL_DELETE_ACL, (c, b) -> svc.deleteAcl(DeleteACLReq.parseFrom(b)).toByteArray())
        .register(DrpcMethod.MGMT_CONT_SET_OWNER, (c, b) -> new ContSetOwnerDrpc(remoteSvc.client())
            .setOwner(io.daos.proto.mgmt.ContSetOwnerReq.parseFrom(b)).toByteArray());
  }

  /**
   * Query targets (240): this engine's targets of the pool, each UP_IN with its space per tier (SCM, NVMe), as
   * DAOS's {@code ds_mgmt_pool_query_targets} answers for a rank; another rank's are asked for over the fabric.
   */
  byte[] queryTargets(DrpcCallContext ctx, byte[] body) throws Exception {
    PoolQueryTargetReq req = PoolQueryTargetReq.parseFrom(body);
    try {
      UUID uuid = LocalPoolOps.uuid(req.getId());
      io.daos.proto.pool.PoolMap map = req.getSvcRanksCount() == 0 ? null
          : remoteQuery.map(uuid, req.getSvcRanksList());
      PoolQueryTargetResp spaces;
      try {
        if (map != null && RemotePoolQuery.allFailed(map, req.getRank(), req.getTargetsList())) {
          throw new DaosException(DaosStatus.UNREACH, "the targets are excluded");
        }
        spaces = req.getRank() != local.rank() ? remoteQuery.queryTargets(req)
            : RemotePoolQuery.targetResp(TgtQueryHandler.spaces(pools, uuid, req.getTargetsList(),
                "rank " + local.rank()).build());
      } catch (DaosException e) {
        if (map == null) {
          throw e;
        }
        LOG.info("{}: pool {} rank {}: no space answer ({}); states only", name, uuid, req.getRank(),
            e.getMessage());
        spaces = null;
      }
      return map == null ? spaces.toByteArray()
          : RemotePoolQuery.withStates(spaces, map, req.getRank(), req.getTargetsList()).toByteArray();
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
      return fanout.create(req, local.rank()).toByteArray();
    } catch (DaosException e) {
      LOG.error("{}: failed to create pool {}: {}", name, req.getUuid(), e.getMessage());
      return PoolCreateResp.newBuilder().setStatus(e.status().code()).build().toByteArray();
    }
  }

  /**
   * As DAOS's target destroy: a pool that is already gone is reported as destroyed (idempotent), on every rank the
   * request's svc_ranks lists (DAOS: all ranks of the system), this rank when it lists none.
   */
  byte[] destroy(DrpcCallContext ctx, byte[] body) throws Exception {
    PoolDestroyReq req = PoolDestroyReq.parseFrom(body);
    LOG.info("{}: request to destroy pool {}", name, req.getId());
    try {
      UUID uuid = LocalPoolOps.uuid(req.getId());
      List<Integer> ranks = req.getSvcRanksCount() == 0 ? List.of(local.rank()) : req.getSvcRanksList();
      return PoolDestroyResp.newBuilder().setStatus(fanout.destroy(uuid, ranks)).build().toByteArray();
    } catch (DaosException e) {
      LOG.error("{}: failed to destroy pool {}: {}", name, req.getId(), e.getMessage());
      return PoolDestroyResp.newBuilder().setStatus(e.status().code()).build().toByteArray();
    }
  }

  /** With the request's service ranks, the leader answers for the pool; without them this rank for itself. */
  byte[] query(DrpcCallContext ctx, byte[] body) throws Exception {
    PoolQueryReq req = PoolQueryReq.parseFrom(body);
    try {
      UUID uuid = LocalPoolOps.uuid(req.getId());
      if (req.getSvcRanksCount() > 0) {
        return remoteQuery.query(req).toByteArray();
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
