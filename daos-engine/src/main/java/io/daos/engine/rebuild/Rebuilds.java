package io.daos.engine.rebuild;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.cart.CartClient;
import io.daos.cart.CartReplier;
import io.daos.cart.CartReply;
import io.daos.cart.CartRequest;
import io.daos.cart.CartServer;
import io.daos.cart.FaultInjection;
import io.daos.common.Futures;
import io.daos.common.Ticker;
import io.daos.common.Uuids;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.EnginePool;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.vos.Anchor;
import io.daos.engine.vos.EnumPage;
import io.daos.engine.vos.VersionRecord;
import io.daos.engine.vos.VosContainer;
import io.daos.engine.vos.tree.VosObjectId;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolMapTarget;
import io.daos.proto.pool.RebuildStatus;
import io.daos.proto.rebuild.ObjHistoryReply;
import io.daos.proto.rebuild.ObjHistoryReq;
import io.daos.proto.rebuild.ObjMigrateReply;
import io.daos.proto.rebuild.ObjMigrateReq;
import io.daos.proto.rebuild.PoolTgtDiscardReply;
import io.daos.proto.rebuild.PoolTgtDiscardReq;
import io.daos.proto.rebuild.TgtAddr;
import io.daos.proto.rebuild.RebuildReport;
import io.daos.proto.rebuild.RebuildReportReply;
import io.daos.proto.rebuild.RebuildScanReply;
import io.daos.proto.rebuild.RebuildScanReq;
import io.daos.placement.TargetState;
import io.daos.rpc.RebuildRpc;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine's rebuild service (DAOS {@code src/rebuild/srv.c}). As leader (on the pool service leader's engine),
 * {@link #start} broadcasts REBUILD_OBJECTS_SCAN to every engine with live targets (UPIN, DRAIN, UP) in the new map
 * (for a reintegration with data_sync, the pool service has emptied the returning targets with POOL_TGT_DISCARD
 * before their map change), collects their
 * REBUILD_REPORTs (each engine reports every {@code reportInterval} while it scans or pulls, and at once when it is
 * done or has pulled a batch), keeps the {@code daos_rebuild_status} ({@link #status}) and calls the
 * {@link RebuildListener} when the version is rebuilt, failed (an engine's error, or an engine silent for
 * {@code 5 × reportInterval}) or stopped ({@link #stop}). After the pool service's finish step it runs
 * {@link #reclaim} (RB_OP_RECLAIM). As any engine it serves the scan (see {@link RebuildScanner}), the objects sent
 * to it (DAOS_OBJ_RPC_MIGRATE, see {@link MigratePuller}), the discard, and the enumeration of its replicas for
 * other engines' pulls (DAOS_OBJ_RPC_ENUMERATE with the rebuild's container handle: rebuild needs no client
 * handle, as DAOS's rebuild uses its own pool and container handles).
 */
public final class Rebuilds {
  private static final Logger LOG = LoggerFactory.getLogger(Rebuilds.class);
  /** {@code RB_OP_REBUILD}: exclude, drain, reintegrate and extend all rebuild with this op. */
  public static final int RB_OP_REBUILD = 0;
  /** {@code RB_OP_RECLAIM}: delete what the final map no longer places on a target. */
  public static final int RB_OP_RECLAIM = 1;
  /**
   * {@code RB_OP_FAIL_RECLAIM} ({@code daos_rebuild_opc_t} 2, "Reclaim fail"): after a failed or stopped rebuild,
   * delete what it pulled (every shard the layout before its change does not place on a target).
   */
  public static final int RB_OP_FAIL_RECLAIM = 2;
  /** DAOS's rebuild IV update period (2 s). */
  public static final Duration REPORT_INTERVAL = Duration.ofSeconds(2);
  /** Reports a leader may miss from an engine still working before it fails the rebuild. */
  static final int MISSED_REPORTS = 5;
  /** How often a scan held by DAOS_REBUILD_TGT_SCAN_HANG checks the point again (DAOS sleeps 2 s). */
  static final Duration SCAN_HANG_CHECK = Duration.ofSeconds(2);

  private final String name;
  private volatile java.util.function.Function<UUID, Map<UUID, Integer>> containerLevels = p -> Map.of();
  private volatile java.util.function.Function<UUID, Map<UUID, Long>> containerCells = p -> Map.of();
  private final PoolTargets pools;
  private final CartClient client;
  private final IntFunction<Optional<String>> rankUri;
  private final IntSupplier myRank;
  private final Duration rpcTimeout;
  private final Duration reportInterval;
  private final Ticker ticker;
  private final RebuildScanner scanner;
  private final MigratePuller puller;
  /** Leader side: the latest rebuild (or reclaim) of each pool this engine leads. */
  private final Map<UUID, RebuildTracker> led = new ConcurrentHashMap<>();
  /**
   * Leader side: what pool query shows once a fail-reclaim is over (DAOS {@code rg_completed_list}): the failed
   * rebuild's status, or "stopped" after the administrator's stop.
   */
  private final Map<UUID, RebuildStatus> completed = new ConcurrentHashMap<>();
  /** Leader side: the generations of each pool's fail-reclaims ({@code sp_rebuild_gen}). */
  private final Map<UUID, Integer> failReclaimGens = new ConcurrentHashMap<>();
  /** Leader side: the version and generation of each pool's latest rebuild (high and low 32 bits). */
  private final Map<UUID, Long> lastRebuild = new ConcurrentHashMap<>();
  /** Engine side: rebuilds (version/gen/master) replaced here; their late MIGRATEs are refused, not restarted. */
  private final Map<UUID, java.util.Deque<String>> replaced = new ConcurrentHashMap<>();
  /** Engine side: this engine's part of the latest rebuild of each pool. */
  private final Map<UUID, LocalRebuild> locals = new ConcurrentHashMap<>();
  /** Engine side: the container handle of the running rebuild of each pool (rt_coh_uuid). */
  private final Map<UUID, ByteString> rebuildHandles = new ConcurrentHashMap<>();
  private volatile RebuildListener listener;
  private volatile java.util.function.BiConsumer<UUID, Integer> discarded = (p, t) -> { };
  private volatile FaultInjection faults = new FaultInjection();
  private volatile java.util.function.ToLongFunction<UUID> leaderTerms = p -> 0L;

  /**
   * {@code targetExecutor} gives each target's thread (DESIGN D7); {@code rankUri} an engine's CART-J URI;
   * {@code rpcTimeout} bounds one scan, report or enumeration RPC; a MIGRATE, answered once the pull is done, may
   * take {@code pullTimeout}. Reports every {@link #REPORT_INTERVAL}.
   */
  public Rebuilds(String name, PoolTargets pools, IntFunction<Executor> targetExecutor, CartClient client,
      IntFunction<Optional<String>> rankUri, IntSupplier myRank, Duration rpcTimeout, Duration pullTimeout,
      Ticker ticker) {
    this(name, pools, targetExecutor, client, rankUri, myRank, rpcTimeout, pullTimeout, REPORT_INTERVAL, ticker);
  }

  /** As above, reporting every {@code reportInterval} (the leader fails an engine silent for 5 intervals). */
  public Rebuilds(String name, PoolTargets pools, IntFunction<Executor> targetExecutor, CartClient client,
      IntFunction<Optional<String>> rankUri, IntSupplier myRank, Duration rpcTimeout, Duration pullTimeout,
      Duration reportInterval, Ticker ticker) {
    this.name = name;
    this.pools = pools;
    this.client = client;
    this.rankUri = rankUri;
    this.myRank = myRank;
    this.rpcTimeout = rpcTimeout;
    this.reportInterval = reportInterval;
    this.ticker = ticker;
    this.scanner = new RebuildScanner(name, pools, targetExecutor, client, rankUri, pullTimeout);
    this.puller = new MigratePuller(pools, targetExecutor, client, rankUri, rpcTimeout);
  }

  /**
   * Where the leader reads each container's redundancy level (rd_lvl) of a pool: the container service of the pool
   * on this engine. The scan and the reclaim place every container's objects at its own level, as clients do.
   */
  public void containerLevels(java.util.function.Function<UUID, Map<UUID, Integer>> levels) {
    this.containerLevels = levels;
  }

  /** Where the leader reads each container's {@code ec_cell_sz} (sent with the scan for EC reconstruction). */
  public void containerCells(java.util.function.Function<UUID, Map<UUID, Long>> cells) {
    this.containerCells = cells;
  }

  /**
   * The engine's fault points (DAOS_FAIL_LOC) that the rebuild's own code checks: DAOS_REBUILD_TGT_SCAN_HANG holds
   * a scan (not a reclaim) while it is armed on REBUILD_OBJECTS_SCAN.
   */
  public void faults(FaultInjection f) {
    this.faults = f;
  }

  /**
   * Where the leader reads its pool service term of a pool (rsi_leader_term): each rebuild it starts carries it, and
   * an engine taking part in a rebuild of a newer term refuses the scans and pulls of an older one (DER_STALE), so
   * that what a former leader had under way does not abort the new leader's rebuild.
   */
  public void leaderTerms(java.util.function.ToLongFunction<UUID> terms) {
    this.leaderTerms = terms;
  }

  /** Who hears that a version is rebuilt, failed or reclaimed (the pool service's finish step). */
  public void listener(RebuildListener l) {
    this.listener = l;
  }

  /**
   * Registers REBUILD_OBJECTS_SCAN, REBUILD_REPORT, DAOS_OBJ_RPC_MIGRATE, DAOS_OBJ_RPC_ENUMERATE and
   * POOL_TGT_DISCARD.
   */
  public CartServer registerOn(CartServer server) {
    return server.register(RebuildRpc.OBJECTS_SCAN, this::onScan)
        .register(RebuildRpc.REPORT, this::onReport)
        .register(RebuildRpc.OBJ_MIGRATE, this::onMigrate)
        .register(RebuildRpc.OBJ_ENUMERATE, this::onEnumerate)
        .register(RebuildRpc.POOL_TGT_DISCARD, this::onDiscard);
  }

  /** {@link #start(UUID, RebuildOp, PoolMap, PoolMap)} for an exclusion. */
  public CompletableFuture<RebuildStatus> start(UUID pool, PoolMap oldMap, PoolMap newMap) {
    return start(pool, RebuildOp.EXCLUDE, oldMap, newMap);
  }

  /**
   * Starts rebuilding {@code pool} for the change {@code op} from {@code oldMap} to {@code newMap} (the pool service
   * calls this on its leader once it has distributed {@code newMap}; version = {@code newMap.getVersion()}). Every
   * object shard whose target differs between the old layout and the new map's post-rebuild layout moves: a DOWN
   * target's to its spare (EXCLUDE), a DRAIN target's to its spare (DRAIN), back to an UP target (REINT: the pool
   * service discarded its stale data before the map change), to a NEW→UP target (EXTEND). A rebuild of the pool
   * still running is superseded. The future completes with the final status (also given to the listener); a failed
   * or stopped rebuild completes it normally with {@code errno != 0}. After {@code done}, the pool service runs its
   * finish step and then {@link #reclaim}.
   */
  public CompletableFuture<RebuildStatus> start(UUID pool, RebuildOp op, PoolMap oldMap, PoolMap newMap) {
    int version = newMap.getVersion();
    if (version <= oldMap.getVersion()) {
      throw new DaosException(DaosStatus.INVAL, "rebuild needs a newer map: old version " + oldMap.getVersion()
          + ", new version " + version);
    }
    TreeSet<Integer> ranks = liveRanks(newMap);
    // A new generation for each rebuild of the same version, also across the fail-reclaims between them, so that
    // engines tell a retry from the rebuild that failed (whose late requests they refuse).
    long last = lastRebuild.getOrDefault(pool, 0L);
    int gen = (int) (last >>> 32) == version ? (int) last + 1 : 1;
    lastRebuild.put(pool, ((long) version << 32) | gen);
    RebuildTracker tr = new RebuildTracker(pool, leaderTerms.applyAsLong(pool), version, gen, RB_OP_REBUILD, op,
        oldMap, newMap, ranks,
        RebuildStatus.getDefaultInstance(), ticker);
    supersede(pool, tr);
    LOG.info("{}: rebuild ({}) of pool {} version {} gen {} starts on ranks {}", name, op, pool, version, gen, ranks);
    broadcast(tr);
    watch(tr);
    return tr.result;
  }

  /**
   * RB_OP_RECLAIM after a successful rebuild and the pool service's finish step (DOWN/DRAIN → DOWNOUT, UP → UPIN):
   * every engine deletes the object shards that {@code finalMap} no longer places on its targets (a drained
   * target's copies, a spare's copy after reintegration, the old copies after extension). Pool query shows the
   * rebuild's counts with DRS_IN_PROGRESS until it is done. The future completes with the final status; the
   * listener hears {@code reclaimed} (or {@code failed}).
   */
  public CompletableFuture<RebuildStatus> reclaim(UUID pool, PoolMap finalMap) {
    return reclaim(pool, finalMap, finalMap);
  }

  /**
   * {@link #reclaim(UUID, PoolMap)} while the pool's map is already {@code current} (a later failure was committed
   * after the finish step): ranks with DOWN targets in {@code current} take no part (DAOS's leader counts ranks that
   * are down as done), so a reclaim does not wait for an engine that failed meanwhile. Called again after a failed
   * reclaim of the same final map, it runs the next attempt (generation + 1), as DAOS reschedules a failed
   * RB_OP_RECLAIM.
   */
  public CompletableFuture<RebuildStatus> reclaim(UUID pool, PoolMap finalMap, PoolMap current) {
    RebuildTracker prev = led.get(pool);
    boolean again = prev != null && prev.rbOp == RB_OP_RECLAIM && !prev.running() && !prev.succeeded()
        && prev.version == finalMap.getVersion();
    if (!again && (prev == null || prev.rbOp != RB_OP_REBUILD || !prev.succeeded())) {
      throw new DaosException(DaosStatus.NONEXIST, "pool " + pool + " has no completed rebuild here to reclaim "
          + "after; reclaim runs on the rebuild leader after a successful rebuild and the finish step");
    }
    TreeSet<Integer> ranks = new TreeSet<>(prev.ranks);
    if (!again) {
      ranks.addAll(liveRanks(finalMap));
      ranks.addAll(drainRanks(prev.oldMap));
    }
    TreeSet<Integer> down = downRanks(current);
    ranks.removeAll(down);
    RebuildTracker tr = new RebuildTracker(pool, leaderTerms.applyAsLong(pool), finalMap.getVersion(),
        again ? prev.gen + 1 : 1, RB_OP_RECLAIM, prev.op, finalMap, finalMap, ranks,
        again ? prev.base() : prev.status(), ticker);
    supersede(pool, tr);
    LOG.info("{}: reclaim of pool {} map version {} gen {} starts on ranks {}{}", name, pool,
        finalMap.getVersion(), tr.gen, ranks, down.isEmpty() ? "" : " (ranks " + down + " are down)");
    if (ranks.isEmpty() && tr.end(0, 0)) {
      finish(tr);
      return tr.result;
    }
    broadcast(tr);
    watch(tr);
    return tr.result;
  }

  /** Ranks with a DOWN target in {@code map}: failed, not rebuilt yet. */
  private static TreeSet<Integer> downRanks(PoolMap map) {
    TreeSet<Integer> ranks = new TreeSet<>();
    for (PoolMapRank r : map.getRanksList()) {
      if (r.getTargetsList().stream().anyMatch(t -> RebuildMaps.state(t.getState()) == TargetState.DOWN)) {
        ranks.add(r.getRank());
      }
    }
    return ranks;
  }

  /**
   * RB_OP_FAIL_RECLAIM ({@code rebuild_task_complete_schedule} after a failed rebuild whose scan had started): every
   * engine with UPIN or DRAIN targets in {@code curMap} (and UP ones when {@code includeUp}, after the
   * administrator's stop of a reintegration, whose targets stay UP) deletes the object shards that the layout of
   * {@code oldMap} (the map before the failed change; its version is this operation's) does not place on those
   * targets: what the failed rebuild pulled. The pool service calls it on the rebuild leader after the rebuild ended
   * unsuccessfully (and after reverting the map of a failed drain, reintegration or extension). While it runs, pool
   * query shows it (DRS_IN_PROGRESS, rs_version the old map's); once over, the failed rebuild's status (DAOS's
   * completed list), which {@link #completedUpdate} may change. The future completes with the fail-reclaim's own
   * status (rs_errno 0 when every engine is done).
   *
   * @throws DaosException DER_NONEXIST when the pool's latest rebuild here is not a failed or stopped one
   */
  public CompletableFuture<RebuildStatus> failReclaim(UUID pool, PoolMap oldMap, PoolMap curMap, boolean includeUp) {
    RebuildTracker prev = led.get(pool);
    if (prev == null || prev.running() || prev.rbOp == RB_OP_RECLAIM
        || prev.rbOp == RB_OP_REBUILD && prev.succeeded()) {
      throw new DaosException(DaosStatus.NONEXIST, "pool " + pool + " has no failed or stopped rebuild here to "
          + "clean up after; the fail-reclaim runs on the rebuild leader once a rebuild has ended unsuccessfully");
    }
    if (prev.rbOp == RB_OP_REBUILD) {
      completed.put(pool, prev.status());
    }
    TreeSet<Integer> ranks = new TreeSet<>();
    for (PoolMapRank r : curMap.getRanksList()) {
      for (PoolMapTarget t : r.getTargetsList()) {
        TargetState st = RebuildMaps.state(t.getState());
        if (st == TargetState.UPIN || st == TargetState.DRAIN || includeUp && st == TargetState.UP) {
          ranks.add(r.getRank());
        }
      }
    }
    int gen = failReclaimGens.merge(pool, 1, Integer::sum);
    RebuildTracker tr = new RebuildTracker(pool, leaderTerms.applyAsLong(pool), oldMap.getVersion(), gen,
        RB_OP_FAIL_RECLAIM, prev.op, oldMap, curMap, ranks, RebuildStatus.getDefaultInstance(), ticker);
    tr.includeUp = includeUp;
    boolean again = prev.rbOp == RB_OP_FAIL_RECLAIM;
    tr.failedVer = again ? prev.failedVer : prev.version;
    tr.failedGen = again ? prev.failedGen : prev.gen;
    supersede(pool, tr);
    LOG.info("{}: fail-reclaim of pool {} (after the {} rebuild of version {}) at map version {} gen {} starts on "
        + "ranks {}{}", name, pool, prev.op, prev.version, oldMap.getVersion(), gen, ranks,
        includeUp ? " (UP targets included)" : "");
    broadcast(tr);
    watch(tr);
    return tr.result;
  }

  /**
   * {@code rebuild_status_completed_update_partial}: what pool query shows for {@code pool} once its fail-reclaim is
   * over gets {@code state} and {@code errno} (the pool service marks a stopped rebuild DRS_NOT_STARTED with
   * -DER_OP_CANCELED). Nothing happens when no fail-reclaim ran here.
   */
  public void completedUpdate(UUID pool, int state, int errno) {
    completed.computeIfPresent(pool, (k, s) -> s.toBuilder().setState(state).setErrno(errno).build());
  }

  /**
   * The status of the failed (or stopped) rebuild of {@code pool} that this engine's latest fail-reclaim cleans up
   * after (what pool query shows once that fail-reclaim is over), or null when no fail-reclaim ran here.
   */
  public RebuildStatus failedBeforeFailReclaim(UUID pool) {
    return completed.get(pool);
  }

  /** True while a fail-reclaim of {@code pool} runs here. */
  public boolean failReclaiming(UUID pool) {
    RebuildTracker tr = led.get(pool);
    return tr != null && tr.rbOp == RB_OP_FAIL_RECLAIM && tr.running();
  }

  /**
   * {@code dmg pool rebuild stop} (ds_pool_rebuild_stop): the running rebuild of {@code pool} stops; its status
   * shows rs_errno -DER_OP_CANCELED and DRS_NOT_STARTED ("stopped"), engines abort their scans and pulls at their
   * next report. {@code force} is accepted for DAOS's CLI (it also stops a rebuild that is finishing).
   *
   * A running fail-reclaim stops too (the pool service asks for that only on a forced stop after failed
   * fail-reclaims, as {@code rebuild_is_stoppable}).
   *
   * @throws DaosException DER_NONEXIST when no rebuild of the pool is running here; DER_BUSY while its reclaim runs
   *     (the rebuild is done)
   */
  public RebuildStatus stop(UUID pool, boolean force) {
    RebuildTracker tr = led.get(pool);
    if (tr == null || !tr.running()) {
      throw new DaosException(DaosStatus.NONEXIST, "no rebuild of pool " + pool + " is running");
    }
    if (tr.rbOp == RB_OP_RECLAIM) {
      throw new DaosException(DaosStatus.BUSY, "the rebuild of pool " + pool + " is done and its reclaim is "
          + "running; a reclaim cannot be stopped, wait for it to end");
    }
    if (tr.stop()) {
      LOG.info("{}: rebuild of pool {} version {} stopped by the administrator{}", name, pool, tr.version,
          force ? " (force)" : "");
      finish(tr);
    }
    return tr.status();
  }

  /**
   * {@code dmg pool rebuild start} (ds_pool_rebuild_start): restarts the stopped rebuild of {@code pool} with the
   * same maps and the next generation.
   *
   * @throws DaosException DER_NONEXIST when the pool's latest rebuild here was not stopped
   */
  public CompletableFuture<RebuildStatus> startAgain(UUID pool) {
    RebuildTracker tr = led.get(pool);
    if (tr == null || !tr.stopped()) {
      throw new DaosException(DaosStatus.NONEXIST, "no stopped rebuild of pool " + pool + " to start again");
    }
    if (tr.rbOp == RB_OP_FAIL_RECLAIM) {
      return failReclaim(pool, tr.oldMap, tr.newMap, tr.includeUp);
    }
    if (tr.rbOp == RB_OP_RECLAIM) {
      RebuildTracker again = new RebuildTracker(pool, leaderTerms.applyAsLong(pool), tr.version, tr.gen + 1,
          RB_OP_RECLAIM, tr.op, tr.newMap,
          tr.newMap, tr.ranks, RebuildStatus.getDefaultInstance(), ticker);
      supersede(pool, again);
      broadcast(again);
      watch(again);
      return again.result;
    }
    return start(pool, tr.op, tr.oldMap, tr.newMap);
  }

  /**
   * {@code ds_rebuild_leader_stop}: this engine no longer leads the pool's service, so its running rebuild, reclaim
   * or fail-reclaim of {@code pool} ends here with DER_CANCELED (the new leader regenerates what is unfinished, and
   * engines already refuse this one's scans and pulls in the new term). Nothing happens when none runs.
   */
  public void leaderStop(UUID pool) {
    RebuildTracker tr = led.get(pool);
    if (tr != null && tr.end(DaosStatus.CANCELED.code(), 0)) {
      LOG.info("{}: no longer the pool service leader of pool {}: its rebuild of version {} ends here", name, pool,
          tr.version);
      finish(tr);
    }
  }

  /** True when this engine leads a rebuild (or reclaim) of {@code pool}, running or finished. */
  public boolean leads(UUID pool) {
    return led.containsKey(pool);
  }

  private static TreeSet<Integer> liveRanks(PoolMap map) {
    TreeSet<Integer> ranks = new TreeSet<>();
    for (PoolMapRank r : map.getRanksList()) {
      for (PoolMapTarget t : r.getTargetsList()) {
        TargetState st = RebuildMaps.state(t.getState());
        if (st == TargetState.UPIN || st == TargetState.DRAIN || st == TargetState.UP) {
          ranks.add(r.getRank());
        }
      }
    }
    return ranks;
  }

  /** Ranks with a DRAIN target in {@code map} (alive, holding the copies a reclaim deletes). */
  private static TreeSet<Integer> drainRanks(PoolMap map) {
    TreeSet<Integer> ranks = new TreeSet<>();
    for (PoolMapRank r : map.getRanksList()) {
      if (r.getTargetsList().stream().anyMatch(t -> RebuildMaps.state(t.getState()) == TargetState.DRAIN)) {
        ranks.add(r.getRank());
      }
    }
    return ranks;
  }

  private void supersede(UUID pool, RebuildTracker tr) {
    RebuildTracker prev = led.put(pool, tr);
    if (prev != null && prev.end(DaosStatus.CANCELED.code(), 0)) {
      finish(prev);
    }
  }

  private RebuildScanReq scanReq(RebuildTracker tr) {
    return RebuildScanReq.newBuilder().setPoolUuid(Uuids.toByteString(tr.pool)).setLeaderTerm(tr.term)
        .setRebuildOp(tr.rbOp)
        .setRebuildVer(tr.version).setMasterRank(myRank.getAsInt()).setRebuildGen(tr.gen).setOldMap(tr.oldMap)
        .setNewMap(tr.newMap).setPoolHdl(Uuids.toByteString(UUID.randomUUID()))
        .setContHdl(Uuids.toByteString(UUID.randomUUID())).setIncludeUp(tr.includeUp)
        .setFailedVer(tr.failedVer).setFailedGen(tr.failedGen).addAllContLevels(levels(tr.pool)).build();
  }

  private List<io.daos.proto.rebuild.ContLevel> levels(UUID pool) {
    List<io.daos.proto.rebuild.ContLevel> out = new java.util.ArrayList<>();
    Map<UUID, Long> cells = containerCells.apply(pool);
    containerLevels.apply(pool).forEach((c, l) -> out.add(io.daos.proto.rebuild.ContLevel.newBuilder()
        .setContUuid(Uuids.toByteString(c)).setRdLvl(l).setEcCellSz(cells.getOrDefault(c, 0L)).build()));
    return out;
  }

  private void broadcast(RebuildTracker tr) {
    if (!tr.running()) {
      return;
    }
    RebuildScanReq req = scanReq(tr);
    for (int rank : tr.ranks) {
      String uri = rankUri.apply(rank).orElse(null);
      if (uri == null) {
        fail(tr, DaosStatus.UNREACH.code(), rank, "no address for rank " + rank);
        return;
      }
      client.callWrapped(uri, RebuildRpc.OBJECTS_SCAN, 0, tr.version, req.toByteArray(), null, rpcTimeout)
          .whenComplete((reply, e) -> {
            int st = e != null ? RebuildTracker.code(Futures.cause(e)) : scanStatus(reply);
            if (st != 0) {
              fail(tr, st, rank, "REBUILD_OBJECTS_SCAN to rank " + rank + " failed");
            }
          });
    }
  }

  /** Leader: every report interval, fails the rebuild when an engine still working has been silent too long. */
  private void watch(RebuildTracker tr) {
    ticker.after(reportInterval).execute(() -> {
      if (!tr.running() || led.get(tr.pool) != tr) {
        return;
      }
      int silent = tr.silentRank(reportInterval.multipliedBy(MISSED_REPORTS).toNanos());
      if (silent >= 0) {
        fail(tr, DaosStatus.TIMEDOUT.code(), silent, "rank " + silent + " stopped reporting");
        return;
      }
      watch(tr);
    });
  }

  /** The rebuild status of {@code pool} for pool query: NOT_STARTED, version 0, when this engine led none. */
  public RebuildStatus status(UUID pool) {
    RebuildTracker tr = led.get(pool);
    if (tr == null) {
      return RebuildStatus.newBuilder().setState(RebuildTracker.DRS_NOT_STARTED).build();
    }
    if (tr.rbOp == RB_OP_FAIL_RECLAIM && !tr.running()) {
      RebuildStatus c = completed.get(pool);
      if (c != null) {
        return c;
      }
    }
    return tr.status();
  }

  /**
   * Leader side: the engines (ranks) whose newest report on the pool's latest rebuild or reclaim says their scan
   * and pulls are done (empty when this engine led none); the leader waits for the others.
   */
  public java.util.Set<Integer> ranksDone(UUID pool) {
    RebuildTracker tr = led.get(pool);
    return tr == null ? java.util.Set.of() : tr.done();
  }

  /**
   * Engine side: whether this engine's part of the pool's latest rebuild, reclaim or fail-reclaim of map version
   * {@code version} is over (scan done, no pull running, or aborted); false when it has none of that version.
   */
  public boolean partOver(UUID pool, int version) {
    LocalRebuild l = locals.get(pool);
    return l != null && l.version == version && l.idle();
  }

  private static int scanStatus(CartReply reply) {
    try (reply) {
      if (reply.status() != 0) {
        return reply.status();
      }
      return RebuildScanReply.parseFrom(reply.bodyBytes()).getStatus();
    } catch (InvalidProtocolBufferException e) {
      return DaosStatus.PROTO.code();
    }
  }

  private void fail(RebuildTracker tr, int status, int rank, String why) {
    LOG.warn("{}: rebuild of pool {} version {} failed: {} ({})", name, tr.pool, tr.version, why,
        DaosStatus.fromCode(status));
    if (tr.end(status, rank)) {
      finish(tr);
    }
  }

  private void finish(RebuildTracker tr) {
    RebuildStatus st = tr.status();
    String what = tr.rbOp == RB_OP_RECLAIM ? "reclaim" : tr.rbOp == RB_OP_FAIL_RECLAIM ? "fail-reclaim" : "rebuild";
    LOG.info("{}: {} of pool {} version {} {}: {} objects, {} records", name, what, tr.pool, tr.version,
        tr.succeeded() ? "done" : tr.stopped() ? "stopped" : "failed", st.getObjNr(), st.getRecNr());
    RebuildListener l = listener;
    if (l != null) {
      try {
        if (!tr.succeeded()) {
          l.failed(tr.pool, tr.version, st);
        } else if (tr.rbOp == RB_OP_RECLAIM || tr.rbOp == RB_OP_FAIL_RECLAIM) {
          l.reclaimed(tr.pool, tr.version, st);
        } else {
          l.done(tr.pool, tr.version, st);
        }
      } catch (RuntimeException e) {
        LOG.error("{}: rebuild listener failed", name, e);
      }
    }
    tr.result.complete(st);
  }

  private void onScan(CartRequest req, CartReplier reply) {
    RebuildScanReq r;
    try {
      r = RebuildScanReq.parseFrom(req.body().nioBuffer());
      Uuids.required(r.getPoolUuid(), "pool");
    } catch (InvalidProtocolBufferException | DaosException e) {
      int st = e instanceof DaosException de ? de.status().code() : DaosStatus.PROTO.code();
      reply.reply(st, 0, Unpooled.wrappedBuffer(RebuildScanReply.newBuilder().setStatus(st).build().toByteArray()),
          null);
      return;
    }
    UUID pool = Uuids.fromByteString(r.getPoolUuid());
    if (r.getRebuildOp() == RB_OP_FAIL_RECLAIM && r.getFailedVer() != 0) {
      // The failed rebuild may never have started here (its scan failed on the way) while other engines' pulls of
      // it are still under way: they must not start it now, after its clean-up.
      left(pool, r.getFailedVer(), r.getFailedGen(), r.getMasterRank());
    }
    LocalRebuild local = local(pool, r.getLeaderTerm(), r.getRebuildVer(), r.getRebuildGen(), r.getRebuildOp(),
        r.getMasterRank(), true);
    if (local == null) {
      int st = DaosStatus.STALE.code();
      LOG.info("{}: scan of pool {} version {} from rank {} refused: its leader term {} is older than the "
          + "rebuild's here", name, pool, r.getRebuildVer(), r.getMasterRank(), r.getLeaderTerm());
      reply.reply(st, 0, Unpooled.wrappedBuffer(RebuildScanReply.newBuilder().setStatus(st).build().toByteArray()),
          null);
      return;
    }
    // rebuild_tgt_prepare: this engine takes the rebuild's map before it scans (the service's push may not have
    // arrived yet), so that from now on it answers DER_STALE to clients still writing on the old layout, whose
    // writes would miss the shards' new homes after the scan.
    pools.find(pool).ifPresent(p -> {
      if (r.hasNewMap() && p.installMap(r.getNewMap())) {
        LOG.info("{}: pool {} map version {} installed for the rebuild", name, pool, r.getNewMap().getVersion());
      }
    });
    rebuildHandles.put(pool, r.getContHdl());
    reply.ok(0, RebuildScanReply.newBuilder().build().toByteArray());
    startReporter(local);
    int me = myRank.getAsInt();
    CompletableFuture<?> work;
    try {
      work = r.getRebuildOp() == RB_OP_RECLAIM ? scanner.reclaim(r, me)
          : r.getRebuildOp() == RB_OP_FAIL_RECLAIM ? scanner.failReclaim(r, me)
          : scanHold(local).thenCompose(v -> scanner.scan(r, me, local));
    } catch (DaosException e) {
      work = CompletableFuture.failedFuture(e);
    }
    work.whenComplete((s, e) -> {
      if (e != null) {
        Throwable c = Futures.cause(e);
        LOG.warn("{}: rebuild of pool {} version {} failed here: {}", name, pool, r.getRebuildVer(), c.toString());
        local.status = RebuildTracker.code(c);
      }
      local.scanDone = true;
      report(local);
    });
  }

  /**
   * DAOS_REBUILD_TGT_SCAN_HANG ({@code rebuild_scanner}): completes once the point is no longer armed on
   * REBUILD_OBJECTS_SCAN, checking every {@link #SCAN_HANG_CHECK}; meanwhile the reporter tells the leader the scan
   * is not done, so the leader waits rather than failing a silent engine. Fails with DER_OP_CANCELED when the
   * rebuild is aborted (superseded, or over at its leader) while held.
   */
  private CompletableFuture<Void> scanHold(LocalRebuild local) {
    CompletableFuture<Void> go = new CompletableFuture<>();
    if (faults.check(FaultInjection.Point.DAOS_REBUILD_TGT_SCAN_HANG, RebuildRpc.OBJECTS_SCAN)) {
      LOG.info("{}: DAOS_REBUILD_TGT_SCAN_HANG holds the scan of pool {} version {} gen {} until it is disarmed",
          name, local.pool, local.version, local.gen);
      ticker.after(SCAN_HANG_CHECK).execute(() -> scanHeld(local, go));
    } else {
      go.complete(null);
    }
    return go;
  }

  private void scanHeld(LocalRebuild local, CompletableFuture<Void> go) {
    if (local.aborted) {
      go.completeExceptionally(new DaosException(DaosStatus.OP_CANCELED, "rebuild of pool " + local.pool
          + " version " + local.version + " was stopped while its scan was held"));
    } else if (faults.check(FaultInjection.Point.DAOS_REBUILD_TGT_SCAN_HANG, RebuildRpc.OBJECTS_SCAN)) {
      ticker.after(SCAN_HANG_CHECK).execute(() -> scanHeld(local, go));
    } else {
      LOG.info("{}: the scan of pool {} version {} gen {} goes on (DAOS_REBUILD_TGT_SCAN_HANG disarmed)", name,
          local.pool, local.version, local.gen);
      go.complete(null);
    }
  }

  /**
   * This engine's part of a rebuild: the current one if it is that rebuild, else a new one replacing (aborting) it.
   * Null, refusing the request, when the current one was started in a newer leader term (the request comes from a
   * former leader), or, for a pull (MIGRATE, not {@code fromLeader}), when the current one is newer (a later map
   * version, or a later generation from the same leader): a pull of a superseded attempt arriving late must not
   * abort the attempt that replaced it.
   */
  private LocalRebuild local(UUID pool, long term, int version, int gen, int op, int master, boolean fromLeader) {
    LocalRebuild[] out = {null};
    locals.compute(pool, (k, cur) -> {
      if (cur != null && cur.same(term, version, gen, op, master)) {
        out[0] = cur;
        return cur;
      }
      if (cur != null && (term < cur.term || !fromLeader && cur.newerThan(version, gen, master))) {
        return cur;
      }
      if (cur != null) {
        cur.aborted = true;
        if (cur.op == RB_OP_REBUILD) {
          left(pool, cur.version, cur.gen, cur.master);
        }
      }
      out[0] = new LocalRebuild(pool, term, version, gen, op, master);
      return out[0];
    });
    return out[0];
  }

  /** Records that this engine has left rebuild (version, gen) of {@code master}: its late MIGRATEs are refused. */
  private void left(UUID pool, int version, int gen, int master) {
    java.util.Deque<String> d = replaced.computeIfAbsent(pool, p -> new java.util.concurrent.ConcurrentLinkedDeque<>());
    String id = version + "/" + gen + "/" + master;
    if (!d.contains(id)) {
      d.add(id);
    }
    while (d.size() > 16) {
      d.poll();
    }
  }

  /**
   * Whether {@code st} is a rebuild the administrator stopped (DRS_NOT_STARTED with -DER_OP_CANCELED), as opposed to
   * one that failed (DRS_COMPLETED with an engine's error, which may be DER_OP_CANCELED too).
   */
  public static boolean stoppedByAdministrator(RebuildStatus st) {
    return st.getState() == RebuildTracker.DRS_NOT_STARTED
        && Math.abs(st.getErrno()) == Math.abs(DaosStatus.OP_CANCELED.code());
  }

  /** Reports every interval while this engine scans or pulls for {@code local}. */
  private void startReporter(LocalRebuild local) {
    if (!local.reporting.compareAndSet(false, true)) {
      return;
    }
    ticker.after(reportInterval).execute(() -> {
      boolean current = locals.get(local.pool) == local;
      if (!current || local.reported()) {
        local.reporting.set(false);
        if (current && !local.reported()) {
          startReporter(local);
        }
        return;
      }
      report(local).whenComplete((v, e) -> {
        local.reporting.set(false);
        startReporter(local);
      });
    });
  }

  /**
   * Sends {@code local}'s progress to its leader; completes (normally) once answered or failed. An aborted rebuild
   * (replaced by a newer one, or over at the leader) reports nothing more: its pulls failing with DER_OP_CANCELED
   * are not a failure of the rebuild that replaced it.
   */
  private CompletableFuture<Void> report(LocalRebuild local) {
    if (local.aborted) {
      return CompletableFuture.completedFuture(null);
    }
    boolean over = local.idle();
    if (over) {
      local.overReports.incrementAndGet();
    }
    RebuildReport rep = RebuildReport.newBuilder().setPoolUuid(Uuids.toByteString(local.pool))
        .setRebuildVer(local.version).setRebuildGen(local.gen).setRebuildOp(local.op).setRank(myRank.getAsInt())
        .setSeq(local.seq.incrementAndGet()).setStatus(local.status).setScanDone(local.scanDone)
        .setPullDone(local.pulling.get() == 0).setToberbObjNr(local.toberb.get()).setObjNr(local.objs.get())
        .setRecNr(local.recs.get()).setSize(local.bytes.get()).build();
    String uri = rankUri.apply(local.master).orElse(null);
    if (uri == null) {
      LOG.warn("{}: no address for rebuild leader rank {}; report dropped", name, local.master);
      return CompletableFuture.completedFuture(null);
    }
    return client.callWrapped(uri, RebuildRpc.REPORT, 0, rep.getRebuildVer(), rep.toByteArray(), null, rpcTimeout)
        .handle((reply, e) -> {
          if (reply != null) {
            try (reply) {
              if (reply.status() == 0) {
                local.overHeard = over;
              }
              if (reply.status() == 0
                  && RebuildReportReply.parseFrom(reply.bodyBytes()).getStatus() == DaosStatus.OP_CANCELED.code()) {
                if (!local.aborted) {
                  LOG.info("{}: rebuild of pool {} version {} is over at the leader; aborting here", name,
                      local.pool, local.version);
                }
                local.aborted = true;
              }
            } catch (InvalidProtocolBufferException x) {
              LOG.debug("{}: malformed rebuild report reply", name);
            }
          }
          if (e != null) {
            LOG.warn("{}: rebuild report to rank {} failed: {}", name, local.master, Futures.cause(e).toString());
          }
          return null;
        });
  }

  private void onReport(CartRequest req, CartReplier reply) {
    try {
      RebuildReport r = RebuildReport.parseFrom(req.body().nioBuffer());
      UUID pool = Uuids.required(r.getPoolUuid(), "pool");
      RebuildTracker tr = led.get(pool);
      boolean mine = tr != null && tr.version == r.getRebuildVer() && tr.gen == r.getRebuildGen()
          && tr.rbOp == r.getRebuildOp();
      if (mine && tr.report(r)) {
        finish(tr);
      }
      boolean cancel = !mine || (!tr.running() && !tr.succeeded());
      reply.ok(0, RebuildReportReply.newBuilder().setStatus(cancel ? DaosStatus.OP_CANCELED.code() : 0).build()
          .toByteArray());
    } catch (InvalidProtocolBufferException | DaosException e) {
      reply.reply(DaosStatus.PROTO.code(), 0, null, null);
    }
  }

  private void onMigrate(CartRequest req, CartReplier reply) {
    ObjMigrateReq r;
    try {
      r = ObjMigrateReq.parseFrom(req.body().nioBuffer());
      Uuids.required(r.getPoolUuid(), "pool");
    } catch (InvalidProtocolBufferException | DaosException e) {
      migrateReply(reply, DaosStatus.PROTO.code(), Counts.ZERO);
      return;
    }
    UUID poolId = Uuids.fromByteString(r.getPoolUuid());
    java.util.Deque<String> gone = replaced.get(poolId);
    if (gone != null && gone.contains(r.getRebuildVer() + "/" + r.getGeneration() + "/" + r.getMasterRank())) {
      // A late request of a rebuild this engine has left (stopped, failed or superseded): not restarted here, so
      // that it cannot write after the fail-reclaim that cleans up after it. DER_STALE: a failure the leader
      // retries (never taken for an administrator's stop, nor a reason to revert the map).
      migrateReply(reply, DaosStatus.STALE.code(), Counts.ZERO);
      return;
    }
    LocalRebuild local = local(poolId, r.getLeaderTerm(), r.getRebuildVer(), r.getGeneration(), RB_OP_REBUILD,
        r.getMasterRank(), false);
    if (local == null) {
      LOG.info("{}: {} objects sent for the rebuild of version {} led by rank {} in term {} refused: a rebuild of a "
          + "newer leader term or attempt runs here (DER_STALE: retried, never taken for a stop)", name,
          r.getObjsCount(), r.getRebuildVer(), r.getMasterRank(), r.getLeaderTerm());
      migrateReply(reply, DaosStatus.STALE.code(), Counts.ZERO);
      return;
    }
    local.pulling.incrementAndGet();
    startReporter(local);
    CompletableFuture<Counts> pulled;
    try {
      pulled = puller.pull(r, local);
    } catch (DaosException e) {
      pulled = CompletableFuture.failedFuture(e);
    }
    pulled.whenComplete((c, e) -> {
      local.pulling.decrementAndGet();
      // The leader hears the pulled counts before the sender hears the pull is done.
      report(local).whenComplete((v, x) -> {
        if (e != null) {
          Throwable cause = Futures.cause(e);
          LOG.warn("{}: pulling {} objects for rebuild failed: {}", name, r.getObjsCount(), cause.toString());
          migrateReply(reply, RebuildTracker.code(cause), Counts.ZERO);
        } else {
          migrateReply(reply, 0, c);
        }
      });
    });
  }

  private static void migrateReply(CartReplier reply, int st, Counts c) {
    reply.reply(st, 0, Unpooled.wrappedBuffer(ObjMigrateReply.newBuilder().setStatus(st).setObjNr(c.objs())
        .setRecNr(c.recs()).setSize(c.bytes()).build().toByteArray()), null);
  }

  /**
   * Deletes every object shard of local target {@code tgt} of {@code pool}, on that target's thread; completes with
   * the number deleted. What POOL_TGT_DISCARD does on each target it names.
   */
  public CompletableFuture<Long> discard(UUID pool, int tgt) {
    return scanner.discard(pool, tgt, discarded);
  }

  /**
   * Who hears, on the target's thread, that a target of a pool was emptied by a discard (the DTX service, which
   * drops what it holds in memory for it).
   */
  public void discarded(java.util.function.BiConsumer<UUID, Integer> hook) {
    this.discarded = hook;
  }

  /** POOL_TGT_DISCARD: deletes every object shard of the listed local targets, each on its own thread. */
  private void onDiscard(CartRequest req, CartReplier reply) {
    PoolTgtDiscardReq r;
    UUID pool;
    try {
      r = PoolTgtDiscardReq.parseFrom(req.body().nioBuffer());
      pool = Uuids.required(r.getPoolUuid(), "pool");
    } catch (InvalidProtocolBufferException | DaosException e) {
      reply.reply(DaosStatus.PROTO.code(), 0, null, null);
      return;
    }
    int me = myRank.getAsInt();
    List<CompletableFuture<Long>> each = new ArrayList<>();
    for (TgtAddr a : r.getAddrsList()) {
      if (a.getRank() == me) {
        each.add(discard(pool, a.getTgt()));
      }
    }
    CompletableFuture.allOf(each.toArray(new CompletableFuture<?>[0])).whenComplete((v, e) -> {
      int st = e != null ? RebuildTracker.code(Futures.cause(e)) : 0;
      long n = e != null ? 0 : each.stream().mapToLong(CompletableFuture::join).sum();
      reply.reply(st, 0, Unpooled.wrappedBuffer(PoolTgtDiscardReply.newBuilder().setStatus(st).setObjNr(n).build()
          .toByteArray()), null);
    });
  }

  /** DAOS_OBJ_RPC_ENUMERATE for a rebuild pull: runs on the replica's target thread (the frame's target). */
  private void onEnumerate(CartRequest req, CartReplier reply) {
    int st;
    try {
      ObjHistoryReq r = ObjHistoryReq.parseFrom(req.body().nioBuffer());
      UUID pool = Uuids.required(r.getPoolUuid(), "pool");
      UUID cont = Uuids.required(r.getContUuid(), "container");
      ByteString hdl = rebuildHandles.get(pool);
      if (hdl == null || !hdl.equals(r.getContHdl())) {
        throw new DaosException(DaosStatus.NO_HDL, "container handle is not the rebuild handle of pool " + pool
            + "; DAOS_OBJ_RPC_ENUMERATE of a whole object is for rebuild only");
      }
      EnginePool ep = pools.get(pool);
      if (ep == null) {
        throw new DaosException(DaosStatus.NONEXIST, "pool " + pool + " has no targets on this engine");
      }
      VosContainer vc = ep.existingContainer(req.target(), cont);
      if (vc == null) {
        // Destroyed since the scan (or never here): the puller skips the object, as DAOS's does.
        throw new DaosException(DaosStatus.CONT_NONEXIST, "container " + cont + " of pool " + pool
            + " does not exist on target " + req.target() + " (destroyed during the rebuild?)");
      }
      EnumPage<VersionRecord> page = vc.history(
          new VosObjectId(r.getOidHi(), r.getOidLo(), r.getShard()), Anchor.fromBytes(r.getAnchor().toByteArray()),
          Math.max(1, r.getMaxBytes()));
      ObjHistoryReply.Builder b = ObjHistoryReply.newBuilder()
          .setAnchor(ByteString.copyFrom(page.anchor().toBytes()));
      b.addAllRecords(HistoryCodec.encode(page.items()));
      reply.ok(0, b.build().toByteArray());
      return;
    } catch (InvalidProtocolBufferException e) {
      st = DaosStatus.PROTO.code();
    } catch (DaosException e) {
      LOG.debug("{}: rebuild enumeration failed: {}", name, e.getMessage());
      st = e.status().code();
    }
    reply.reply(st, 0, Unpooled.wrappedBuffer(ObjHistoryReply.newBuilder().setStatus(st).build().toByteArray()),
        null);
  }
}
