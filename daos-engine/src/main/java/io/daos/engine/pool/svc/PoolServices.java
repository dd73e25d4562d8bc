package io.daos.engine.pool.svc;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.rdb.RatisRdb;
import io.daos.engine.rdb.RdbServer;
import io.daos.proto.mgmt.PoolCreateReq;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool services this engine hosts a replica of, by pool UUID: the pool RPC handlers and the container
 * service find a pool's {@link ServiceReplica} with {@link #find}. Replicas live in the engine's {@link RdbServer}
 * (started on demand by the supplier); {@link #reopen()} brings back those found on disk after a restart.
 */
public final class PoolServices implements ServiceReplicas, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PoolServices.class);

  private final String name;
  private final Supplier<RdbServer> rdbServer;
  private final Map<UUID, PoolService> services = new ConcurrentHashMap<>();
  private volatile PoolService.HandlesClosing closing = (svc, hdls) -> { };
  /** Completed once {@link #reopen()} has run (or {@link #noneToReopen()} said there is nothing on disk). */
  private final CompletableFuture<Void> reopened = new CompletableFuture<>();

  /** {@code rdbServer} starts (once) and returns the engine's Raft server; null when it cannot run yet. */
  public PoolServices(String name, Supplier<RdbServer> rdbServer) {
    this.name = name;
    this.rdbServer = rdbServer;
  }

  @Override
  public Optional<ServiceReplica> find(UUID pool) {
    return Optional.ofNullable(services.get(pool));
  }

  /** The pool service replica of {@code pool} hosted here, if any. */
  public Optional<PoolService> service(UUID pool) {
    return Optional.ofNullable(services.get(pool));
  }

  /** Every pool service replica hosted here. */
  public List<PoolService> all() {
    return List.copyOf(services.values());
  }

  /** Every hosted service reports the pool handles it removes to {@code l} (the container service). */
  public void onHandlesClosing(PoolService.HandlesClosing l) {
    closing = l;
  }

  /** Hosts {@code svc} (tests, or a replica built by {@link #create}). */
  public PoolService add(PoolService svc) {
    svc.onHandlesClosing((s, hdls) -> closing.closing(s, hdls));
    PoolService prev = services.putIfAbsent(svc.poolUuid(), svc);
    return prev != null ? prev : svc;
  }

  /** Reopens the services of every group the Raft server has on disk; returns how many. */
  public int reopen() {
    try {
      RdbServer server = rdbServer.get();
      if (server == null) {
        return 0;
      }
      for (UUID pool : server.pools()) {
        server.replica(pool).ifPresent(r -> add(new PoolService(pool, r, r::replicaRanks)));
      }
      return services.size();
    } finally {
      reopened.complete(null);
    }
  }

  /** This engine has no pool service storage: there is nothing for {@link #reopen()} to bring back. */
  public void noneToReopen() {
    reopened.complete(null);
  }

  /**
   * Waits up to {@code timeout} until the replicas on disk are reopened and each has replayed its log, so a local
   * read sees what was committed before the restart (DAOS's checker reads the pool services' storage directly).
   * False when that did not happen in time.
   */
  public boolean awaitLoaded(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      reopened.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    for (PoolService s : all()) {
      if (!s.rdb().awaitReplayed(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Starts this engine's replica of the service of the pool {@code req} creates and initialises the service state
   * (idempotent: every replica submits the same state, it applies once). {@code raftAddresses} maps every service
   * rank to its Raft address. Returns once the state is committed.
   */
  public PoolService create(PoolCreateReq req, Map<Integer, String> raftAddresses, int targetsPerRank,
      Map<Integer, String> uris) {
    UUID pool = UUID.fromString(req.getUuid());
    RdbServer server = rdbServer.get();
    if (server == null) {
      throw new DaosException(DaosStatus.UNINIT, name + ": pool service cannot start before this engine has a rank");
    }
    RatisRdb rdb = server.join(pool, raftAddresses);
    List<Integer> replicas = List.copyOf(new java.util.TreeSet<>(raftAddresses.keySet()));
    PoolService svc = add(new PoolService(pool, rdb, () -> replicas));
    svc.initialize(PoolInit.tx(req, targetsPerRank, uris));
    LOG.info("{}: pool service {} replica started, replicas {}", name, pool, replicas);
    return svc;
  }

  /** Stops and removes this engine's replica of {@code pool} and its storage (pool destroy). */
  public void destroy(UUID pool) {
    PoolService svc = services.remove(pool);
    if (svc != null) {
      svc.close();
    }
    RdbServer server = rdbServer.get();
    if (server != null && server.remove(pool)) {
      LOG.info("{}: pool service {} replica destroyed", name, pool);
    }
  }

  /** Stops the service threads (the Raft server is closed by its owner). */
  @Override
  public void close() {
    services.values().forEach(PoolService::close);
    services.clear();
  }
}
