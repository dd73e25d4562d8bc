package io.daos.engine.rebuild.sched;

import io.daos.common.Ticker;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.map.PoolMapChanges;
import io.daos.engine.pool.map.PoolMapUpdate;
import io.daos.engine.pool.map.PoolMapUpdate.TargetAddr;
import io.daos.engine.pool.map.SysSelfHeal;
import io.daos.engine.pool.svc.PoolProps;
import io.daos.engine.pool.svc.PoolService;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.engine.rebuild.RebuildOp;
import io.daos.engine.rebuild.Rebuilds;
import io.daos.placement.MapOp;
import io.daos.placement.TargetState;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolMapTarget;
import io.daos.proto.pool.RebuildStatus;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool service leader's rebuild scheduling (DAOS {@code pool_svc_update_map → ds_rebuild_schedule},
 * {@code rebuild_task_ult}, {@code rebuild_task_complete_schedule}). Every committed map change of an exclude, drain,
 * reintegration or extension ({@link PoolMapChanges.ChangeListener}) becomes a rebuild task of the pool; an
 * automatic (SWIM) exclusion only when the system property {@code self_heal} has {@code pool_rebuild} and the pool's
 * {@code self_heal} has AUTO_REBUILD (or DELAY_REBUILD: then the task waits for the next map change of the pool, as
 * DAOS schedules it with an infinite delay); the administrator's changes always. Tasks of a pool run one at a time
 * in order; a new task of the op of the running one merges into it (the running rebuild is superseded by one from
 * the running task's old map to the newest map, covering both changes).
 *
 * <p>A successful rebuild runs the finish step through {@link PoolMapChanges} (DOWN/DRAIN targets of the rebuilt
 * map → DOWNOUT with EXCLUDE_OUT, UP ones → UPIN with ADD_IN; pushed to the engines), then RB_OP_RECLAIM with the
 * final map ({@link Rebuilds#reclaim}), then the next task.
 * <p>A failed or stopped rebuild goes {@code rebuild_task_complete_schedule}'s failure way: unless it was stopped or
 * its error is retryable ({@link #retryable}), the map is reverted first ({@link MapOp#REVERT_REBUILD} of its
 * DRAIN and UP targets: DRAIN → UPIN, UP → DOWN/DOWNOUT, an extension's UP → NEW; DOWN stays); then
 * RB_OP_FAIL_RECLAIM ({@link Rebuilds#failReclaim}) deletes what it pulled, on UPIN and DRAIN targets, and on the UP
 * ones after a stop (they keep their state, and the restart does no discard). A fail-reclaim that fails is run
 * again. After it: a stopped task ends with pool query showing DRS_NOT_STARTED / -DER_OP_CANCELED ("stopped") and
 * waits for {@code dmg pool rebuild start} or the next map change; a task whose targets were reverted has nothing
 * left (pool query keeps the failed rebuild's DRS_COMPLETED and rs_errno); otherwise (an exclusion, or a retryable
 * error) it is retried from its old map to the service's current map up to {@code maxRetries} times, waiting
 * {@code retryDelay × 2^(attempt-1)} (DAOS reschedules failed tasks 5 s later), and after that left with its
 * targets as they are. {@link #check} (periodic, and on
 * leadership) regenerates a task for a map with unfinished DOWN/DRAIN/UP targets and nothing scheduled, as a new
 * leader does ({@code ds_rebuild_regenerate_task}).
 */
public final class RebuildScheduler implements PoolMapChanges.ChangeListener {
  private static final Logger LOG = LoggerFactory.getLogger(RebuildScheduler.class);
  /** DRS_NOT_STARTED of {@code daos_rebuild_status}: pool query shows a stopped rebuild so. */
  static final int DRS_NOT_STARTED = 1;
  /** DAOS_SELF_HEAL_DELAY_REBUILD. */
  public static final long SELF_HEAL_DELAY_REBUILD = 1L << 2;
  /** DAOS's delay before rescheduling a failed task. */
  public static final Duration RETRY_DELAY = Duration.ofSeconds(5);
  /** Retries of a failed rebuild before it is left failed. */
  public static final int MAX_RETRIES = 5;

  private final String name;
  private final PoolServices services;
  private final PoolMapChanges changes;
  private final Supplier<Rebuilds> rebuilds;
  private final SysSelfHeal sysSelfHeal;
  private final Ticker ticker;
  private final Duration retryDelay;
  private final int maxRetries;
  private final boolean disabled;
  private final Map<UUID, PoolTasks> pools = new ConcurrentHashMap<>();

  /** A pool's tasks: the running one (rebuild, finish or reclaim) and those waiting. */
  private static final class PoolTasks {
    RebuildTask running;
    final Deque<RebuildTask> queue = new ArrayDeque<>();
    /** Exclusions waiting for another map change (DELAY_REBUILD). */
    final Deque<RebuildTask> delayed = new ArrayDeque<>();
    /** The map version of the last task left failed or stopped (not regenerated while the map stays there). */
    int parkedVersion = -1;
  }

  public RebuildScheduler(String name, PoolServices services, PoolMapChanges changes, Supplier<Rebuilds> rebuilds,
      SysSelfHeal sysSelfHeal, Ticker ticker, boolean disabled) {
    this(name, services, changes, rebuilds, sysSelfHeal, ticker, RETRY_DELAY, MAX_RETRIES, disabled);
  }

  /**
   * {@code disabled} (DAOS_REBUILD=no): no map change schedules a rebuild and nothing is regenerated; the rebuild
   * commands of dmg still act on a rebuild started otherwise.
   */
  public RebuildScheduler(String name, PoolServices services, PoolMapChanges changes, Supplier<Rebuilds> rebuilds,
      SysSelfHeal sysSelfHeal, Ticker ticker, Duration retryDelay, int maxRetries, boolean disabled) {
    this.disabled = disabled;
    this.name = name;
    this.services = services;
    this.changes = changes;
    this.rebuilds = rebuilds;
    this.sysSelfHeal = sysSelfHeal;
    this.ticker = ticker;
    this.retryDelay = retryDelay;
    this.maxRetries = maxRetries;
  }

  /** Registers with {@code changes} for every committed map change. */
  public RebuildScheduler registerOn(PoolMapChanges c) {
    c.onChange(this);
    return this;
  }

  @Override
  public void changed(PoolService svc, MapOp op, PoolMapChanges.Source src, PoolMap before, PoolMap after) {
    RebuildOp rop = switch (op) {
      case EXCLUDE -> RebuildOp.EXCLUDE;
      case DRAIN -> RebuildOp.DRAIN;
      case REINT -> RebuildOp.REINT;
      case EXTEND -> RebuildOp.EXTEND;
      default -> null;
    };
    if (rop == null || disabled) {
      return;
    }
    boolean delay = false;
    if (src == PoolMapChanges.Source.SWIM) {
      long poolHeal = svc.selfHeal();
      long sys;
      try {
        sys = sysSelfHeal.policy();
      } catch (DaosException e) {
        LOG.warn("{}: pool {}: no rebuild after the automatic exclusion: {}", name, svc.poolUuid(), e.getMessage());
        return;
      }
      if ((sys & SysSelfHeal.POOL_REBUILD) == 0
          || (poolHeal & (PoolProps.SELF_HEAL_AUTO_REBUILD | SELF_HEAL_DELAY_REBUILD)) == 0) {
        LOG.info("{}: pool {}: map version {} excluded targets; no rebuild (self_heal: system {}, pool {})", name,
            svc.poolUuid(), after.getVersion(), sys, poolHeal);
        return;
      }
      delay = (poolHeal & SELF_HEAL_DELAY_REBUILD) != 0;
    }
    schedule(svc, new RebuildTask(svc.poolUuid(), rop, before, after), delay);
  }

  /** Queues {@code t} (merging it into the running or a waiting task of its op) and starts what can start. */
  private void schedule(PoolService svc, RebuildTask t, boolean delay) {
    PoolTasks pt = pools.computeIfAbsent(t.pool, p -> new PoolTasks());
    RebuildTask start = null;
    synchronized (pt) {
      pt.parkedVersion = -1;
      if (delay) {
        LOG.info("{}: pool {}: rebuild task {} delayed until the next map change (DELAY_REBUILD)", name, t.pool, t);
        pt.delayed.add(t);
        return;
      }
      while (!pt.delayed.isEmpty()) {
        pt.queue.add(pt.delayed.poll());
      }
      RebuildTask cur = pt.running;
      if (cur != null && cur.op == t.op && !cur.superseded && cur.rebuilding) {
        RebuildTask merged = new RebuildTask(t.pool, t.op, cur.oldMap, t.newMap);
        cur.superseded = true;
        pt.running = merged;
        start = merged;
        LOG.info("{}: pool {}: rebuild task {} merged into the running one: now {}", name, t.pool, t, merged);
      } else if (!mergeQueued(pt, t)) {
        pt.queue.add(t);
        LOG.info("{}: pool {}: rebuild task {} queued", name, t.pool, t);
      }
      if (start == null && pt.running == null) {
        start = pt.queue.poll();
        pt.running = start;
      }
    }
    if (start != null) {
      run(svc, start);
    }
  }

  private static boolean mergeQueued(PoolTasks pt, RebuildTask t) {
    RebuildTask last = pt.queue.peekLast();
    if (last != null && last.op == t.op) {
      last.newMap = t.newMap;
      return true;
    }
    return false;
  }

  /** Starts the rebuild of {@code t} from its old map to the newest map it covers. */
  private void run(PoolService svc, RebuildTask t) {
    Rebuilds rb = rebuilds.get();
    if (rb == null) {
      return;
    }
    PoolMap newMap = t.newMap;
    try {
      PoolMap cur = svc.map();
      int pending = TargetState.DOWN.bit() | TargetState.DRAIN.bit() | TargetState.UP.bit();
      if (cur.getVersion() > newMap.getVersion() && still(newMap, cur, pending).isEmpty()) {
        LOG.info("{}: pool {}: rebuild task {} has nothing left (map version {})", name, t.pool, t,
            cur.getVersion());
        drop(t);
        next(svc, t.pool);
        return;
      }
      if (cur.getVersion() > newMap.getVersion() && t.attempt > 0) {
        newMap = cur;
      }
    } catch (DaosException e) {
      LOG.info("{}: pool {}: not starting rebuild task {}: {}", name, t.pool, t, e.getMessage());
      drop(t);
      return;
    }
    t.rebuilding = true;
    LOG.info("{}: pool {}: rebuild task {} starts (map version {})", name, t.pool, t, newMap.getVersion());
    CompletableFuture<RebuildStatus> f;
    try {
      f = rb.start(t.pool, t.op, before(t.oldMap, newMap), newMap);
    } catch (DaosException e) {
      LOG.warn("{}: pool {}: rebuild task {} cannot start: {}", name, t.pool, t, e.getMessage());
      drop(t);
      next(svc, t.pool);
      return;
    }
    PoolMap rebuilt = newMap;
    f.whenComplete((st, e) -> rebuilt(svc, t, rebuilt, st, e));
  }

  private void rebuilt(PoolService svc, RebuildTask t, PoolMap rebuilt, RebuildStatus st, Throwable e) {
    if (t.superseded) {
      return;
    }
    t.rebuilding = false;
    int errno = e != null ? -DaosStatus.MISC.code() : st.getErrno();
    if (errno == 0) {
      onService(svc, t, () -> finish(svc, t, rebuilt));
      return;
    }
    // Stopped by the administrator (DRS_NOT_STARTED, -DER_OP_CANCELED); an engine's DER_OP_CANCELED is a failure.
    boolean adminStop = e == null && Rebuilds.stoppedByAdministrator(st);
    onService(svc, t, () -> failed(svc, t, rebuilt, errno, adminStop));
  }

  /**
   * DAOS {@code daos_crt_network_error} or -DER_TIMEDOUT, -DER_GRPVER, -DER_STALE, -DER_VOS_PARTIAL_UPDATE
   * ({@code rebuild_retryable_err}): a rebuild failing so is retried without reverting the map.
   */
  public static boolean retryable(int errno) {
    int e = -Math.abs(errno);
    for (DaosStatus s : new DaosStatus[] {DaosStatus.HG, DaosStatus.UNREACH, DaosStatus.CANCELED,
        DaosStatus.NOREPLY, DaosStatus.OOG, DaosStatus.TIMEDOUT, DaosStatus.GRPVER, DaosStatus.STALE,
        DaosStatus.VOS_PARTIAL_UPDATE}) {
      if (e == -Math.abs(s.code())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The targets a failed rebuild of {@code rebuilt} reverts ({@code ds_pool_tgt_revert_rebuild} of the task's
   * targets): its DRAIN and UP targets still so in {@code cur}. DOWN targets cannot be reverted.
   */
  public static List<TargetAddr> revertible(PoolMap rebuilt, PoolMap cur) {
    return still(rebuilt, cur, TargetState.DRAIN.bit() | TargetState.UP.bit());
  }

  /** The failure way of {@code rebuild_task_complete_schedule}: revert (if it applies), then RB_OP_FAIL_RECLAIM. */
  private void failed(PoolService svc, RebuildTask t, PoolMap rebuilt, int errno, boolean adminStop) {
    if (t.superseded) {
      return;
    }
    t.stopAdmin |= adminStop;
    if (!t.stopAdmin && !retryable(errno)) {
      try {
        List<TargetAddr> back = revertible(rebuilt, svc.map());
        if (!back.isEmpty()) {
          PoolMap m = changes.update(svc, MapOp.REVERT_REBUILD, back, false, PoolMapChanges.Source.DMG);
          LOG.warn("{}: pool {}: rebuild task {} failed ({}); targets {} reverted: map version {}", name, t.pool, t,
              errno, back, m.getVersion());
        }
      } catch (DaosException x) {
        LOG.error("{}: pool {}: reverting the targets of failed rebuild task {} failed: {}", name, t.pool, t,
            x.getMessage());
      }
    }
    failReclaim(svc, t, rebuilt, errno);
  }

  private void failReclaim(PoolService svc, RebuildTask t, PoolMap rebuilt, int errno) {
    CompletableFuture<RebuildStatus> f;
    try {
      f = rebuilds.get().failReclaim(t.pool, before(t.oldMap, rebuilt), svc.map(), t.stopAdmin);
    } catch (DaosException x) {
      LOG.warn("{}: pool {}: no fail-reclaim after rebuild task {}: {}", name, t.pool, t, x.getMessage());
      afterFailReclaim(svc, t, rebuilt, errno);
      return;
    }
    t.failReclaiming = true;
    f.whenComplete((st, x) -> onService(svc, t, () -> failReclaimed(svc, t, rebuilt, errno, st, x)));
  }

  private void failReclaimed(PoolService svc, RebuildTask t, PoolMap rebuilt, int errno, RebuildStatus st,
      Throwable x) {
    t.failReclaiming = false;
    if (t.superseded) {
      return;
    }
    int fe = x != null ? DaosStatus.MISC.code() : st.getErrno();
    if (fe != 0) {
      t.failReclaimFailures++;
      boolean forced = t.stopAdmin && Math.abs(fe) == Math.abs(DaosStatus.OP_CANCELED.code());
      if (!forced && t.failReclaimFailures <= maxRetries) {
        Duration d = retryDelay.multipliedBy(1L << Math.min(10, t.failReclaimFailures - 1));
        LOG.warn("{}: pool {}: fail-reclaim after rebuild task {} failed ({}); again in {}", name, t.pool, t, fe, d);
        ticker.after(d).execute(() -> {
          if (!t.superseded && isLeader(svc)) {
            onService(svc, t, () -> failReclaim(svc, t, rebuilt, errno));
          } else {
            drop(t);
          }
        });
        return;
      }
      LOG.error("{}: pool {}: fail-reclaim after rebuild task {} {} ({} failures)", name, t.pool, t,
          forced ? "stopped by the administrator" : "failed for good", t.failReclaimFailures);
    }
    afterFailReclaim(svc, t, rebuilt, errno);
  }

  /** After the fail-reclaim: stopped → "stopped" and parked; reverted → nothing left; else the retry. */
  private void afterFailReclaim(PoolService svc, RebuildTask t, PoolMap rebuilt, int errno) {
    if (t.stopAdmin) {
      rebuilds.get().completedUpdate(t.pool, DRS_NOT_STARTED, DaosStatus.OP_CANCELED.code());
      LOG.info("{}: pool {}: rebuild task {} stopped by the administrator; waiting for dmg pool rebuild start",
          name, t.pool, t);
      park(svc, t, svc.map().getVersion());
      next(svc, t.pool);
      return;
    }
    int pending = TargetState.DOWN.bit() | TargetState.DRAIN.bit() | TargetState.UP.bit();
    if (still(rebuilt, svc.map(), pending).isEmpty()) {
      LOG.warn("{}: pool {}: rebuild task {} failed ({}); its targets were reverted, nothing to retry", name,
          t.pool, t, errno);
      drop(t);
      next(svc, t.pool);
      return;
    }
    if (t.attempt < maxRetries) {
      t.attempt++;
      Duration d = retryDelay.multipliedBy(1L << Math.min(10, t.attempt - 1));
      LOG.warn("{}: pool {}: rebuild task {} failed ({}); retrying in {}", name, t.pool, t, errno, d);
      ticker.after(d).execute(() -> {
        if (!t.superseded && isLeader(svc)) {
          onService(svc, t, () -> run(svc, t));
        } else {
          drop(t);
        }
      });
      return;
    }
    LOG.error("{}: pool {}: rebuild task {} failed ({}) after {} retries; its targets keep their states", name,
        t.pool, t, errno, t.attempt);
    park(svc, t, rebuilt.getVersion());
    next(svc, t.pool);
  }

  /**
   * The finish step ({@code ds_pool_tgt_finish_rebuild}): the targets the rebuilt map has DOWN or DRAIN go DOWNOUT,
   * its UP ones UPIN; then the reclaim with the final map.
   */
  private void finish(PoolService svc, RebuildTask t, PoolMap rebuilt) {
    if (t.superseded) {
      return;
    }
    PoolMap fin;
    try {
      PoolMap cur = svc.map();
      List<TargetAddr> out = still(rebuilt, cur, TargetState.DOWN.bit() | TargetState.DRAIN.bit());
      List<TargetAddr> in = still(rebuilt, cur, TargetState.UP.bit());
      fin = cur;
      if (!out.isEmpty()) {
        fin = changes.update(svc, MapOp.EXCLUDE_OUT, out, false, PoolMapChanges.Source.DMG);
      }
      if (!in.isEmpty()) {
        fin = changes.update(svc, MapOp.ADD_IN, in, false, PoolMapChanges.Source.DMG);
      }
      LOG.info("{}: pool {}: rebuild task {} done; finish step: {} out, {} in, map version {}", name, t.pool, t,
          out, in, fin.getVersion());
    } catch (DaosException e) {
      LOG.warn("{}: pool {}: finish step of rebuild task {} failed: {}", name, t.pool, t, e.getMessage());
      drop(t);
      return;
    }
    reclaim(svc, t, fin, 0);
  }

  /**
   * RB_OP_RECLAIM with {@code finalMap} (attempt {@code attempt}); a failed reclaim is run again after the retry
   * delay, up to {@code maxRetries} times, as DAOS reschedules a failed reclaim (an engine failing during the reclaim
   * would otherwise leave the copies it was to delete behind). Tasks queued meanwhile (a later failure's rebuild)
   * wait: the reclaim deletes by {@code finalMap}, which must not run after a later rebuild moved shards.
   */
  private void reclaim(PoolService svc, RebuildTask t, PoolMap finalMap, int attempt) {
    if (t.superseded) {
      return;
    }
    CompletableFuture<RebuildStatus> pass;
    try {
      pass = rebuilds.get().reclaim(t.pool, finalMap, svc.map());
    } catch (DaosException e) {
      LOG.warn("{}: pool {}: no reclaim after rebuild task {}: {}", name, t.pool, t, e.getMessage());
      next(svc, t.pool, t);
      return;
    }
    pass.whenComplete((st, e) -> {
      if (e == null && st.getErrno() == 0) {
        next(svc, t.pool, t);
        return;
      }
      String why = e != null ? e.toString() : DaosStatus.fromCode(st.getErrno()).symbol();
      boolean stopped = e == null && Rebuilds.stoppedByAdministrator(st);
      if (stopped || attempt >= maxRetries || t.superseded) {
        LOG.warn("{}: pool {}: reclaim after rebuild task {} failed ({}) after {} retries; copies it was to delete "
            + "may be left", name, t.pool, t, why, attempt);
        next(svc, t.pool, t);
        return;
      }
      Duration d = retryDelay.multipliedBy(1L << Math.min(10, attempt));
      LOG.warn("{}: pool {}: reclaim after rebuild task {} failed ({}); retrying in {}", name, t.pool, t, why, d);
      ticker.after(d).execute(() -> {
        if (!t.superseded && isLeader(svc)) {
          onService(svc, t, () -> reclaim(svc, t, finalMap, attempt + 1));
        } else {
          // As DAOS (RB-09: retry state is in memory only), a new leader regenerates rebuilds, not reclaims.
          LOG.warn("{}: pool {}: no longer the pool service leader; the reclaim after rebuild task {} is not "
              + "retried, copies it was to delete may be left", name, t.pool, t);
          drop(t);
        }
      });
    });
  }

  /** The targets in any of {@code states} in {@code rebuilt} that still are in that state in {@code cur}. */
  private static List<TargetAddr> still(PoolMap rebuilt, PoolMap cur, int states) {
    List<TargetAddr> then = PoolMapUpdate.targetsIn(rebuilt, states);
    List<TargetAddr> now = PoolMapUpdate.targetsIn(cur, states);
    return then.stream().filter(now::contains).toList();
  }

  private void next(PoolService svc, UUID pool, RebuildTask done) {
    PoolTasks pt = pools.get(pool);
    if (pt == null) {
      return;
    }
    synchronized (pt) {
      if (pt.running != done) {
        return;
      }
      pt.running = null;
    }
    next(svc, pool);
  }

  private void next(PoolService svc, UUID pool) {
    PoolTasks pt = pools.get(pool);
    RebuildTask t;
    synchronized (pt) {
      if (pt.running != null) {
        return;
      }
      t = pt.queue.poll();
      pt.running = t;
    }
    if (t != null) {
      onService(svc, t, () -> run(svc, t));
    }
  }

  private void park(PoolService svc, RebuildTask t, int version) {
    PoolTasks pt = pools.get(t.pool);
    synchronized (pt) {
      if (pt.running == t) {
        pt.running = null;
      }
      pt.parkedVersion = version;
    }
  }

  private void drop(RebuildTask t) {
    PoolTasks pt = pools.get(t.pool);
    if (pt != null) {
      synchronized (pt) {
        if (pt.running == t) {
          pt.running = null;
        }
      }
    }
  }

  private void onService(PoolService svc, RebuildTask t, Runnable r) {
    try {
      svc.executor().execute(r);
    } catch (RejectedExecutionException stopped) {
      LOG.debug("{}: pool {} service stopping", name, t.pool);
      drop(t);
    }
  }

  private static boolean isLeader(PoolService svc) {
    try {
      return svc.rdb().isLeader();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * {@code dmg pool rebuild stop} at the leader (ds_pool_rebuild_stop): stops the pool's running rebuild (its
   * fail-reclaim follows; then its status shows rs_errno -DER_OP_CANCELED, DRS_NOT_STARTED: "stopped") or cancels
   * the retry it waits for; nothing is retried or regenerated until {@link #startAgain}. During a fail-reclaim the
   * stop is accepted and honoured once the fail-reclaim is over (no retry follows); with {@code force} after a failed
   * run of that fail-reclaim, the fail-reclaim itself stops ({@code rebuild_is_stoppable}).
   *
   * @throws DaosException DER_NONEXIST when no rebuild of the pool runs or waits here
   */
  public void stop(PoolService svc, boolean force) {
    UUID pool = svc.poolUuid();
    PoolTasks pt = pools.computeIfAbsent(pool, p -> new PoolTasks());
    RebuildTask waiting = null;
    RebuildTask cleaning = null;
    synchronized (pt) {
      RebuildTask r = pt.running;
      if (r != null && !r.rebuilding && (r.failReclaiming || r.failReclaimFailures > 0)) {
        // rebuild_is_stoppable: a fail-reclaim is not stopped (the stop is remembered and honoured once it is
        // over), unless forced after failed runs of it.
        r.stopAdmin = true;
        cleaning = r;
      } else if (r != null && !r.rebuilding && r.attempt > 0) {
        waiting = pt.running;
        waiting.superseded = true;
        pt.running = null;
        pt.parkedVersion = svc.map().getVersion();
      }
    }
    if (cleaning != null) {
      if (force && cleaning.failReclaimFailures > 0 && cleaning.failReclaiming) {
        LOG.info("{}: pool {}: fail-reclaim of rebuild task {} force-stopped after {} failures", name, pool,
            cleaning, cleaning.failReclaimFailures);
        rebuilds.get().stop(pool, true);
      } else {
        LOG.info("{}: pool {}: stop of rebuild task {} deferred until its fail-reclaim is over", name, pool,
            cleaning);
      }
      return;
    }
    if (waiting != null) {
      LOG.info("{}: pool {}: rebuild task {} waiting for its retry stopped by the administrator", name, pool,
          waiting);
      return;
    }
    rebuilds.get().stop(pool, force);
  }

  /**
   * {@code dmg pool rebuild start} at the leader (ds_pool_rebuild_start): a new task for the map's unfinished DOWN,
   * DRAIN and UP targets (after a stop or a failure that exhausted its retries).
   *
   * @throws DaosException DER_BUSY while a task of the pool runs; DER_NONEXIST when no target is unfinished
   */
  public void startAgain(PoolService svc) {
    UUID pool = svc.poolUuid();
    PoolTasks pt = pools.computeIfAbsent(pool, p -> new PoolTasks());
    RebuildTask t = regenerated(svc, true);
    if (t == null) {
      throw new DaosException(DaosStatus.NONEXIST, "pool " + pool + " has no DOWN, DRAIN or UP targets to rebuild "
          + "(map version " + svc.map().getVersion() + ")");
    }
    synchronized (pt) {
      if (pt.running != null) {
        throw new DaosException(DaosStatus.BUSY, "a rebuild of pool " + pool + " is running (" + pt.running
            + "); stop it first with dmg pool rebuild stop");
      }
      pt.parkedVersion = -1;
      pt.running = t;
    }
    LOG.info("{}: pool {}: rebuild task {} started by the administrator", name, pool, t);
    run(svc, t);
  }

  /**
   * Step-up and periodic check ({@code ds_rebuild_regenerate_task}): every pool whose service leader is here and
   * whose map has DOWN (rebuild allowed), DRAIN or UP targets with no task scheduled gets a task for them. A pool
   * whose leadership this engine has lost drops its tasks and stops the rebuild it led
   * ({@code ds_rebuild_leader_stop}).
   */
  public void check() {
    for (PoolService svc : services.all()) {
      if (!isLeader(svc)) {
        PoolTasks gone = pools.remove(svc.poolUuid());
        if (gone != null) {
          synchronized (gone) {
            if (gone.running != null) {
              gone.running.superseded = true;
            }
          }
          Rebuilds rb = rebuilds.get();
          if (rb != null) {
            rb.leaderStop(svc.poolUuid());
          }
        }
        continue;
      }
      try {
        svc.executor().execute(() -> regenerate(svc));
      } catch (RejectedExecutionException stopped) {
        LOG.debug("{}: pool {} service stopping", name, svc.poolUuid());
      }
    }
  }

  private void regenerate(PoolService svc) {
    if (disabled || !isLeader(svc)) {
      return;
    }
    PoolTasks pt = pools.computeIfAbsent(svc.poolUuid(), p -> new PoolTasks());
    RebuildTask t;
    synchronized (pt) {
      if (pt.running != null || !pt.queue.isEmpty() || !pt.delayed.isEmpty()) {
        return;
      }
      PoolMap map;
      try {
        map = svc.map();
      } catch (DaosException e) {
        return;
      }
      if (pt.parkedVersion == map.getVersion()) {
        return;
      }
      t = regenerated(svc, false);
      if (t == null) {
        return;
      }
      pt.running = t;
    }
    LOG.info("{}: pool {}: regenerating rebuild task {} for the unfinished targets of map version {}", name,
        t.pool, t, t.newMap.getVersion());
    run(svc, t);
  }

  /**
   * A task for the unfinished targets of the service's map: from {@link #rolledBack} of it one version before.
   * Null when there is none (DOWN targets count only for the administrator or when self_heal allows rebuild).
   */
  private RebuildTask regenerated(PoolService svc, boolean admin) {
    PoolMap map = svc.map();
    boolean downAllowed = admin;
    try {
      downAllowed |= (sysSelfHeal.policy() & SysSelfHeal.POOL_REBUILD) != 0
          && (svc.selfHeal() & PoolProps.SELF_HEAL_AUTO_REBUILD) != 0;
    } catch (DaosException e) {
      LOG.debug("{}: pool {}: no system self_heal: {}", name, svc.poolUuid(), e.getMessage());
    }
    boolean anyDown = !PoolMapUpdate.targetsIn(map, TargetState.DOWN.bit()).isEmpty() && downAllowed;
    boolean anyDrain = !PoolMapUpdate.targetsIn(map, TargetState.DRAIN.bit()).isEmpty();
    boolean anyUp = !PoolMapUpdate.targetsIn(map, TargetState.UP.bit()).isEmpty();
    if (!anyDown && !anyDrain && !anyUp || map.getVersion() < 2) {
      return null;
    }
    RebuildOp op = anyDown ? RebuildOp.EXCLUDE : anyDrain ? RebuildOp.DRAIN : RebuildOp.REINT;
    return new RebuildTask(svc.poolUuid(), op, rolledBack(map, map.getVersion() - 1), map);
  }

  /**
   * The map a task's rebuild compares with (and its fail-reclaim places on): {@link #rolledBack} of its old map, with
   * each target being reintegrated in {@code newMap} where it comes from ({@link #returning}), also one still DOWN
   * in the old map (its exclusion was stopped or failed and then it was reintegrated: its data was discarded).
   */
  static PoolMap before(PoolMap oldMap, PoolMap newMap) {
    PoolMap old = rolledBack(oldMap, oldMap.getVersion());
    List<TargetAddr> back = PoolMapUpdate.targetsIn(newMap, TargetState.UP.bit());
    if (back.isEmpty()) {
      return old;
    }
    PoolMap.Builder b = old.toBuilder();
    for (int ri = 0; ri < b.getRanksCount(); ri++) {
      PoolMapRank.Builder rb = b.getRanksBuilder(ri);
      PoolMapRank nr = newMap.getRanksList().stream().filter(r -> r.getRank() == rb.getRank()).findFirst()
          .orElse(null);
      for (int ti = 0; nr != null && ti < rb.getTargetsCount() && ti < nr.getTargetsCount(); ti++) {
        PoolMapTarget nt = nr.getTargets(ti);
        if (nt.getState() == TargetState.UP.bit() && rb.getTargets(ti).getState() != TargetState.NEW.bit()) {
          rb.setTargets(ti, rb.getTargets(ti).toBuilder().setState(returning(nt)));
        }
      }
    }
    return b.build();
  }

  /**
   * Where a target UP in a rebuild's new map was before: DOWN when it is reintegrated from DOWN (flag DOWN2UP: its
   * exclusion was never rebuilt, so its shards' spares are still being rebuilt and hold nothing to pull from), else
   * DOWNOUT.
   */
  private static int returning(PoolMapTarget t) {
    return (t.getFlags() & io.daos.placement.Target.DOWN2UP) != 0 ? TargetState.DOWN.bit()
        : TargetState.DOWNOUT.bit();
  }

  /**
   * {@code map} as it was before its unfinished changes (version {@code version}): DOWN and DRAIN targets back
   * UPIN, UP targets where they come from ({@link #returning}: DOWNOUT, or DOWN when reintegrated from DOWN). Tasks
   * run one at a time, so a target still DOWN, DRAIN or UP when a task starts has not been rebuilt (its task failed,
   * was stopped or belongs to an earlier leader) and this task covers it too.
   */
  static PoolMap rolledBack(PoolMap map, int version) {
    int down = TargetState.DOWN.bit();
    int drain = TargetState.DRAIN.bit();
    int up = TargetState.UP.bit();
    PoolMap.Builder old = map.toBuilder().setVersion(version).clearRanks();
    for (PoolMapRank r : map.getRanksList()) {
      PoolMapRank.Builder rb = r.toBuilder().clearTargets();
      for (PoolMapTarget tg : r.getTargetsList()) {
        int s = tg.getState();
        if (s == down || s == drain) {
          rb.addTargets(tg.toBuilder().setState(TargetState.UPIN.bit()));
        } else if (s == up) {
          rb.addTargets(tg.toBuilder().setState(returning(tg)));
        } else {
          rb.addTargets(tg);
        }
      }
      old.addRanks(rb);
    }
    return old.build();
  }

  /**
   * The pool's rebuild status for pool query: {@code st} (the rebuild leader's), shown DRS_IN_PROGRESS while a task
   * of the pool is still running, waiting for its retry or queued here, as DAOS keeps a retried rebuild in progress.
   */
  public RebuildStatus status(UUID pool, RebuildStatus st) {
    if (st.getState() != 0 && busy(pool)) {
      return st.toBuilder().setState(0).build();
    }
    return st;
  }

  /** Whether a task of {@code pool} is running or waiting here. */
  public boolean busy(UUID pool) {
    PoolTasks pt = pools.get(pool);
    if (pt == null) {
      return false;
    }
    synchronized (pt) {
      return pt.running != null || !pt.queue.isEmpty();
    }
  }
}
