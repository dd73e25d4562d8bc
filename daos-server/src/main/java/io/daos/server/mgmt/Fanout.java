package io.daos.server.mgmt;

import io.daos.common.ranklist.RankSet;
import io.daos.proto.ctl.RanksReq;
import io.daos.proto.ctl.RanksResp;
import io.daos.server.system.MemberResult;
import io.daos.server.system.MemberState;
import io.daos.server.system.Membership;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DAOS's rank fan-out (server/mgmt_system.go resolveRanks + rpcFanout): resolves a request's ranks or hosts
 * against the membership, sends one RanksReq per hosting server, turns host errors into Unresponsive
 * results, removes duplicates and applies the results to member states.
 */
final class Fanout {
  private static final Logger LOG = LoggerFactory.getLogger(Fanout.class);

  private final Membership membership;
  private final ControlInvoker invoker;
  private final int controlPort;
  private final Duration deadline;

  Fanout(Membership membership, ControlInvoker invoker, int controlPort, Duration deadline) {
    this.membership = membership;
    this.invoker = invoker;
    this.controlPort = controlPort;
    this.deadline = deadline;
  }

  /** Member ranks selected by a rank list or a host list (not both); blank both = every member. */
  Selection resolve(String hosts, String ranks) {
    boolean hasHosts = hosts != null && !hosts.isEmpty();
    boolean hasRanks = ranks != null && !ranks.isEmpty();
    if (hasHosts && hasRanks) {
      throw new IllegalArgumentException("ranklist and hostlist cannot both be set in request");
    }
    if (hasHosts) {
      Membership.HostCheck hc = membership.checkHosts(hosts, controlPort);
      return new Selection(hc.ranks(), RankSet.empty(), hc.missingHosts());
    }
    Membership.RankCheck rc = membership.checkRanks(hasRanks ? ranks : "");
    return new Selection(rc.hit(), rc.miss(), List.of());
  }

  /** Selected member ranks, and the requested ranks and hosts that are not members. */
  record Selection(RankSet hit, RankSet missRanks, List<String> missHosts) {
    Selection withHit(RankSet h) {
      return new Selection(h, missRanks, missHosts);
    }
  }

  /** Sends {@code method} for {@code ranks} to their hosts and updates member states from the results. */
  List<MemberResult> run(RanksMethod method, RankSet ranks, boolean force, boolean checkMode) {
    return run(method, ranks, force, checkMode, true);
  }

  /** As the four-argument run; failed results change member states only if {@code updateOnFail}. */
  List<MemberResult> run(RanksMethod method, RankSet ranks, boolean force, boolean checkMode, boolean updateOnFail) {
    if (ranks.isEmpty()) {
      return List.of();
    }
    RanksReq req = RanksReq.newBuilder().setRanks(ranks.toString()).setForce(force).setCheckMode(checkMode).build();
    SortedMap<String, List<Integer>> hostRanks = membership.hostRanks(ranks);
    LOG.debug("MS fan-out {} for ranks {} to hosts {}", method.rpcName(), ranks, hostRanks.keySet());
    List<HostResponse> responses = invoker.invokeRanks(method, List.copyOf(hostRanks.keySet()), req, deadline);
    List<MemberResult> results = dedup(collect(responses, hostRanks));
    if (results.size() != ranks.count()) {
      LOG.debug("MS fan-out {}: expected {} results, got {}", method.rpcName(), ranks.count(), results.size());
    }
    return membership.updateMemberStates(results, updateOnFail);
  }

  private static List<MemberResult> collect(List<HostResponse> responses, Map<String, List<Integer>> hostRanks) {
    List<MemberResult> out = new ArrayList<>();
    for (HostResponse hr : responses) {
      if (hr.failed()) {
        String msg = errorText(hr.error());
        LOG.debug("harness {} (ranks {}) host error: {}", hr.addr(), hostRanks.get(hr.addr()), msg);
        for (int rank : hostRanks.getOrDefault(hr.addr(), List.of())) {
          out.add(MemberResult.failed(rank, msg, MemberState.UNRESPONSIVE).withAddr(hr.addr()));
        }
        continue;
      }
      RanksResp resp = hr.response();
      resp.getResultsList().forEach(r -> out.add(MemberProtos.fromProto(r)));
    }
    return out;
  }

  private static String errorText(Throwable t) {
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  private static List<MemberResult> dedup(List<MemberResult> results) {
    Map<Integer, MemberResult> seen = new LinkedHashMap<>();
    for (MemberResult r : results) {
      MemberResult prev = seen.putIfAbsent(r.rank(), r);
      if (prev != null && !prev.equals(r)) {
        LOG.error("nonidentical result for same rank: {} != {}", prev, r);
      }
    }
    return new ArrayList<>(seen.values());
  }
}
