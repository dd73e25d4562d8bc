package io.daos.engine.cont.agg;

import io.daos.common.Futures;
import io.daos.common.Hlc;
import io.daos.common.status.DaosException;
import io.daos.engine.pool.EnginePool;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.vos.agg.Aggregation;
import io.daos.engine.vos.VosContainer;
import io.daos.engine.vos.VosPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VOS aggregation of every container on this engine's targets (DAOS's per-container aggregation ULT,
 * {@code cont_aggregate_interval} in {@code container/srv_target.c}). Every {@link #INTERVAL} ({@link #tick}) each
 * target is looked at; a container gets a pass when it was written since its last one, at most once per gap unless
 * the target is short of space, with the pool's {@code reclaim} property and the container's snapshots fetched from
 * the pool service first (no snapshots known: no aggregation, as DAOS). The pass's bound is {@code HLC now - gap}
 * ({@code DAOS_VOS_AGG_GAP}, 20-180 s, default 20) and below any snapshot being created ({@link #snapshotNotify},
 * DAOS's CONT_TGT_SNAPSHOT_NOTIFY); what a PREPARED DTX wrote, and what lies under it, is left alone (as DAOS's
 * aggregation skips uncommitted entries), so an abort still finds them. A pass runs in slices on the
 * target's own thread, so I/O queued there runs between slices; a slice that found the thread busy waits 1 s
 * ({@code reclaim:lazy}) or 50 ms ({@code reclaim:time}) before the next, unless the target is short of space.
 * <p>Beyond DAOS (documented in docs/admin-guide.md): when a write finds its target full, {@link #reclaimNow}
 * aggregates that target at once up to HLC now, ignoring the gap (still keeping snapshots and undecided DTX writes),
 * before the write gets DER_NOSPACE: a reader pinned at an epoch older than that (not a snapshot) may then miss versions overwritten since.
 */
public final class ContAggregator {
  /** Between two looks at the targets (DAOS sleeps 2 s between rounds). */
  public static final Duration INTERVAL = Duration.ofSeconds(2);
  /** DAOS's VOS_AGG_GAP_DEF / MIN / MAX, seconds. */
  public static final int GAP_DEFAULT = 20;
  public static final int GAP_MIN = 20;
  public static final int GAP_MAX = 180;
  /** DAOS_RECLAIM_* (the pool's {@code reclaim} property). */
  public static final long RECLAIM_DISABLED = 0;
  public static final long RECLAIM_LAZY = 1;
  /** Records one slice looks at before it lets the target's queued I/O run. */
  static final long SLICE_BUDGET = 4096;
  /** A target with less than this share of its space free is under space pressure. */
  static final double PRESSURE_FREE = 0.25;
  /** How long a snapshot notification caps aggregation if no snapshot list with the new snapshot arrives. */
  static final Duration NOTIFY_HOLD = Duration.ofSeconds(60);
  private static final long HLC_PER_SECOND = 1_000_000_000L * Hlc.UNITS_PER_NANO;
  private static final Logger LOG = LoggerFactory.getLogger(ContAggregator.class);

  /** What a pass needs to know of a container: its snapshots (ascending) and its pool's reclaim property. */
  public record View(long[] snapshots, long reclaim) {
  }

  /** Fetches a container's {@link View} from its pool service. */
  @FunctionalInterface
  public interface ViewSource {
    CompletableFuture<View> fetch(UUID pool, UUID cont);
  }

  /** The writes of a container on a target that undecided DTXs made (their versions are left alone). */
  @FunctionalInterface
  public interface DtxState {
    Aggregation.Uncertain uncertain(UUID pool, int target, VosContainer c);
  }

  private record ContKey(UUID pool, UUID cont) {
  }

  private record TgtKey(UUID pool, int target, UUID cont) {
  }

  /** A container's last fetched view, and the cap a snapshot notification set (0: none). */
  private static final class ContState {
    /** The tick round under way when this state was made: a round that listed the targets before keeps it. */
    final long born;
    volatile View view;
    volatile long capAt;

    ContState(long born) {
      this.born = born;
    }
  }

  /**
   * A container on one target (touched on the target's thread only): whether a pass runs, the last complete pass's
   * bound and snapshots, when the target's write count was last seen to change (a pass is due until one has a bound
   * past that), and the write count at the last {@link #reclaimNow}.
   */
  private static final class TgtState {
    final long born;
    boolean running;
    long passBound;
    long[] passSnapshots;
    long seenWrites = -1;
    long seenAt;
    long reclaimWrites = -1;

    TgtState(long born) {
      this.born = born;
    }
  }

  private final String name;
  private final PoolTargets pools;
  private final IntFunction<Executor> targets;
  private final ViewSource views;
  private final DtxState dtx;
  private final Hlc hlc;
  private final long gap;
  private final Map<ContKey, ContState> conts = new ConcurrentHashMap<>();
  private final Map<TgtKey, TgtState> tgts = new ConcurrentHashMap<>();
  /** Ticks started so far: a tick forgets only the states made before it listed the targets. */
  private final java.util.concurrent.atomic.AtomicLong round = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.function.IntPredicate busy;
  private final java.util.function.Function<Duration, Executor> after;

  /**
   * {@code busy}: whether a target's thread has I/O queued; {@code after}: runs a task once a delay has passed (the
   * pause of a slice on a busy target; an injected clock's in tests); {@code gapSeconds}: DAOS_VOS_AGG_GAP, as DAOS
   * taken as 20 when outside 20-180.
   */
  public ContAggregator(String name, PoolTargets pools, IntFunction<Executor> targets,
      java.util.function.IntPredicate busy, ViewSource views, DtxState dtx, Hlc hlc, int gapSeconds,
      java.util.function.Function<Duration, Executor> after) {
    this.name = name;
    this.pools = pools;
    this.targets = targets;
    this.views = views;
    this.dtx = dtx;
    this.hlc = hlc;
    int g = gapSeconds < GAP_MIN || gapSeconds > GAP_MAX ? GAP_DEFAULT : gapSeconds;
    if (g != gapSeconds) {
      LOG.warn("{}: DAOS_VOS_AGG_GAP={} is outside [{}, {}]; using {} s", name, gapSeconds, GAP_MIN, GAP_MAX, g);
    }
    this.gap = g * HLC_PER_SECOND;
    this.busy = busy;
    this.after = after;
  }

  /** The gap behind HLC now that background aggregation stays, in HLC units. */
  long gap() {
    return gap;
  }

  /**
   * One look at every pool: fetches views of the containers found on its targets and starts the passes due; the
   * future completes when those passes have ended.
   */
  public CompletableFuture<Void> tick() {
    List<CompletableFuture<Void>> rounds = new ArrayList<>();
    long r = round.incrementAndGet();
    Set<UUID> live = Set.copyOf(pools.list());
    conts.entrySet().removeIf(x -> !live.contains(x.getKey().pool()) && x.getValue().born < r);
    tgts.entrySet().removeIf(x -> !live.contains(x.getKey().pool()) && x.getValue().born < r);
    for (UUID pool : live) {
      EnginePool p = pools.find(pool).orElse(null);
      if (p == null) {
        continue;
      }
      List<CompletableFuture<List<UUID>>> lists = new ArrayList<>();
      for (int t = 0; t < p.targetCount(); t++) {
        int tgt = t;
        lists.add(onTarget(tgt, () -> p.target(tgt).listContainers()));
      }
      rounds.add(CompletableFuture.allOf(lists.toArray(CompletableFuture[]::new)).handle((v, e) -> {
        Set<UUID> all = new java.util.LinkedHashSet<>();
        boolean complete = true;
        for (CompletableFuture<List<UUID>> l : lists) {
          if (l.isCompletedExceptionally()) {
            complete = false;
          } else {
            all.addAll(l.join());
          }
        }
        if (complete) {
          // Destroyed containers: forget them (not what was made after this round listed the targets: a slow round
          // must not drop the view a later one fetched).
          conts.entrySet().removeIf(x -> x.getKey().pool().equals(pool) && !all.contains(x.getKey().cont())
              && x.getValue().capAt == 0 && x.getValue().born < r);
          tgts.entrySet().removeIf(x -> x.getKey().pool().equals(pool) && !all.contains(x.getKey().cont())
              && x.getValue().born < r);
        }
        return all;
      }).thenCompose(all -> allOf(all.stream().map(c -> refresh(p, c)).toList())));
    }
    return allOf(rounds);
  }

  private static CompletableFuture<Void> allOf(List<CompletableFuture<Void>> fs) {
    return CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new)).exceptionally(e -> null);
  }

  private CompletableFuture<Void> refresh(EnginePool p, UUID cont) {
    ContState st = conts.computeIfAbsent(new ContKey(p.uuid(), cont), k -> new ContState(round.get()));
    return views.fetch(p.uuid(), cont).handle((v, e) -> {
      if (e != null) {
        LOG.debug("{}: pool {} container {}: no snapshot list ({}); no aggregation this round", name, p.uuid(), cont,
            Futures.cause(e).toString());
        return CompletableFuture.<Void>completedFuture(null);
      }
      st.view = v;
      long cap = st.capAt;
      if (cap != 0 && (Arrays.stream(v.snapshots()).anyMatch(s -> Long.compareUnsigned(s, cap) >= 0)
          || Long.compareUnsigned(hlc.now() - cap, NOTIFY_HOLD.toSeconds() * HLC_PER_SECOND) > 0)) {
        st.capAt = 0;
      }
      List<CompletableFuture<Void>> passes = new ArrayList<>();
      for (int t = 0; t < p.targetCount(); t++) {
        int tgt = t;
        passes.add(onTarget(tgt, () -> maybePass(p, tgt, cont, st)).thenCompose(f -> f));
      }
      return allOf(passes);
    }).thenCompose(f -> f);
  }

  /**
   * CONT_TGT_SNAPSHOT_NOTIFY: a snapshot of {@code cont} is being created; nothing above HLC now is aggregated until a
   * snapshot list holding it arrives (or {@link #NOTIFY_HOLD} passes).
   */
  public void snapshotNotify(UUID pool, UUID cont) {
    conts.computeIfAbsent(new ContKey(pool, cont), k -> new ContState(round.get())).capAt = hlc.now();
  }

  /** Forgets what is known of {@code pool} (destroyed). */
  public void forget(UUID pool) {
    conts.keySet().removeIf(k -> k.pool().equals(pool));
    tgts.keySet().removeIf(k -> k.pool().equals(pool));
  }

  /** The bound a pass may aggregate to now, or 0 when it may not run. Target thread. */
  private long bound(EnginePool p, int tgt, VosContainer c, ContState st, long behind) {
    View v = st.view;
    if (v == null || v.reclaim() == RECLAIM_DISABLED) {
      return 0;
    }
    long b = hlc.now() - behind;
    long cap = st.capAt;
    if (cap != 0 && Long.compareUnsigned(cap - 1, b) < 0) {
      b = cap - 1;
    }
    return b <= 0 || b == Long.MAX_VALUE ? 0 : b;
  }

  /** Starts a pass of {@code cont} on target {@code tgt} if one is due; the future completes when it ends. */
  private CompletableFuture<Void> maybePass(EnginePool p, int tgt, UUID cont, ContState st) {
    CompletableFuture<Void> none = CompletableFuture.completedFuture(null);
    VosContainer c = p.existingContainer(tgt, cont);
    if (c == null) {
      return none;
    }
    TgtState ts = tgts.computeIfAbsent(new TgtKey(p.uuid(), tgt, cont), k -> new TgtState(round.get()));
    if (ts.running) {
      return none;
    }
    VosPool vos = p.target(tgt);
    if (ts.seenWrites != vos.writes()) {
      ts.seenWrites = vos.writes();
      ts.seenAt = hlc.now();
    }
    long b = bound(p, tgt, c, st, gap);
    if (b == 0) {
      return none;
    }
    long[] snaps = st.view.snapshots();
    // Due: something was written after the last pass's bound, or the snapshots changed (a destroyed one frees more).
    boolean due = Long.compareUnsigned(ts.passBound, ts.seenAt) < 0 || !Arrays.equals(ts.passSnapshots, snaps);
    // At most one pass per gap (DAOS: not while the bound moved less than the gap), unless space is short.
    boolean recent = ts.passBound != 0 && Long.compareUnsigned(b - ts.passBound, gap) < 0;
    if (!due || recent && !pressure(p, tgt)) {
      return none;
    }
    ts.running = true;
    ts.passSnapshots = snaps;
    CompletableFuture<Void> done = new CompletableFuture<>();
    slice(p, tgt, c, ts, b, snaps, null, st.view.reclaim(), done);
    return done;
  }

  private void slice(EnginePool p, int tgt, VosContainer c, TgtState ts, long b, long[] snaps,
      Aggregation.Anchor from, long reclaim, CompletableFuture<Void> done) {
    Aggregation.Slice s;
    try {
      s = c.aggregate(b, snaps, from, SLICE_BUDGET, dtx.uncertain(p.uuid(), tgt, c));
    } catch (DaosException | IllegalStateException e) {
      LOG.warn("{}: pool {} target {} container {}: aggregation failed: {}", name, p.uuid(), tgt, c.uuid(),
          e.getMessage());
      ts.running = false;
      done.complete(null);
      return;
    }
    if (s.stats().versions > 0 || s.stats().entities > 0) {
      LOG.debug("{}: pool {} target {} container {}: aggregated to {}: {}", name, p.uuid(), tgt, c.uuid(),
          Long.toUnsignedString(b), s.stats());
    }
    if (s.done()) {
      ts.running = false;
      ts.passBound = b;
      done.complete(null);
      return;
    }
    Runnable next = () -> slice(p, tgt, c, ts, b, snaps, s.next(), reclaim, done);
    // DAOS agg_rate_ctl: on a busy target without space pressure, pause 1 s (lazy) or 50 ms (time); else yield.
    Duration pause = reclaim == RECLAIM_LAZY ? Duration.ofSeconds(1) : Duration.ofMillis(50);
    try {
      if (busy.test(tgt) && !pressure(p, tgt)) {
        after.apply(pause).execute(() -> {
          try {
            targets.apply(tgt).execute(next);
          } catch (RejectedExecutionException e) {
            ts.running = false;
            done.complete(null);
          }
        });
      } else {
        targets.apply(tgt).execute(next);
      }
    } catch (RejectedExecutionException e) {
      ts.running = false;
      done.complete(null);
    }
  }

  /**
   * A write on target {@code tgt} of {@code pool} does not fit: aggregates every container of the target now, up to
   * HLC now (below any snapshot being created), with its last fetched snapshot list; true when that freed anything.
   * A container whose snapshot list has not been fetched yet is left alone ({@link #fetchMissingViews} gets it without
   * blocking this thread). Does nothing (false) unless the target was written since the last time. Target thread.
   */
  public boolean reclaimNow(EnginePool p, int tgt) {
    VosPool vos = p.target(tgt);
    boolean freed = false;
    for (UUID cont : vos.listContainers()) {
      VosContainer c = p.existingContainer(tgt, cont);
      TgtState ts = tgts.computeIfAbsent(new TgtKey(p.uuid(), tgt, cont), k -> new TgtState(round.get()));
      if (c == null || ts.reclaimWrites == vos.writes()) {
        continue;
      }
      ContState st = conts.computeIfAbsent(new ContKey(p.uuid(), cont), k -> new ContState(round.get()));
      if (st.view == null) {
        continue;
      }
      long b = bound(p, tgt, c, st, 0);
      if (b == 0) {
        continue;
      }
      ts.reclaimWrites = vos.writes();
      Aggregation.Anchor at = null;
      do {
        Aggregation.Slice s = c.aggregate(b, st.view.snapshots(), at, Long.MAX_VALUE, dtx.uncertain(p.uuid(), tgt, c));
        freed |= s.stats().versions > 0 || s.stats().entities > 0;
        at = s.next();
      } while (at != null);
    }
    return freed;
  }

  /**
   * Fetches the snapshot lists {@link #reclaimNow} lacked on target {@code tgt} (containers filled before a tick got
   * theirs): completes once every fetch has answered, failed or not; null when none is missing. Never waits: the
   * pool service's answer may have to come through this very thread (a service RPC is served on target 0's thread),
   * so a write that needs the space waits for this future off the thread instead. Target thread.
   */
  public CompletableFuture<Void> fetchMissingViews(EnginePool p, int tgt) {
    List<CompletableFuture<Void>> fetches = new ArrayList<>();
    for (UUID cont : p.target(tgt).listContainers()) {
      ContState st = conts.computeIfAbsent(new ContKey(p.uuid(), cont), k -> new ContState(round.get()));
      if (st.view == null && p.existingContainer(tgt, cont) != null) {
        fetches.add(views.fetch(p.uuid(), cont).handle((v, e) -> {
          if (e != null) {
            LOG.debug("{}: pool {} container {}: no snapshot list for a reclaim: {}", name, p.uuid(), cont,
                Futures.cause(e).toString());
          } else if (st.view == null) {
            st.view = v;
          }
          return null;
        }));
      }
    }
    return fetches.isEmpty() ? null : allOf(fetches);
  }

  private static boolean pressure(EnginePool p, int tgt) {
    long limit = p.targetSpaceLimit();
    return limit > 0 && limit - p.targetSpaceUsed(tgt) < limit * PRESSURE_FREE;
  }

  private <T> CompletableFuture<T> onTarget(int tgt, java.util.function.Supplier<T> work) {
    try {
      return CompletableFuture.supplyAsync(work, targets.apply(tgt));
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
