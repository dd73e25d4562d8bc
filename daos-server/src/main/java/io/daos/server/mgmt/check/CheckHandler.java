package io.daos.server.mgmt.check;

import io.daos.common.ranklist.RankSet;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.proto.chk.CheckFlag;
import io.daos.proto.chk.CheckInconsistAction;
import io.daos.proto.chk.CheckReport;
import io.daos.proto.mgmt.CheckActReq;
import io.daos.proto.mgmt.CheckActResp;
import io.daos.proto.mgmt.CheckDisableReq;
import io.daos.proto.mgmt.CheckEnableReq;
import io.daos.proto.mgmt.CheckGetPolicyReq;
import io.daos.proto.mgmt.CheckGetPolicyResp;
import io.daos.proto.mgmt.CheckQueryReq;
import io.daos.proto.mgmt.CheckQueryResp;
import io.daos.proto.mgmt.CheckSetPolicyReq;
import io.daos.proto.mgmt.CheckStartReq;
import io.daos.proto.mgmt.CheckStartResp;
import io.daos.proto.mgmt.CheckStopReq;
import io.daos.proto.mgmt.CheckStopResp;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.SystemStartReq;
import io.daos.proto.mgmt.SystemStopReq;
import io.daos.proto.shared.CheckReportReq;
import io.daos.proto.shared.CheckReportResp;
import io.daos.server.mgmt.pool.PoolHandler;
import io.daos.server.mgmt.svc.MsAccess;
import io.daos.server.mgmt.svc.MsContext;
import io.daos.server.mgmt.svc.PoolEngines;
import io.daos.server.mgmt.system.RankControl;
import io.daos.server.system.Member;
import io.daos.server.system.MemberState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DAOS's {@code mgmt_check.go} on the MS leader: checker mode (enable restarts every rank in check mode, disable
 * stops them), policies, start/stop/query/repair against the {@link CheckLeader}, and the engine report relay.
 * Every request must reach the leader; all but enable and disable need the checker enabled and every member in
 * CheckerStarted (or AdminExcluded).
 */
