package io.daos.server.mgmt.system;

import io.daos.common.ranklist.RankSet;
import io.daos.proto.mgmt.SystemStartReq;
import io.daos.proto.mgmt.SystemStartResp;
import io.daos.proto.mgmt.SystemStopReq;
import io.daos.proto.mgmt.SystemStopResp;
import io.daos.proto.shared.RankResult;
import io.daos.server.fanout.Fanout;
import io.daos.server.fanout.HostSets;
import io.daos.server.fanout.MemberProtos;
import io.daos.server.fanout.RanksMethod;
import io.daos.server.mgmt.svc.MsAccess;
import io.daos.server.mgmt.svc.MsContext;
import io.daos.server.mgmt.svc.MsErrors;
import io.daos.server.system.MemberResult;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SystemStop and SystemStart on the MS leader (DAOS mgmt_system.go): select ranks, drop or refuse
 * administratively excluded ones, fan out PrepShutdownRanks (unless forced; abort on errors) then StopRanks,
 * or StartRanks, and answer with per-rank results and the absent ranks and hosts.
 */
public final class RankControl {
  private static final Logger LOG = LoggerFactory.getLogger(RankControl.class);

  private final MsContext ctx;

  public RankControl(MsContext ctx) {
    this.ctx = ctx;
  }

  public SystemStopResp systemStop(SystemStopReq req) {
    SystemHandler.requireNonNull(req);
    MsAccess.Ms ms = ctx.access().checkLeader(req.getSys());
    Fanout fanout = ctx.fanout(ms);
    Fanout.Selection sel = select(ms, fanout, req.getHosts(), req.getRanks(), req.getIgnoreAdminExcluded());
    try {
      if (!req.getForce()) {
        List<MemberResult> prep = fanout.run(RanksMethod.PREP_SHUTDOWN, sel.hit(), false, false);
        if (prep.stream().anyMatch(MemberResult::errored)) {
          return stopResp(RanksMethod.PREP_SHUTDOWN, prep, sel);
        }
      }
      return stopResp(RanksMethod.STOP, fanout.run(RanksMethod.STOP, sel.hit(), req.getForce(), false), sel);
    } catch (RuntimeException e) {
      throw ctx.access().translate(e);
    }
  }

  public SystemStartResp systemStart(SystemStartReq req) {
    SystemHandler.requireNonNull(req);
    MsAccess.Ms ms = ctx.access().checkLeader(req.getSys());
    Fanout fanout = ctx.fanout(ms);
    Fanout.Selection sel = select(ms, fanout, req.getHosts(), req.getRanks(), req.getIgnoreAdminExcluded());
    List<MemberResult> results;
    try {
      results = fanout.run(RanksMethod.START, sel.hit(), false, req.getCheckMode());
      ms.membership().rejoinStartedErrored(results);
    } catch (RuntimeException e) {
      throw ctx.access().translate(e);
    }
    logFailures(RanksMethod.START, results);
    return SystemStartResp.newBuilder().addAllResults(toProto(RanksMethod.START, results))
        .setAbsentranks(sel.missRanks().toString()).setAbsenthosts(HostSets.ranged(sel.missHosts())).build();
  }

  private static SystemStopResp stopResp(RanksMethod method, List<MemberResult> results, Fanout.Selection sel) {
    logFailures(method, results);
    return SystemStopResp.newBuilder().addAllResults(toProto(method, results))
        .setAbsentranks(sel.missRanks().toString()).setAbsenthosts(HostSets.ranged(sel.missHosts())).build();
  }

  private static void logFailures(RanksMethod method, List<MemberResult> results) {
    RankSet failed = RankSet.ofInts(results.stream().filter(MemberResult::errored).map(MemberResult::rank).toList());
    if (!failed.isEmpty()) {
      LOG.error("system {} failed during \"{}\" action, failed {} {}", method == RanksMethod.START ? "start" : "stop",
          method.action(), failed.count() == 1 ? "rank" : "ranks", failed);
    }
  }

  private static List<RankResult> toProto(RanksMethod method, List<MemberResult> results) {
    List<RankResult> out = new ArrayList<>();
    results.forEach(r -> out.add(MemberProtos.toProto(r, method.action())));
    return out;
  }

  /**
   * DAOS getFanoutNoAdminExcluded: whole-system requests (or ignore_admin_excluded) skip administratively
   * excluded ranks; explicit requests naming them are refused.
   */
  private static Fanout.Selection select(MsAccess.Ms ms, Fanout fanout, String hosts, String ranks,
      boolean ignoreAdminExcluded) {
    Fanout.Selection sel = fanout.resolve(hosts, ranks);
    List<Integer> excluded = sel.hit().ints().stream().filter(ms.membership()::isRankAdminExcluded).toList();
    if (ignoreAdminExcluded || (hosts.isEmpty() && ranks.isEmpty())) {
      List<Integer> kept = sel.hit().ints().stream().filter(r -> !excluded.contains(r)).toList();
      if (kept.isEmpty()) {
        throw new IllegalArgumentException("all requested ranks are administratively excluded");
      }
      return sel.withHit(RankSet.ofInts(kept));
    }
    if (!excluded.isEmpty()) {
      throw MsErrors.rankAdminExcluded(excluded);
    }
    return sel;
  }
}
