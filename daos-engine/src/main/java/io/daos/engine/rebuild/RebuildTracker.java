package io.daos.engine.rebuild;

import io.daos.common.Ticker;
import io.daos.common.status.DaosStatus;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.RebuildStatus;
import io.daos.proto.rebuild.RebuildReport;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The leader's view of one rebuild or reclaim ({@code rebuild_global_pool_tracker}): which engines take part, their
 * newest reports and when each was last heard from, and the {@code daos_rebuild_status} it adds up to. Done when
 * every engine has reported scan and pull done; failed at the first error (rs_errno, rs_fail_rank, state
 * DRS_COMPLETED as DAOS reports a failed rebuild); stopped by the administrator (rs_errno -DER_OP_CANCELED, state
 * DRS_NOT_STARTED, which dmg shows as "stopped").
 */
final class RebuildTracker {
  static final int DRS_IN_PROGRESS = 0;
  static final int DRS_NOT_STARTED = 1;
  static final int DRS_COMPLETED = 2;

  final UUID pool;
  /** The leader's pool service term when it started this rebuild (rsi_leader_term). */
  final long term;
  final int version;
  final int gen;
  /** RB_OP_REBUILD, RB_OP_RECLAIM or RB_OP_FAIL_RECLAIM. */
  final int rbOp;
  /** RB_OP_FAIL_RECLAIM after a stop: UP targets are cleaned too ({@code rgt_include_up}). */
  volatile boolean includeUp;
  /** RB_OP_FAIL_RECLAIM: the version and generation of the failed rebuild it cleans up after. */
  volatile int failedVer;
  volatile int failedGen;
  final RebuildOp op;
  final PoolMap oldMap;
  final PoolMap newMap;
  final Set<Integer> ranks;
  /** Counts carried over (a reclaim shows the rebuild's counts it follows). */
  private final RebuildStatus base;
  private final Ticker ticker;
  private final boolean addCounts;
  private final long started;
  private final Map<Integer, RebuildReport> reports = new HashMap<>();
  private final Map<Integer, Long> heard = new HashMap<>();
  private int errno;
  private int failRank;
  private int state = DRS_IN_PROGRESS;
  private boolean stopped;
  private long endedNanos = -1;
  final CompletableFuture<RebuildStatus> result = new CompletableFuture<>();

  /** A rebuild's reported counts add to {@code base}; a reclaim keeps the rebuild's counts ({@code base}). */
  RebuildTracker(UUID pool, long term, int version, int gen, int rbOp, RebuildOp op, PoolMap oldMap,
      PoolMap newMap, Set<Integer> ranks, RebuildStatus base, Ticker ticker) {
    this.term = term;
    this.addCounts = rbOp == Rebuilds.RB_OP_REBUILD;
    this.pool = pool;
    this.version = version;
    this.gen = gen;
    this.rbOp = rbOp;
    this.op = op;
    this.oldMap = oldMap;
    this.newMap = newMap;
    this.ranks = Set.copyOf(ranks);
    this.base = base;
    this.ticker = ticker;
    this.started = ticker.nanoTime();
    ranks.forEach(r -> heard.put(r, started));
  }

  /** Records an engine's report (the newest by seq); true when this report ended the rebuild (done or failed). */
  synchronized boolean report(RebuildReport r) {
    if (state != DRS_IN_PROGRESS || !ranks.contains(r.getRank())) {
      return false;
    }
    heard.put(r.getRank(), ticker.nanoTime());
    RebuildReport prev = reports.get(r.getRank());
    if (prev == null || prev.getSeq() <= r.getSeq()) {
      reports.put(r.getRank(), r);
    }
    if (r.getStatus() != 0) {
      return end(r.getStatus(), r.getRank());
    }
    boolean all = ranks.stream().allMatch(k -> done(reports.get(k)));
    return all && end(0, 0);
  }

  /** The counts carried over from the rebuild a reclaim follows. */
  RebuildStatus base() {
    return base;
  }

  synchronized boolean running() {
    return state == DRS_IN_PROGRESS;
  }

  /**
   * The first engine still working that has not reported for longer than {@code timeoutNanos}, or -1. An engine
   * whose newest report says it is done is not waited for.
   */
  synchronized int silentRank(long timeoutNanos) {
    long now = ticker.nanoTime();
    for (int r : ranks) {
      RebuildReport rep = reports.get(r);
      if (done(rep)) {
        continue;
      }
      if (now - heard.get(r) > timeoutNanos) {
        return r;
      }
    }
    return -1;
  }

  /** The ranks whose newest report says their scan and pulls are done. */
  synchronized Set<Integer> done() {
    Set<Integer> out = new java.util.TreeSet<>();
    reports.forEach((r, rep) -> {
      if (done(rep)) {
        out.add(r);
      }
    });
    return out;
  }

  /** Whether {@code rep} (null: none yet) says its engine's scan and pulls are done. */
  private static boolean done(RebuildReport rep) {
    return rep != null && rep.getScanDone() && rep.getPullDone();
  }

  /** Ends the rebuild with {@code status} (0: completed) caused by {@code rank}; true if it was still running. */
  synchronized boolean end(int status, int rank) {
    if (state != DRS_IN_PROGRESS) {
      return false;
    }
    errno = status > 0 ? -status : status;
    failRank = status != 0 ? rank : 0;
    state = DRS_COMPLETED;
    endedNanos = ticker.nanoTime();
    return true;
  }

  /** The administrator stopped it: rs_errno -DER_OP_CANCELED, DRS_NOT_STARTED; true if it was still running. */
  synchronized boolean stop() {
    if (!end(DaosStatus.OP_CANCELED.code(), 0)) {
      return false;
    }
    state = DRS_NOT_STARTED;
    stopped = true;
    return true;
  }

  synchronized boolean stopped() {
    return stopped;
  }

  synchronized boolean succeeded() {
    return state == DRS_COMPLETED && errno == 0;
  }

  /** {@code daos_rebuild_status}: rs_version, rs_state, rs_errno, rs_seconds and the engines' summed counts. */
  synchronized RebuildStatus status() {
    long obj = base.getObjNr();
    long rec = base.getRecNr();
    long size = base.getSize();
    long toberb = base.getToberbObjNr();
    if (addCounts) {
      for (RebuildReport r : reports.values()) {
        obj += r.getObjNr();
        rec += r.getRecNr();
        size += r.getSize();
        toberb += r.getToberbObjNr();
      }
    }
    long end = endedNanos >= 0 ? endedNanos : ticker.nanoTime();
    int version0 = base.getVersion() != 0 ? base.getVersion() : version;
    return RebuildStatus.newBuilder().setVersion(version0).setState(state).setErrno(errno)
        .setSeconds(base.getSeconds() + (int) TimeUnit.NANOSECONDS.toSeconds(end - started)).setObjNr(obj)
        .setRecNr(rec).setSize(size).setToberbObjNr(toberb).setFailRank(failRank).build();
  }

  static int code(Throwable e) {
    return e instanceof io.daos.common.status.DaosException de ? de.status().code() : DaosStatus.MISC.code();
  }
}
