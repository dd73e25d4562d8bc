package io.daos.server.mgmt;

import io.daos.common.build.BuildInfo;
import io.daos.proto.mgmt.BuildInfo.Builder;
import io.daos.proto.mgmt.ClientNetHint;
import io.daos.proto.mgmt.GetAttachInfoReq;
import io.daos.proto.mgmt.GetAttachInfoResp;
import io.daos.proto.mgmt.LeaderQueryReq;
import io.daos.proto.mgmt.LeaderQueryResp;
import io.daos.proto.mgmt.SystemQueryReq;
import io.daos.proto.mgmt.SystemQueryResp;
import io.daos.proto.shared.ClusterEventReq;
import io.daos.proto.shared.ClusterEventResp;
import io.daos.server.system.GroupMap;
import io.daos.server.system.Member;
import io.daos.server.system.MemberState;
import io.daos.server.system.RankEntry;
import io.daos.server.system.RasEvent;
import io.daos.server.system.SystemException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MS's system RPCs (DAOS server/mgmt_system.go) other than the rank fan-outs (see {@link RankControl})
 * and Join (see {@link JoinHandler}): LeaderQuery, SystemQuery, GetAttachInfo and ClusterEvent, each with
 * DAOS's serving rule.
 */
public final class SystemHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SystemHandler.class);

  private final MsAccess access;
  private final List<ClientNetHint> netHints;
  private final MsContext ctx;

  SystemHandler(MsContext ctx) {
    this.ctx = ctx;
    this.access = ctx.access();
    this.netHints = ctx.netHints();
  }

  /** LeaderQuery (any server): the leader's address and the replicas; not-replica redirection elsewhere. */
  public LeaderQueryResp leaderQuery(LeaderQueryReq req) {
    requireNonNull(req);
    access.checkSystem(req.getSys());
    if (!access.isReplica()) {
      throw MsErrors.notReplica(access.replicas());
    }
    String leader = access.ms().flatMap(ms -> ms.db().leader()).orElse("");
    return LeaderQueryResp.newBuilder().setCurrentLeader(leader).addAllReplicas(access.replicas()).build();
  }

  /** SystemQuery (any replica): members filtered by ranks/hosts/state mask, plus what was not found. */
  public SystemQueryResp systemQuery(SystemQueryReq req) {
    requireNonNull(req);
    MsAccess.Ms ms = access.checkReplica(req.getSys());
    Fanout.Selection sel = ctx.fanout(ms).resolve(req.getHosts(), req.getRanks());
    SystemQueryResp.Builder resp = SystemQueryResp.newBuilder()
        .setAbsentranks(sel.missRanks().toString())
        .setAbsenthosts(HostSets.ranged(sel.missHosts()))
        .setSysSelfHealPolicy(selfHealPolicy(ms));
    if (sel.hit().isEmpty()) {
      if (req.getRanks().isEmpty() && req.getHosts().isEmpty()) {
        throw MsErrors.raftUnavailable();
      }
      return resp.build();
    }
    int mask = req.getStateMask() == 0 ? MemberState.ALL_FILTER : req.getStateMask();
    for (Member m : ms.membership().members(sel.hit(), mask)) {
      resp.addMembers(MemberProtos.toProto(m));
    }
    netHints.forEach(h -> resp.addProviders(h.getProvider()));
    return resp.setDataVersion(ms.db().dataVersion()).build();
  }

  private String selfHealPolicy(MsAccess.Ms ms) {
    return SystemAttrHandler.selfHeal(ctx.systemProperties(), ms);
  }

  /** GetAttachInfo (any replica): rank URIs (MS ranks only unless all_ranks), client network hints. */
  public GetAttachInfoResp getAttachInfo(GetAttachInfoReq req) {
    requireNonNull(req);
    MsAccess.Ms ms = access.checkReplica(req.getSys());
    if (netHints.isEmpty()) {
      throw new IllegalStateException("clientNetworkHint is missing");
    }
    GroupMap gm = ms.membership().groupMap(ctx.resolvedReplicas());
    GetAttachInfoResp.Builder resp = GetAttachInfoResp.newBuilder();
    for (Map.Entry<Integer, RankEntry> e : gm.rankEntries().entrySet()) {
      if (req.getAllRanks() || gm.msRanks().contains(e.getKey())) {
        addRankUris(resp, e.getKey(), e.getValue());
      }
    }
    resp.setClientNetHint(netHints.get(0)).addAllSecondaryClientNetHints(netHints.subList(1, netHints.size()));
    gm.msRanks().forEach(resp::addMsRanks);
    return resp.setDataVersion(ms.db().dataVersion()).setSys(access.systemName()).setBuildInfo(buildInfo()).build();
  }

  private void addRankUris(GetAttachInfoResp.Builder resp, int rank, RankEntry entry) {
    if (netHints.size() < entry.secondaryUris().size() + 1) {
      throw new IllegalStateException(String.format("not enough client network hints (%d) for rank %d URIs (%d)",
          netHints.size(), rank, entry.secondaryUris().size() + 1));
    }
    resp.addRankUrisBuilder().setRank(rank).setUri(entry.primaryUri()).setNumCtxs(entry.numPrimaryCtxs());
    for (int i = 0; i < entry.secondaryUris().size(); i++) {
      resp.addSecondaryRankUrisBuilder().setRank(rank).setUri(entry.secondaryUris().get(i)).setProviderIdx(i + 1)
          .setNumCtxs(entry.numSecondaryCtxs().get(i));
    }
  }

  static io.daos.proto.mgmt.BuildInfo buildInfo() {
    Builder b = io.daos.proto.mgmt.BuildInfo.newBuilder();
    return b.setMajor(BuildInfo.DAOS_VERSION.major()).setMinor(BuildInfo.DAOS_VERSION.minor())
        .setPatch(BuildInfo.DAOS_VERSION.patch()).build();
  }

  /**
   * ClusterEvent (leader): engine_died makes the member Errored, swim_rank_dead excludes it (self_heal
   * permitting); a changed membership triggers a group update. Acknowledges with the request's sequence.
   */
  public ClusterEventResp clusterEvent(ClusterEventReq req) {
    requireNonNull(req);
    MsAccess.Ms ms = access.checkLeader(access.systemName());
    if (!req.hasEvent()) {
      throw new IllegalArgumentException("handle cluster event: nil event in request");
    }
    RasEvent evt = MemberProtos.fromProto(req.getEvent());
    LOG.debug("MS leader got RAS event {} (rank {}) from {}", evt.id().daosName(), evt.rank(), evt.hostname());
    boolean changed;
    try {
      changed = ms.membership().onEvent(evt);
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
    if (changed) {
      ctx.groupUpdate().ifPresent(g -> g.request(false));
    }
    return ClusterEventResp.newBuilder().setSequence(req.getSequence()).build();
  }

  static void requireNonNull(Object req) {
    if (req == null) {
      throw new IllegalArgumentException("nil request");
    }
  }

}
