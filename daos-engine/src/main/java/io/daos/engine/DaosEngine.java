package io.daos.engine;

import io.daos.cart.CartClient;
import io.daos.cart.CartServer;
import io.daos.cart.CartTransport;
import io.daos.cart.CartUri;
import io.daos.cart.transport.CartTransports;
import io.daos.cart.FaultInjection;
import io.daos.cart.RpcCounters;
import io.daos.cart.PeerAuth;
import io.daos.common.DaemonThreads;
import io.daos.common.Hlc;
import io.daos.common.LifeCycle;
import io.daos.common.status.DaosException;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.drpc.server.DrpcServer;
import io.daos.drpc.transport.DrpcTransport;
import io.daos.engine.cont.CartTargetDestroyer;
import io.daos.engine.cont.ContHandlers;
import io.daos.engine.log.EngineLogging;
import io.daos.engine.mgmt.EngineState;
import io.daos.engine.mgmt.GroupMap;
import io.daos.engine.mgmt.GroupMapDistributor;
import io.daos.engine.mgmt.MgmtDrpcHandlers;
import io.daos.engine.mgmt.PoolDrpcHandlers;
import io.daos.engine.mgmt.PoolTgtHandlers;
import io.daos.engine.mgmt.ServiceRanks;
import io.daos.engine.mgmt.SmdDrpcHandlers;
import io.daos.engine.obj.CartHandleLookup;
import io.daos.engine.obj.ContHandleCache;
import io.daos.engine.dtx.DtxHandlers;
import io.daos.engine.dtx.DtxService;
import io.daos.engine.obj.ObjHandlers;
import io.daos.engine.pool.EnginePool;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.pool.map.DrpcSysSelfHeal;
import io.daos.engine.pool.map.MapPush;
import io.daos.engine.pool.map.MapRefresh;
import io.daos.engine.pool.map.MapUpdateHandlers;
import io.daos.engine.pool.map.PoolMapChanges;
import io.daos.engine.pool.map.SelfHeal;
import io.daos.engine.rebuild.sched.RebuildRpcHandlers;
import io.daos.engine.rebuild.sched.RebuildScheduler;
import io.daos.engine.cont.agg.CartAggregationViews;
import io.daos.engine.cont.agg.ContAggregator;
import io.daos.engine.pool.TargetXstreams;
import io.daos.engine.pool.TgtQueryHandler;
import io.daos.engine.pool.svc.CartSpaceQuery;
import io.daos.engine.pool.svc.DrpcCredentialValidator;
import io.daos.engine.pool.svc.PoolFindHandler;
import io.daos.engine.pool.svc.PoolRpcHandlers;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.engine.rebuild.Rebuilds;
import io.daos.engine.rdb.RdbPeers;
import io.daos.engine.rdb.RdbServer;
import io.daos.raft.SharedKeyTls;
import io.daos.engine.ras.RasNotifier;
import io.daos.engine.swim.RankDeadNotifier;
import io.daos.engine.swim.SwimService;
import io.daos.engine.telemetry.PoolSvcMetrics;
import io.daos.engine.vos.store.VosOptions;
import io.daos.proto.srv.NotifyReadyReq;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daos_engine: starts one xstream per target and reopens its pools, its dRPC listener
 * ({@code daos_engine_<pid>.sock}), its CART-J data-plane server (object RPCs run on the target's xstream),
 * then tells daos_server it is ready (SRV_NOTIFY_READY); stops them in reverse through {@link #close()},
 * which the shutdown hook, the parent watchdog and tests all use.
 */
public final class DaosEngine implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(DaosEngine.class);
  /** How long a pool-service Raft request may wait for a leader (not tied to CRT_TIMEOUT's 60 s default). */
  private static final Duration RDB_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  /** How often pool service leaders here look for dead ranks still to exclude (self-heal). */
  private static final Duration SELF_HEAL_SCAN = Duration.ofSeconds(1);

  private final EngineArgs args;
  private final EngineEnv env;
  private final DrpcTransport transport;
  private final CartTransport fabric;
  private final long pid;
  private final String name;
  private final LifeCycle lifeCycle;
  private final EngineState state = new EngineState();
  private final MgmtDrpcHandlers handlers;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final long incarnation = Incarnation.now();
  private final FaultInjection faults = new FaultInjection();
  private final RpcCounters rpcCounters = new RpcCounters();
  /** The system's CART-J peer key, installed by SetRank; checked by the data plane, proved by the clients. */
  private final PeerAuth peerAuth;
  private final io.daos.engine.telemetry.EngineMetrics metrics;
  private TargetXstreams xstreams;
  private PoolTargets pools;
  private io.daos.engine.bio.Smd smd;
  private volatile ServiceRanks svcRanks;
  private DrpcServer drpcServer;
  private CartServer dataPlane;
  private volatile DrpcClient serverClient;
  private PoolServices poolServices;
  private RdbServer rdbServer;
  private CartClient cartClient;
  private PoolDrpcHandlers poolHandlers;
  private io.daos.engine.chk.ChkHandlers chkHandlers;
  private ExecutorService serviceIo;
  private java.util.concurrent.ScheduledExecutorService mapTimer;
  private volatile GroupMapDistributor mapDistributor;
  private ContHandleCache handles;
  private CartClient swimClient;
  private RasNotifier ras;
  private volatile SwimService swim;
  private volatile Rebuilds rebuilds;
  private SelfHeal selfHeal;
  private volatile RebuildScheduler rebuildScheduler;
  private volatile ContAggregator aggregator;
  private final io.daos.common.Ticker ticker;
  private CartClient dtxClient;
  private DtxService dtx;

  /**
   * An engine reaching daos_server over {@code transport} (dRPC) and the other engines and clients over
   * {@code fabric} (CART-J); {@code pid} names its dRPC socket ({@code daos_engine_<pid>.sock}).
   */
  public DaosEngine(EngineArgs args, EngineEnv env, EngineLogging logging, DrpcTransport transport,
      CartTransport fabric, long pid) {
    this(args, env, logging, transport, fabric, pid, io.daos.common.Ticker.SYSTEM);
  }

  /** As the other constructor; {@code ticker} is the clock of the DTX batched commit's age. */
  public DaosEngine(EngineArgs args, EngineEnv env, EngineLogging logging, DrpcTransport transport,
      CartTransport fabric, long pid, io.daos.common.Ticker ticker) {
    this.ticker = ticker;
    this.args = args;
    this.env = env;
    this.transport = transport;
    this.fabric = fabric;
    this.pid = pid;
    this.name = "engine " + args.instanceIdx();
    this.lifeCycle = new LifeCycle(name);
    this.peerAuth = PeerAuth.awaitingKey(name);
    this.handlers = new MgmtDrpcHandlers(name, state, logging, peerAuth);
    this.metrics = new io.daos.engine.telemetry.EngineMetrics(this::selfRank, rpcCounters, "ofi+tcp")
        .space(this::poolSpace).poolServices(() -> PoolSvcMetrics.of(poolServices, this::selfRank));
    this.handlers.onSetUp(() -> {
      metrics.servicing();
      reopenPoolServices();
    });
    this.handlers.onGroupUpdate(req -> {
      GroupMapDistributor d = mapDistributor;
      if (d != null) {
        d.broadcast(req);
      }
    });
  }

  /**
   * Opens the sockets and sends NotifyReady; on failure everything opened is closed again. Start and close
   * are serialized: a close requested during start (signal, watchdog) runs once start has finished.
   */
  public synchronized void start() throws IOException, EngineUsageException {
    lifeCycle.transition(LifeCycle.State.STARTING);
    try {
      startTargets();
      startDrpc();
      startDataPlane();
      notifyReady();
      swim.start();
      lifeCycle.transition(LifeCycle.State.RUNNING);
      LOG.info("{}: ready, uri {}, dRPC {}, {} targets", name, uri(), drpcSocket(), args.effectiveTargets());
    } catch (IOException | EngineUsageException | RuntimeException e) {
      lifeCycle.transition(LifeCycle.State.FAILED);
      close();
      throw e;
    }
  }

  /** One xstream per target, then the pools already under the SCM mount (persisted across restarts). */
  private void startTargets() {
    xstreams = new TargetXstreams("engine-" + args.instanceIdx(), args.effectiveTargets());
    pools = new PoolTargets(args.storage(), xstreams, VosOptions.defaults(),
        env.mapRamBlob() ? io.daos.engine.vos.blob.BlobKind::ramBacked : dir -> false);
    LOG.info("{}: SCM blobs of SCM-only pools: {}", name, io.daos.engine.vos.blob.BlobKind.scmBackend());
    smd = io.daos.engine.bio.Smd.open(args.storage(), io.daos.engine.bio.Bdev.read(args.nvmeConf()),
        xstreams.size());
    if (!smd.devices().isEmpty()) {
      LOG.info("{}: SMD devices {}", name, smd.devices());
    }
    int n = pools.reopenExisting();
    if (n > 0) {
      LOG.info("{}: reopened {} pools under {}", name, n, args.storage());
    }
  }

  private void startDrpc() throws IOException {
    if (!Files.isDirectory(args.socketDir())) {
      throw new IOException("socket_dir " + args.socketDir() + " does not exist; create it or set socket_dir "
          + "in daos_server.yml");
    }
    serviceIo = Executors.newCachedThreadPool(DaemonThreads.named("engine-" + args.instanceIdx() + "-psvc-io"));
    poolServices = new PoolServices(name, this::rdbServer);
    cartClient = CartClient.builder().transport(fabric).name(name + " psvc").peerAuth(peerAuth).counters(rpcCounters)
        .build();
    poolHandlers = new PoolDrpcHandlers(name, state, pools, poolServices, cartClient, this::rankUri, rpcTimeout());
    chkHandlers = new io.daos.engine.chk.ChkHandlers(name, pools, poolServices, this::selfRank,
        cartClient, this::rankUri, rpcTimeout());
    PoolDrpcHandlers ph = poolHandlers;
    ras = new RasNotifier(name, this::serverClient, Hostname.get(), this::selfRank, pid);
    SmdDrpcHandlers smdHandlers = new SmdDrpcHandlers(name, smd, pools, this::selfRank,
        (pool, reint, rank, tgts) -> {
          ServiceRanks sr = svcRanks;
          return ph.targetUpdate(pool, sr == null ? java.util.List.of() : sr.replicaRanks(pool), reint, rank, tgts);
        }, serviceIo, java.time.Clock.systemUTC(), ras);
    DrpcRegistry registry = chkHandlers.registerOn(smdHandlers.registerOn(poolHandlers.registerOn(
        handlers.registerOn(new DrpcRegistry()))))
        .register(DrpcMethod.MGMT_TELEMETRY_SNAPSHOT, (ctx, body) -> metrics.snapshot().toByteArray());
    drpcServer = DrpcServer.builder(args.engineSocket(pid), registry).transport(transport).build();
    drpcServer.start();
  }

  private void startDataPlane() throws IOException, EngineUsageException {
    InetAddress addr = FabricAddress.resolve(env.iface());
    int ioThreads = Math.max(1, Math.min(4, args.effectiveTargets()));
    String uri = CartUri.of("ofi+tcp", addr.getHostAddress(), env.port()).toString();
    CartServer server = CartServer.builder().transport(fabric).uri(uri).name(name).targets(xstreams.size())
        .targetExecutor(xstreams::executor).ioThreads(ioThreads).mapVersion(state::mapVersion).faults(faults)
        .counters(rpcCounters).peerAuth(peerAuth).build();
    Duration rpcTimeout = rpcTimeout();
    ServiceRanks svcRanks = new ServiceRanks(poolServices, this::serverClient, this::rankUri);
    this.svcRanks = svcRanks;
    handles = ContHandleCache.of(new CartHandleLookup(cartClient, svcRanks::replicaUris, rpcTimeout));
    MapPush mapPush = new MapPush(name, pools, cartClient, this::rankUri, rpcTimeout);
    mapPush.registerOn(server);
    MapRefresh mapRefresh = new MapRefresh(name, mapPush, cartClient, svcRanks::replicaUris, rpcTimeout,
        serviceIo);
    DrpcSysSelfHeal sysSelfHeal = new DrpcSysSelfHeal(this::serverClient, args.group());
    PoolMapChanges mapChanges = new PoolMapChanges(name, sysSelfHeal,
        (svc, map) -> mapPush.push(svc.poolUuid(), map));
    rebuildScheduler = new RebuildScheduler(name, poolServices, mapChanges, () -> rebuilds, sysSelfHeal,
        ticker, env.rebuildDisabled()).registerOn(mapChanges);
    new MapUpdateHandlers(name, poolServices, mapChanges, cartClient, this::rankUri, rpcTimeout).registerOn(server);
    selfHeal = new SelfHeal(name, poolServices, mapChanges, this::groupRanks, this::swimDeadRanks);
    new io.daos.engine.pool.map.ExtendHandlers(name, poolServices, mapChanges,
        svc -> rebuildScheduler.startAgain(svc), this::rankUri, selfHeal, this::swimDeadRanks, cartClient,
        rpcTimeout).registerOn(server);
    poolHandlers.deadRanks(this::swimDeadRanks);
    dtxClient = CartClient.builder().transport(fabric).name(name + " dtx").peerAuth(peerAuth).counters(rpcCounters)
        .build();
    dtx = new DtxService(name, dtxClient, this::rankUri, this::selfRank, rpcTimeout, ticker, xstreams::executor)
        .containers((p, t, c) -> {
          try {
            return pools.get(p).existingContainer(t, c);
          } catch (DaosException e) {
            return null;
          }
        });
    pools.addMapListener((p, m) -> dtx.resync(p, m));
    new DtxHandlers(dtx, () -> PoolTargets.POOL_MAP_VERSION).registerOn(server);
    DtxService dtxSvc = dtx;
    aggregator = new ContAggregator(name, pools, xstreams::executor, xstreams::busy,
        new CartAggregationViews(cartClient, svcRanks::replicaUris, rpcTimeout), dtxSvc::uncertain,
        Hlc.system(), env.aggGapSec(), ticker::after);
    new ObjHandlers(name, pools, pools::mapVersion, mapRefresh::refresh, Hlc.system(), handles, xstreams::executor,
        dtx, this::selfRank).aggregation(aggregator).metrics(metrics).registerOn(server);
    ContHandlers contHandlers = new ContHandlers(name, poolServices, new CartTargetDestroyer(cartClient,
        svcRanks::poolRankUris, rpcTimeout), Hlc.system()).maps(p -> pools.find(p).flatMap(EnginePool::map));
    contHandlers.registerOn(server);
    poolServices.onHandlesClosing(contHandlers::closeHandlesOf);
    pools.addMapListener(contHandlers::mapInstalled);
    new PoolRpcHandlers(poolServices, new DrpcCredentialValidator(this::serverClient),
        new CartSpaceQuery(cartClient, this::rankUri, rpcTimeout), pool -> {
          Rebuilds rb = rebuilds;
          RebuildScheduler sched = rebuildScheduler;
          return rb == null ? null : sched == null ? rb.status(pool) : sched.status(pool, rb.status(pool));
        }, () -> {
          SwimService sw = swim;
          java.util.Set<Integer> swimDead = sw == null ? java.util.Set.of() : sw.deadRanks();
          java.util.Set<Integer> group = groupRanks();
          return r -> swimDead.contains(r) || group != null && !group.isEmpty() && !group.contains(r);
        }).opCounter(metrics::poolOp).registerOn(server);
    new PoolFindHandler(this::serverClient, serviceIo).registerOn(server);
    rebuilds = new Rebuilds(name, pools, xstreams::executor, cartClient, this::rankUri,
        this::selfRank, rpcTimeout, rpcTimeout.multipliedBy(10).plusSeconds(60),
        ticker);
    rebuilds.containerLevels(contHandlers::redundancyLevels);
    rebuilds.containerCells(contHandlers::ecCellSizes);
    rebuilds.discarded(dtx::forget);
    rebuilds.faults(faults);
    rebuilds.leaderTerms(p -> poolServices.service(p).map(svc -> svc.rdb().term()).orElse(0L));
    rebuilds.registerOn(server);
    new RebuildRpcHandlers(poolServices, rebuildScheduler).registerOn(server);
    new TgtQueryHandler(pools, serviceIo).registerOn(server);
    new PoolTgtHandlers(poolHandlers.local(), serviceIo).registerOn(server);
    chkHandlers.registerOn(server, serviceIo);
    mapTimer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("engine-" + args.instanceIdx() + "-map-dist"));
    mapTimer.scheduleWithFixedDelay(dtx::tick, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    new io.daos.engine.bio.BdevScanner(name, smd, () -> io.daos.engine.bio.Bdev.read(args.nvmeConf()), ras)
        .start(mapTimer);
    ContAggregator agg = aggregator;
    mapTimer.scheduleWithFixedDelay(agg::tick, ContAggregator.INTERVAL.toMillis(), ContAggregator.INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
    GroupMapDistributor dist = new GroupMapDistributor(name, state, cartClient, mapTimer, rpcTimeout);
    dist.registerOn(server);
    mapDistributor = dist;
    swimClient = CartClient.builder().transport(fabric).name(name + " swim").peerAuth(peerAuth).counters(rpcCounters)
        .build();
    RankDeadNotifier dead = new RankDeadNotifier(name, ras);
    SelfHeal heal = selfHeal;
    swim = new SwimService(name, env.swim(), incarnation, this::swimRoster, swimClient, (rank, inc) -> {
      metrics.deadRank();
      dead.onDead(rank, inc);
      heal.rankDead(rank);
    });
    mapTimer.scheduleWithFixedDelay(heal::scan, SELF_HEAL_SCAN.toMillis(), SELF_HEAL_SCAN.toMillis(),
        TimeUnit.MILLISECONDS);
    RebuildScheduler sched = rebuildScheduler;
    mapTimer.scheduleWithFixedDelay(sched::check, SELF_HEAL_SCAN.toMillis(), SELF_HEAL_SCAN.toMillis(),
        TimeUnit.MILLISECONDS);
    swim.registerOn(server);
    try {
      dataPlane = server.start();
    } catch (DaosException e) {
      server.close();
      throw new IOException("data plane: " + e.getMessage(), e);
    }
  }

  /** The timeout of one engine-to-engine RPC (CRT_TIMEOUT, at least a second). */
  private Duration rpcTimeout() {
    return Duration.ofSeconds(Math.max(1, env.crtTimeoutSec()));
  }

  private void notifyReady() throws IOException {
    NotifyReadyReq req = NotifyReadyReq.newBuilder().setUri(uri()).setNctxs(args.contextCount())
        .setDrpcListenerSock(drpcSocket().toString()).setInstanceIdx(args.instanceIdx())
        .setNtgts(args.effectiveTargets()).setIncarnation(incarnation).setCheckMode(args.checkMode()).build();
    try {
      serverClient = DrpcClient.builder(args.serverSocket()).transport(transport)
          .timeout(Duration.ofSeconds(Math.max(1, env.crtTimeoutSec()))).connect();
      serverClient.call(DrpcMethod.SRV_NOTIFY_READY, req.toByteArray());
    } catch (IOException e) {
      throw new IOException("NotifyReady to daos_server failed: " + e.getMessage() + " (is daos_server running "
          + "with socket_dir " + args.socketDir() + "?)", e);
    }
  }

  /**
   * The engine's pool-service Raft server, started on first use once the rank is known (null before): it listens
   * at the data-plane host, fabric port + 1, and keeps its groups under {@code <scm_mount>/rdb}.
   */
  synchronized RdbServer rdbServer() {
    if (rdbServer == null && state.rank().isPresent() && dataPlane != null) {
      try {
        rdbServer = RdbServer.start(name, state.rank().getAsInt(), RdbPeers.raftAddress(uri()),
            args.storage().resolve("rdb"), RDB_REQUEST_TIMEOUT, env.rdbElectionTimeout(), rdbTls());
      } catch (IOException e) {
        LOG.error("{}: cannot start the pool service Raft server: {}", name, e.getMessage());
      }
    }
    return rdbServer;
  }

  /** The pool services' TLS identity ({@link RdbPeers#tls}); null, with a warning, without a system key. */
  private SharedKeyTls rdbTls() {
    SharedKeyTls tls = RdbPeers.tls(peerAuth);
    if (tls == null) {
      LOG.warn("{}: no system key: the pool services' Raft port {} is not authenticated", name,
          RdbPeers.raftAddress(uri()));
    }
    return tls;
  }

  /** SWIM's view of the group: this engine's rank and the group map's ranks (null before SET_RANK). */
  private SwimService.Roster swimRoster() {
    java.util.OptionalInt rank = state.rank();
    if (rank.isEmpty()) {
      return null;
    }
    java.util.Map<Integer, SwimService.Peer> peers = new java.util.HashMap<>();
    state.groupMap().members().forEach((r, m) -> peers.put(r, new SwimService.Peer(m.uri(), m.incarnation())));
    return new SwimService.Roster(rank.getAsInt(), peers);
  }

  /** The ranks SWIM holds dead here (none before SWIM runs). */
  private java.util.Set<Integer> swimDeadRanks() {
    SwimService s = swim;
    return s == null ? java.util.Set.of() : s.deadRanks();
  }

  /** The ranks of the current group map; null before this engine has one. */
  private java.util.Set<Integer> groupRanks() {
    GroupMap g = state.groupMap();
    return g.version() == 0 ? null : g.members().keySet();
  }

  /** The fault points armed on this engine's CART-J server (DAOS_FAIL_LOC). */
  public FaultInjection faults() {
    return faults;
  }

  /** The DTX logic of this engine (null before start). */
  public DtxService dtx() {
    return dtx;
  }

  /** The opcodes the data plane serves (empty before it starts). */
  public java.util.Set<Integer> registeredOpcodes() {
    CartServer s = dataPlane;
    return s == null ? java.util.Set.of() : s.registered();
  }

  /** Space used per pool target here, for {@code engine_pool_vos_space_*}. */
  private java.util.List<io.daos.engine.telemetry.EngineMetrics.TargetSpace> poolSpace() {
    PoolTargets p = pools;
    java.util.List<io.daos.engine.telemetry.EngineMetrics.TargetSpace> out = new java.util.ArrayList<>();
    if (p == null) {
      return out;
    }
    for (java.util.UUID uuid : p.list()) {
      java.util.List<java.util.List<io.daos.engine.pool.TierUsage>> perTgt;
      try {
        perTgt = p.targetUsage(uuid);
      } catch (RuntimeException e) {
        continue; // destroyed since list()
      }
      for (int t = 0; t < perTgt.size(); t++) {
        java.util.List<io.daos.engine.pool.TierUsage> u = perTgt.get(t);
        out.add(new io.daos.engine.telemetry.EngineMetrics.TargetSpace(uuid, t, u.get(0).total() - u.get(0).free(),
            u.get(1).total() - u.get(1).free()));
      }
    }
    return out;
  }

  /** The requests per opcode this engine's CART-J handlers have taken. */
  public RpcCounters rpcCounters() {
    return rpcCounters;
  }

  /**
   * This engine's rebuild service (null before start): the pool service leader calls {@link Rebuilds#start} after
   * an exclude and reads {@link Rebuilds#status} for pool query.
   */
  public Rebuilds rebuilds() {
    return rebuilds;
  }

  /** The pool service leader's rebuild scheduling of this engine (null before start). */
  public RebuildScheduler rebuildScheduler() {
    return rebuildScheduler;
  }

  /** SWIM of this engine (null before start). */
  public SwimService swim() {
    return swim;
  }

  /** The object handlers' container-handle cache (tests register handles in it). */
  ContHandleCache handles() {
    return handles;
  }

  /** Reopens the pool service replicas found under the SCM mount (on SET_UP, off the dRPC thread). */
  private void reopenPoolServices() {
    if (serviceIo == null) {
      return;
    }
    if (!java.nio.file.Files.isDirectory(args.storage().resolve("rdb"))) {
      poolServices.noneToReopen();
      return;
    }
    serviceIo.execute(() -> {
      int n = poolServices.reopen();
      if (n > 0) {
        LOG.info("{}: reopened {} pool service replicas", name, n);
      }
    });
  }

  /** A rank's CART-J URI: this engine's own, or the group map's. */
  Optional<String> rankUri(int rank) {
    if (state.rank().isPresent() && state.rank().getAsInt() == rank && dataPlane != null) {
      return Optional.of(uri());
    }
    GroupMap.Member m = state.groupMap().members().get(rank);
    return m == null || m.uri().isEmpty() ? Optional.empty() : Optional.of(m.uri());
  }

  /** The pool service replicas this engine hosts (null before start). */
  public PoolServices poolServices() {
    return poolServices;
  }

  /** {@code ofi+tcp://<ip>:<port>} of the CART-J data-plane server. */
  public String uri() {
    return dataPlane.uri();
  }

  public InetSocketAddress dataPlaneAddress() {
    CartUri u = CartUri.parse(dataPlane.uri());
    return new InetSocketAddress(u.host(), u.port());
  }

  public Path drpcSocket() {
    return args.engineSocket(pid);
  }

  public long incarnation() {
    return incarnation;
  }

  /** This engine's rank, -1 before it has joined. */
  private int selfRank() {
    return state.rank().orElse(-1);
  }

  public EngineState state() {
    return state;
  }

  public LifeCycle.State lifeCycleState() {
    return lifeCycle.current();
  }

  /** The target xstreams, the only threads that may touch the targets' VOS pools (null before start). */
  public TargetXstreams xstreams() {
    return xstreams;
  }

  /** The pools this engine holds targets of (null before start). */
  public PoolTargets pools() {
    return pools;
  }

  /** A dRPC client to daos_server (for engine → server calls), once started. */
  public DrpcClient serverClient() {
    return serverClient;
  }

  /** Stops everything in reverse order and removes the socket file; safe to call more than once. */
  @Override
  public synchronized void close() {
    if (!lifeCycle.checkStateAndClose()) {
      return;
    }
    LOG.info("{} ({}): shutting down", name, state.describeRank());
    closeQuietly(dtxClient);
    closeQuietly(swim);
    closeQuietly(ras);
    closeQuietly(swimClient);
    closeQuietly(poolServices);
    closeQuietly(rdbServer);
    closeQuietly(serverClient);
    closeQuietly(dataPlane);
    closeQuietly(cartClient);
    if (mapTimer != null) {
      mapTimer.shutdownNow();
    }
    if (serviceIo != null) {
      serviceIo.shutdownNow();
    }
    closeQuietly(drpcServer);
    closeQuietly(pools);
    closeQuietly(xstreams);
    lifeCycle.transition(LifeCycle.State.CLOSED);
    closed.countDown();
  }

  /** Waits until {@link #close()} has finished. */
  public boolean awaitClose(long timeout, TimeUnit unit) throws InterruptedException {
    return closed.await(timeout, unit);
  }

  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  private void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("{}: error while closing {}: {}", name, c.getClass().getSimpleName(), e.toString());
    }
  }
}
