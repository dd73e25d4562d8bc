package io.daos.server.mgmt.check;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.chk.CheckFlag;
import io.daos.proto.chk.CheckInconsistAction;
import io.daos.proto.chk.CheckReport;
import io.daos.proto.chk.CheckResult;
import io.daos.proto.chk.ChkCluesReq;
import io.daos.proto.chk.ChkCluesResp;
import io.daos.proto.mgmt.CheckQueryResp;
import io.daos.proto.mgmt.CheckQueryTime;
import io.daos.server.mgmt.svc.PoolEngines;
import io.daos.server.sysdb.SystemDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool-list part of DAOS's check leader ({@code chk_leader.c}), run by the MS leader: a start gathers every
 * check-mode rank's pool clues (one dRPC to a local engine, which asks the ranks over CART-J), compares them with the
 * MS's pools, decides per the policies, repairs and records each finding with a sequence number; findings that need
 * the admin stay pending (their pool CPS_PENDING, the run CIS_RUNNING) until {@link #act} or {@link #stop}.
 */
final class CheckLeader {
  private static final Logger LOG = LoggerFactory.getLogger(CheckLeader.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy");

  private final Clock clock;
  private final CheckInstance inst = new CheckInstance();
  private final Map<Long, Inconsistency> pending = new HashMap<>();
  private int flags;

  CheckLeader(Clock clock) {
    this.clock = clock;
  }

  /** One scan over {@code ranks}: the pools in {@code scope}, with {@code policies}. */
  synchronized void start(SystemDb db, PoolEngines engines, List<Integer> ranks, PoolComparison.Scope scope,
      int startFlags, CheckPolicies policies) {
    CheckerStore store = new CheckerStore(db);
    ChkCluesResp clues = clues(engines, ranks);
    flags = startFlags;
    pending.clear();
    List<io.daos.server.sysdb.PoolService> ms = db.poolServices(true);
    inst.begin(PoolComparison.checkedPools(ms, clues.getCluesList(), scope), now(), clues.getLeader());
    CheckRepairs repairs = new CheckRepairs(db, engines, clock);
    long seq = nextSeq(store);
    for (Inconsistency inc : PoolComparison.compare(ms, clues.getCluesList(), scope)) {
      handle(store, repairs, inc, policies, seq++);
    }
    inst.pools.keySet().stream().filter(u -> pending.values().stream().noneMatch(i -> i.pool().equals(u)))
        .forEach(u -> inst.poolDone(u, now()));
    inst.settle(now());
  }

  private void handle(CheckerStore store, CheckRepairs repairs, Inconsistency inc, CheckPolicies policies,
      long seq) {
    Decision d = CheckDecisions.decide(inc, policies.action(inc.cls()), (flags & CheckFlag.CF_AUTO_VALUE) != 0);
    if (d.interactive()) {
      pending.put(seq, inc);
      inst.poolPending(inc.pool());
      inst.total++;
      store.addOrUpdate(report(seq, inc, d, d.action(), 0));
      return;
    }
    int result = dryRun() || d.action() == CheckInconsistAction.CIA_IGNORE ? 0 : repairs.apply(inc, d.action());
    inst.counted(d.action(), result);
    LOG.info("check leader: pool {} {}: {} (seq 0x{}, result {})", inc.pool(), inc.cls(), d.action(),
        Long.toHexString(seq), result);
    store.addOrUpdate(report(seq, inc, d, d.action(), dryRun() ? CheckResult.DRY_RUN_VALUE : result));
  }

  /** Applies the admin's decision for a pending finding (DAOS chk_leader_act). */
  synchronized void act(SystemDb db, PoolEngines engines, long seq, CheckInconsistAction act) {
    Inconsistency inc = pending.remove(seq);
    if (inc == null) {
      throw new DaosException(DaosStatus.NONEXIST, String.format("no pending checker decision for seq 0x%x", seq));
    }
    int result = dryRun() || act == CheckInconsistAction.CIA_IGNORE ? 0
        : new CheckRepairs(db, engines, clock).apply(inc, act);
    inst.counted(act, result);
    Decision d = CheckDecisions.decide(inc, act, false);
    Decision done = new Decision(act, List.of(), List.of(), d.msg(), d.label());
    new CheckerStore(db).addOrUpdate(report(seq, inc, done, act, dryRun() ? CheckResult.DRY_RUN_VALUE : result));
    if (pending.values().stream().noneMatch(i -> i.pool().equals(inc.pool()))) {
      inst.poolDone(inc.pool(), now());
    }
    inst.settle(now());
  }

  synchronized void stop(Collection<UUID> pools) {
    pending.values().removeIf(i -> pools.isEmpty() || pools.contains(i.pool()));
    inst.stop(pools, now());
  }

  /** The last run was stopped before it completed (a new start resumes it rather than resetting). */
  synchronized boolean stopped() {
    return inst.status == io.daos.proto.chk.CheckInstStatus.CIS_STOPPED;
  }

  synchronized boolean running() {
    return inst.status == io.daos.proto.chk.CheckInstStatus.CIS_RUNNING;
  }

  synchronized CheckQueryResp query(Collection<UUID> pools) {
    long misc = inst.end > 0 ? inst.end - inst.start : 0;
    return CheckQueryResp.newBuilder().setInsStatus(inst.status).setInsPhase(inst.phase)
        .setInconsistency(inst.counters()).setTime(CheckQueryTime.newBuilder().setStartTime(inst.start)
            .setMiscTime(misc)).addAllPools(inst.queryPools(pools)).build();
  }

  /** The rank of the engine that gathered the last scan's clues, or -1. */
  synchronized int leaderRank() {
    return inst.leader;
  }

  private CheckReport report(long seq, Inconsistency inc, Decision d, CheckInconsistAction act, int result) {
    CheckReport.Builder b = CheckReport.newBuilder().setSeq(seq).setClass_(inc.cls()).setAction(act)
        .setResult(result).setRank(Math.max(inst.leader, 0)).setPoolUuid(inc.pool().toString())
        .setPoolLabel(d.label() == null ? "" : d.label()).setMsg(d.msg())
        .setTimestamp(STAMP.format(clock.instant().atZone(clock.getZone())));
    b.addAllActChoices(d.options()).addAllActDetails(d.details());
    return Findings.annotate(b.build());
  }

  private boolean dryRun() {
    return (flags & CheckFlag.CF_DRYRUN_VALUE) != 0;
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  private static long nextSeq(CheckerStore store) {
    return store.findings().stream().mapToLong(CheckReport::getSeq).max().orElse(0) + 1;
  }

  private static ChkCluesResp clues(PoolEngines engines, List<Integer> ranks) {
    ChkCluesResp r;
    try {
      r = ChkCluesResp.parseFrom(engines.callDrpc(ranks, DrpcMethod.MGMT_CHK_CLUES,
          ChkCluesReq.newBuilder().addAllRanks(ranks).build().toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (r.getStatus() != 0) {
      throw new DaosException(DaosStatus.fromCode(r.getStatus()), "gathering pool clues");
    }
    if (r.getFailedRanksCount() > 0) {
      throw new DaosException(DaosStatus.UNREACH, "ranks " + io.daos.common.ranklist.RankSet.ofInts(
          r.getFailedRanksList()) + " did not report their pools (their engine logs say why); check that they run "
          + "in checker mode and start the check again");
    }
    return r;
  }
}
