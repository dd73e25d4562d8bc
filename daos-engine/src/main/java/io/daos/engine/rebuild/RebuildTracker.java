package io.daos.engine.rebuild;

import io.daos.common.Ticker;
import io.daos.common.status.DaosStatus;
import io.daos.proto.pool.RebuildStatus;
import io.daos.proto.rebuild.RebuildReport;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The leader's view of one rebuild ({@code rebuild_global_pool_tracker}): which engines are still rebuilding, what
 * they reported, and the {@code daos_rebuild_status} it adds up to. Done when every engine has reported scan and
 * pull done; failed at the first error (rs_errno, state DRS_COMPLETED as DAOS reports a failed rebuild).
 */
final class RebuildTracker {
  static final int DRS_IN_PROGRESS = 0;
  static final int DRS_NOT_STARTED = 1;
  static final int DRS_COMPLETED = 2;

  final UUID pool;
  final int version;
  private final Ticker ticker;
  private final long started;
  private final Set<Integer> ranks;
  private final Map<Integer, RebuildReport> reports = new HashMap<>();
  private int errno;
  private int state = DRS_IN_PROGRESS;
  private long endedNanos = -1;
  final CompletableFuture<RebuildStatus> result = new CompletableFuture<>();

  RebuildTracker(UUID pool, int version, Set<Integer> ranks, Ticker ticker) {
    this.pool = pool;
    this.version = version;
    this.ranks = Set.copyOf(ranks);
    this.ticker = ticker;
    this.started = ticker.nanoTime();
  }

  /** Records an engine's report; true when this report ended the rebuild (done or failed). */
  synchronized boolean report(RebuildReport r) {
    if (state != DRS_IN_PROGRESS || !ranks.contains(r.getRank())) {
      return false;
    }
    reports.put(r.getRank(), r);
    if (r.getStatus() != 0) {
      return end(r.getStatus());
    }
    boolean all = ranks.stream().allMatch(k -> reports.containsKey(k) && reports.get(k).getScanDone()
        && reports.get(k).getPullDone());
    return all && end(0);
  }

  /** Ends the rebuild with {@code status} (0: completed); true if it was still running. */
  synchronized boolean end(int status) {
    if (state != DRS_IN_PROGRESS) {
      return false;
    }
    errno = status > 0 ? -status : status;
    state = DRS_COMPLETED;
    endedNanos = ticker.nanoTime();
    return true;
  }

  synchronized boolean succeeded() {
    return state == DRS_COMPLETED && errno == 0;
  }

  /** {@code daos_rebuild_status}: rs_version, rs_state, rs_errno, rs_seconds and the engines' summed counts. */
  synchronized RebuildStatus status() {
    long obj = 0;
    long rec = 0;
    long size = 0;
    long toberb = 0;
    for (RebuildReport r : reports.values()) {
      obj += r.getObjNr();
      rec += r.getRecNr();
      size += r.getSize();
      toberb += r.getToberbObjNr();
    }
    long end = endedNanos >= 0 ? endedNanos : ticker.nanoTime();
    return RebuildStatus.newBuilder().setVersion(version).setState(state).setErrno(errno)
        .setSeconds((int) TimeUnit.NANOSECONDS.toSeconds(end - started)).setObjNr(obj).setRecNr(rec).setSize(size)
        .setToberbObjNr(toberb).build();
  }

  static int code(Throwable e) {
    return e instanceof io.daos.common.status.DaosException de ? de.status().code() : DaosStatus.MISC.code();
  }
}