public final class CheckHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CheckHandler.class);
  /** How long check start waits for the group updates of the ranks that joined before it. */
  private static final long GROUP_UPDATE_WAIT_S = 10;

  private final MsContext ctx;
  private final RankControl ranks;
  private final CheckLeader leader;

  public CheckHandler(MsContext ctx, RankControl ranks, Clock clock) {
    this.ctx = ctx;
    this.ranks = ranks;
    this.leader = new CheckLeader(clock);
  }

  /** Whether checker mode is on in this replica's database (false when it cannot tell). */
  public boolean checkerEnabled() {
    return ctx.access().ms().map(ms -> {
      try {
        return new CheckerStore(ms.db()).enabled();
      } catch (RuntimeException e) {
        return false;
      }
    }).orElse(false);
  }

  public DaosResp enable(CheckEnableReq req) {
    MsAccess.Ms ms = ctx.access().checkLeader(req.getSys());
    CheckerStore store = new CheckerStore(ms.db());
    if (store.enabled()) {
      return DaosResp.newBuilder().setStatus(DaosStatus.ALREADY.code()).build();
    }
    checkMemberStates(ms, MemberState.ADMIN_EXCLUDED, MemberState.STOPPED);
    write(() -> store.setEnabled(true));
    List<Integer> avail = ms.membership().members(null, MemberState.ALL_FILTER).stream()
        .filter(m -> m.state() != MemberState.ADMIN_EXCLUDED).map(Member::rank).toList();
    ranks.systemStart(SystemStartReq.newBuilder().setSys(req.getSys()).setCheckMode(true)
        .setRanks(RankSet.ofInts(avail).toString()).build());
    return DaosResp.getDefaultInstance();
  }

  public DaosResp disable(CheckDisableReq req) {
    MsAccess.Ms ms = ctx.access().checkLeader(req.getSys());
    CheckerStore store = new CheckerStore(ms.db());
    if (!store.enabled()) {
      return DaosResp.newBuilder().setStatus(DaosStatus.ALREADY.code()).build();
    }
    write(() -> store.setEnabled(false));
    if (leader.running()) {
      leader.stop(List.of());
    }
    List<Integer> check = checkRanks(ms);
    if (!check.isEmpty()) {
      ranks.systemStop(SystemStopReq.newBuilder().setSys(req.getSys()).setRanks(RankSet.ofInts(check).toString())
          .build());
    }
    return DaosResp.getDefaultInstance();
  }

  public CheckStartResp start(CheckStartReq req) {
    MsAccess.Ms ms = ready(req.getSys());
    CheckerStore store = new CheckerStore(ms.db());
    List<UUID> pools = resolve(ms, req.getUuidsList());
    CheckPolicies policies = store.policies().merged(req.getPoliciesList());
    write(() -> store.setLastUsed(policies));
    List<String> ids = pools.stream().map(UUID::toString).toList();
    if ((req.getFlags() & CheckFlag.CF_RESET_VALUE) != 0 || !leader.stopped()) {
      // A new instance (reset asked for, or the last run did not stop part-way): the old findings of the pools
      // it checks go, as DAOS's MS drops them when the engine reports the instance reset.
      write(() -> store.removeForPools(ids));
    } else {
      handleUnresolved(store, ids);
    }
    boolean orphans = (req.getFlags() & CheckFlag.CF_ORPHAN_POOL_VALUE) != 0;
    awaitGroupUpdates();
    leader.start(ms.db(), engines(), checkRanks(ms), new PoolComparison.Scope(Set.copyOf(pools), orphans),
        req.getFlags(), policies);
    return CheckStartResp.getDefaultInstance();
  }

  /**
   * Waits for the group updates queued so far (the joins of ranks that just started in checker mode): the check
   * leader engine reaches the other ranks by the group map they bring.
   */
  private void awaitGroupUpdates() {
    ctx.groupUpdate().ifPresent(g -> {
      try {
        g.request(false).get(GROUP_UPDATE_WAIT_S, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        LOG.warn("check start: the group update before it did not finish: {}", e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DaosException(DaosStatus.CANCELED, "interrupted waiting for the group update");
      }
    });
  }

  public CheckStopResp stop(CheckStopReq req) {
    MsAccess.Ms ms = ready(req.getSys());
    List<UUID> pools = resolve(ms, req.getUuidsList());
    if (!leader.running()) {
      return CheckStopResp.newBuilder().setStatus(DaosStatus.ALREADY.code()).build();
    }
    leader.stop(pools);
    return CheckStopResp.getDefaultInstance();
  }

  public CheckQueryResp query(CheckQueryReq req) {
    MsAccess.Ms ms = ctx.access().checkLeader(req.getSys());
    List<UUID> pools = resolve(ms, req.getUuidsList());
    Set<String> ids = pools.stream().map(UUID::toString).collect(Collectors.toSet());
    boolean shallow = req.getShallow() || req.getSeqsCount() > 0;
    CheckQueryResp.Builder b = shallow ? CheckQueryResp.newBuilder() : readyQuery(ms, pools).toBuilder();
    b.setLeader(leaderRank(ms));
    Set<Long> seqs = new HashSet<>(req.getSeqsList());
    new CheckerStore(ms.db()).findings().stream()
        .filter(f -> seqs.isEmpty() || seqs.contains(f.getSeq()))
        .filter(f -> ids.isEmpty() || ids.contains(f.getPoolUuid())).forEach(b::addReports);
    return b.build();
  }

  private CheckQueryResp readyQuery(MsAccess.Ms ms, List<UUID> pools) {
    verifyReady(ms);
    return leader.query(pools);
  }

  public CheckGetPolicyResp getPolicy(CheckGetPolicyReq req) {
    MsAccess.Ms ms = ready(req.getSys());
    CheckerStore store = new CheckerStore(ms.db());
    CheckPolicies p = req.getLastUsed() ? store.lastUsed().orElseGet(store::policies) : store.policies();
    return CheckGetPolicyResp.newBuilder().addAllPolicies(p.toList(req.getClassesList())).build();
  }

  public DaosResp setPolicy(CheckSetPolicyReq req) {
    MsAccess.Ms ms = ready(req.getSys());
    CheckerStore store = new CheckerStore(ms.db());
    CheckPolicies merged = store.policies().merged(req.getPoliciesList());
    write(() -> store.setPolicies(merged));
    return DaosResp.getDefaultInstance();
  }

  public CheckActResp repair(CheckActReq req) {
    MsAccess.Ms ms = ready(req.getSys());
    CheckerStore store = new CheckerStore(ms.db());
    CheckReport f = store.finding(req.getSeq()).orElseThrow(() -> CheckerStore.notFound(req.getSeq()));
    if (!f.getActChoicesList().contains(req.getAct())) {
      throw new IllegalArgumentException("invalid action " + req.getAct() + " (must be one of "
          + validChoices(f) + ")");
    }
    leader.act(ms.db(), engines(), req.getSeq(), req.getAct());
    return CheckActResp.getDefaultInstance();
  }

  /** Registers an engine's report (DAOS SystemCheckEngineReport), annotated, with the MS's label if it has none. */
  public CheckReportResp engineReport(CheckReportReq req) {
    if (!req.hasReport()) {
      throw new IllegalArgumentException("no report in request");
    }
    MsAccess.Ms ms = ctx.access().checkLeader(ctx.access().systemName());
    verifyReady(ms);
    CheckReport r = req.getReport();
    if (r.getPoolLabel().isEmpty() && !r.getPoolUuid().isEmpty()) {
      UUID u = PoolHandler.parseUuid(r.getPoolUuid());
      String label = ms.db().findPoolServiceByUuid(u).map(p -> p.poolLabel()).orElse("");
      r = r.toBuilder().setPoolLabel(label).build();
    }
    CheckReport annotated = Findings.annotate(r);
    write(() -> new CheckerStore(ms.db()).addOrUpdate(annotated));
    return CheckReportResp.getDefaultInstance();
  }

  private static String validChoices(CheckReport f) {
    if (f.getActChoicesCount() == 0) {
      return "no valid action choices (already repaired?)";
    }
    return f.getActChoicesList().stream().map(a -> Integer.toString(a.getNumber()))
        .collect(Collectors.joining(","));
  }

  /**
   * DAOS handleUnresolvedInteractions: unresolved findings of the pools about to be scanned are dropped (the scan
   * finds them again); those of other pools become stale.
   */
  private void handleUnresolved(CheckerStore store, List<String> pools) {
    List<CheckReport> kept = new ArrayList<>();
    for (CheckReport f : store.findings()) {
      boolean open = f.getAction() == CheckInconsistAction.CIA_INTERACT
          || f.getAction() == CheckInconsistAction.CIA_STALE;
      if (open && (pools.isEmpty() || pools.contains(f.getPoolUuid()))) {
        continue;
      }
      kept.add(open ? Findings.annotate(f.toBuilder().setAction(CheckInconsistAction.CIA_STALE).build()) : f);
    }
    write(() -> store.save(kept));
  }

  private MsAccess.Ms ready(String sys) {
    MsAccess.Ms ms = ctx.access().checkLeader(sys);
    verifyReady(ms);
    return ms;
  }

  /** DAOS verifyCheckerReady. */
  private static void verifyReady(MsAccess.Ms ms) {
    if (!new CheckerStore(ms.db()).enabled()) {
      throw CheckerFaults.notEnabled();
    }
    checkMemberStates(ms, MemberState.ADMIN_EXCLUDED, MemberState.CHECKER_STARTED);
  }

  /** DAOS checkMemberStates: every member must be in one of {@code states}. */
  static void checkMemberStates(MsAccess.Ms ms, MemberState... states) {
    int mask = MemberState.maskOf(states);
    List<Integer> bad = ms.membership().members(null, MemberState.ALL_FILTER).stream()
        .filter(m -> !m.state().matches(mask)).map(Member::rank).toList();
    if (!bad.isEmpty()) {
      boolean stop = Stream.of(states).anyMatch(s -> s == MemberState.STOPPED);
      String expected = Stream.of(states).map(MemberState::tableString).collect(Collectors.joining("|"));
      throw CheckerFaults.incorrectMemberStates(stop, RankSet.ofInts(bad).toString(), expected);
    }
  }

  private static List<Integer> checkRanks(MsAccess.Ms ms) {
    return ms.membership().members(MemberState.CHECKER_STARTED).stream().map(Member::rank).sorted().toList();
  }

  /** The check leader's rank: the engine that gathered the last clues, else the lowest check-mode rank. */
  private int leaderRank(MsAccess.Ms ms) {
    int r = leader.leaderRank();
    if (r >= 0) {
      return r;
    }
    return checkRanks(ms).stream().findFirst().orElse(-1);
  }

  private static List<UUID> resolve(MsAccess.Ms ms, List<String> ids) {
    List<UUID> out = new ArrayList<>();
    for (String id : ids) {
      UUID u = PoolHandler.tryUuid(id);
      out.add(u != null ? u : PoolHandler.lookup(ms, id).poolUuid());
    }
    return out;
  }

  private PoolEngines engines() {
    return ctx.poolEngines().orElseThrow(() -> new IllegalStateException("harness has no managed instances"));
  }

  private void write(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      throw ctx.access().translate(e);
    }
  }
}
