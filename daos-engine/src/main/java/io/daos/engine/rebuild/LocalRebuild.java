package io.daos.engine.rebuild;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One engine's part of one rebuild ({@code struct rebuild_tgt_pool_tracker}): what it has to send, what it pulled,
 * whether its scan is done and how many pulls it still runs; reported to the leader as it goes.
 */
final class LocalRebuild {
  final UUID pool;
  /** The leader's pool service term. */
  final long term;
  final int version;
  final int gen;
  final int op;
  final int master;
  final AtomicLong toberb = new AtomicLong();
  final AtomicLong objs = new AtomicLong();
  final AtomicLong recs = new AtomicLong();
  final AtomicLong bytes = new AtomicLong();
  final AtomicInteger pulling = new AtomicInteger();
  final AtomicLong seq = new AtomicLong();
  volatile boolean scanDone;
  volatile int status;
  volatile boolean aborted;
  /** The leader answered a report saying this engine's part was over (the last one it answered). */
  volatile boolean overHeard;
  /** Reports sent saying this engine's part was over. */
  final AtomicInteger overReports = new AtomicInteger();
  /** True while a periodic reporter runs for this rebuild. */
  final java.util.concurrent.atomic.AtomicBoolean reporting = new java.util.concurrent.atomic.AtomicBoolean();

  LocalRebuild(UUID pool, long term, int version, int gen, int op, int master) {
    this.pool = pool;
    this.term = term;
    this.version = version;
    this.gen = gen;
    this.op = op;
    this.master = master;
  }

  boolean same(long t, int v, int g, int o, int m) {
    return term == t && version == v && gen == g && op == o && master == m;
  }

  /**
   * True when this rebuild is newer than (version, gen) from {@code m}: a later map version, or the same version
   * and leader with a later generation (a leader numbers its attempts of one version 1, 2, ...; generations of
   * different leaders are not comparable, so a new leader's attempt replaces the old one's).
   */
  boolean newerThan(int v, int g, int m) {
    return version > v || version == v && master == m && gen > g;
  }

  /** Scan done and no pull running (or failed, or aborted): nothing more to report unless a pull arrives. */
  boolean idle() {
    return aborted || status != 0 || (scanDone && pulling.get() == 0);
  }

  /**
   * Nothing more to report: aborted, or idle and the leader has answered a report saying so (a lost final report is
   * sent again at the next interval; the leader would otherwise take the silent engine for a failed one), or idle
   * and more final reports went unanswered than the leader waits for a silent engine (it has failed the rebuild).
   */
  boolean reported() {
    return aborted || idle() && (overHeard || overReports.get() > Rebuilds.MISSED_REPORTS);
  }

  void add(Counts c) {
    objs.addAndGet(c.objs());
    recs.addAndGet(c.recs());
    bytes.addAndGet(c.bytes());
  }
}
