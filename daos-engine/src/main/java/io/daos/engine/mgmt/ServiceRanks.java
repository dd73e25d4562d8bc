package io.daos.engine.mgmt;

import io.daos.drpc.client.DrpcClient;
import io.daos.engine.pool.svc.PoolFindHandler;
import io.daos.engine.pool.svc.PoolService;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.srv.GetPoolSvcResp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a pool's service and targets are, as this engine can tell: the service replica ranks from the local
 * replica, else from daos_server (dRPC SRV_GET_POOL_SVC 303, cached per pool); the pool's ranks from the local
 * replica's pool map. Ranks become CART-J URIs through the group map.
 */
public final class ServiceRanks {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceRanks.class);

  private final PoolServices services;
  private final Supplier<DrpcClient> server;
  private final IntFunction<Optional<String>> rankUri;
  private final Map<UUID, List<Integer>> remoteReplicas = new ConcurrentHashMap<>();

  public ServiceRanks(PoolServices services, Supplier<DrpcClient> server, IntFunction<Optional<String>> rankUri) {
    this.services = services;
    this.server = server;
    this.rankUri = rankUri;
  }

  /** URIs of the engines holding the pool's service replicas (empty when unknown). */
  public List<String> replicaUris(UUID pool) {
    return uris(replicaRanks(pool));
  }

  /** The ranks of the pool's service replicas (the local replica's view, else daos_server's; empty when unknown). */
  public List<Integer> replicaRanks(UUID pool) {
    Optional<PoolService> local = services.service(pool);
    List<Integer> ranks = local.isPresent() ? local.get().replicas()
        : remoteReplicas.computeIfAbsent(pool, this::askServer);
    return ranks == null ? List.of() : ranks;
  }

  /** URIs of every rank in the pool map (needs the local service replica; empty otherwise). */
  public List<String> poolRankUris(UUID pool) {
    Optional<PoolService> local = services.service(pool);
    if (local.isEmpty()) {
      return List.of();
    }
    List<Integer> ranks = local.get().map().getRanksList().stream().map(PoolMapRank::getRank).toList();
    return uris(ranks);
  }

  private List<String> uris(List<Integer> ranks) {
    List<String> out = new ArrayList<>();
    for (int r : ranks) {
      rankUri.apply(r).ifPresent(out::add);
    }
    return out;
  }

  private List<Integer> askServer(UUID pool) {
    DrpcClient c = server.get();
    if (c == null) {
      return List.of();
    }
    try {
      GetPoolSvcResp r = PoolFindHandler.getPoolSvc(c, pool);
      return r.getStatus() != 0 ? null : List.copyOf(r.getSvcrepsList());
    } catch (java.io.IOException | RuntimeException e) {
      LOG.warn("pool {}: cannot ask daos_server for the service ranks: {}", pool, e.toString());
      return null;
    }
  }
}
