package io.daos.engine;

import io.daos.common.DaosException;
import io.daos.common.DaosStatus;
import io.daos.drpc.DrpcCallContext;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcRegistry;
import io.daos.engine.pool.EnginePool;
import io.daos.engine.psvc.PoolInit;
import io.daos.engine.psvc.PoolService;
import io.daos.engine.psvc.PoolServices;
import io.daos.engine.rdb.RdbPeers;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.pool.PoolTiers;
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
import io.daos.proto.mgmt.PoolQueryTargetInfo;
import io.daos.proto.mgmt.PoolQueryTargetReq;
import io.daos.proto.mgmt.PoolQueryTargetResp;
import io.daos.proto.mgmt.PoolSetPropReq;
import io.daos.proto.mgmt.StorageTargetUsage;
import io.daos.proto.mgmt.PoolServiceState;
import io.daos.proto.mgmt.StorageMediaType;
import io.daos.proto.mgmt.StorageUsageStats;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's pool dRPC methods (DAOS {@code ds_mgmt_drpc_pool_create/destroy/query}): MGMT_POOL_CREATE (207),
 * MGMT_POOL_DESTROY (208), MGMT_POOL_QUERY (223). Create makes this engine's targets; when the request's svc_list
 * property names this rank, it also starts the rank's pool service replica and initialises the service state
 * before answering (every service rank does the same, idempotently). Destroy removes both. Without pool services
 * (or without svc_list) this engine's rank is reported as the only replica.
 */
public final class PoolDrpcHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(PoolDrpcHandlers.class);
  /** DAOS_MEDIA_MAX: tier_bytes carries SCM then NVMe. */
  static final int MEDIA_MAX = 2;

  /** How long create waits for the group map to name every service rank's URI. */
  static final long URI_WAIT_MS = 10_000;

  private final String name;
  private final EngineState state;
  private final PoolTargets pools;
  private final PoolServices services;
  private final IntFunction<Optional<String>> rankUri;

  public PoolDrpcHandlers(String name, EngineState state, PoolTargets pools) {
    this(name, state, pools, null, r -> Optional.empty());
  }

  /** With pool service replicas; {@code rankUri} gives a rank's CART-J URI (this engine's own included). */
  public PoolDrpcHandlers(String name, EngineState state, PoolTargets pools, PoolServices services,
      IntFunction<Optional<String>> rankUri) {
    this.name = name;
    this.state = state;
    this.pools = pools;
    this.services = services;
    this.rankUri = rankUri;
  }

  public DrpcRegistry registerOn(DrpcRegistry r) {
    PoolSvcDrpcs svc = new PoolSvcDrpcs(services);
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
   * DAOS's {@code ds_mgmt_pool_query_targets} answers for a rank.
   */
  byte[] queryTargets(DrpcCallContext ctx, byte[] body) throws Exception {
    PoolQueryTargetReq req = PoolQueryTargetReq.parseFrom(body);
    try {
      UUID uuid = uuid(req.getId());
      List<List<TierUsage>> usage = pools.targetUsage(uuid);
      List<Integer> idx = req.getTargetsCount() == 0
          ? java.util.stream.IntStream.range(0, usage.size()).boxed().toList() : req.getTargetsList();
      PoolQueryTargetResp.Builder b = PoolQueryTargetResp.newBuilder();
      for (int t : idx) {
        if (t < 0 || t >= usage.size()) {
          throw new DaosException(DaosStatus.INVAL, "target index " + Integer.toUnsignedString(t)
              + " is out of range: rank " + myRank() + " has targets 0-" + (usage.size() - 1));
        }
        PoolQueryTargetInfo.Builder info = b.addInfosBuilder().setState(PoolQueryTargetInfo.TargetState.UP_IN);
        for (int m = 0; m < MEDIA_MAX; m++) {
          TierUsage u = usage.get(t).get(m);
          info.addSpace(StorageTargetUsage.newBuilder().setTotal(u.total()).setFree(u.free())
              .setMediaType(StorageMediaType.forNumber(m)));
        }
      }
      return b.build().toByteArray();
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
      UUID uuid = uuid(req.getUuid());
      long scm = req.getTierBytes(0);
      if (req.getMemRatio() > 0) {
        scm = (long) (scm * (double) req.getMemRatio());
      }
      EnginePool pool = pools.create(uuid, new PoolTiers(scm, req.getTierBytes(1)));
      int rank = myRank();
      List<Integer> svc = PoolInit.svcRanks(req);
      int leader = rank;
      if (services != null && svc.contains(rank)) {
        leader = startService(req, svc).rdb().leaderHint().orElse(svc.get(0));
      } else if (services != null && !svc.isEmpty()) {
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

  private PoolService startService(PoolCreateReq req, List<Integer> svc) {
    Map<Integer, String> uris = awaitUris(req.getRanksList());
    Map<Integer, String> raft = new TreeMap<>();
    for (int r : svc) {
      String uri = uris.get(r);
      if (uri == null) {
        throw new DaosException(DaosStatus.AGAIN, "the URI of service rank " + r + " is not known yet (no group "
            + "update from the management service); retry the create");
      }
      raft.put(r, RdbPeers.raftAddress(uri));
    }
    return services.create(req, raft, pools.targets(), uris);
  }

  /** The URIs of {@code ranks}, waiting a while for the group map to name them all. */
  private Map<Integer, String> awaitUris(List<Integer> ranks) {
    long end = System.currentTimeMillis() + URI_WAIT_MS;
    while (true) {
      Map<Integer, String> uris = new TreeMap<>();
      ranks.forEach(r -> rankUri.apply(r).ifPresent(u -> uris.put(r, u)));
      if (uris.size() == ranks.size() || System.currentTimeMillis() > end) {
        return uris;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return uris;
      }
    }
  }

  /** As DAOS's target destroy: a pool that is already gone is reported as destroyed (idempotent). */
  byte[] destroy(DrpcCallContext ctx, byte[] body) throws Exception {
    PoolDestroyReq req = PoolDestroyReq.parseFrom(body);
    LOG.info("{}: request to destroy pool {}", name, req.getId());
    try {
      if (services != null) {
        services.destroy(uuid(req.getId()));
      }
      if (!pools.destroy(uuid(req.getId()))) {
        LOG.info("{}: pool {} is not on this engine; nothing to destroy", name, req.getId());
      }
      return PoolDestroyResp.newBuilder().build().toByteArray();
    } catch (DaosException e) {
      LOG.error("{}: failed to destroy pool {}: {}", name, req.getId(), e.getMessage());
      return PoolDestroyResp.newBuilder().setStatus(e.status().code()).build().toByteArray();
    }
  }

  byte[] query(DrpcCallContext ctx, byte[] body) throws Exception {
    PoolQueryReq req = PoolQueryReq.parseFrom(body);
    try {
      UUID uuid = uuid(req.getId());
      List<TierUsage> usage = pools.usage(uuid);
      int rank = myRank();
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

  private int myRank() {
    return state.rank().orElse(0);
  }

  private static UUID uuid(String s) {
    try {
      if (s.length() != 36) {
        throw new IllegalArgumentException("length");
      }
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      throw new DaosException(DaosStatus.INVAL, "pool UUID \"" + s + "\" is invalid; pass a UUID like "
          + "12345678-1234-1234-1234-123456789abc");
    }
  }
}
