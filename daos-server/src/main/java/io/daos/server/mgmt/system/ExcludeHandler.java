package io.daos.server.mgmt.system;

import io.daos.proto.mgmt.SystemExcludeReq;
import io.daos.proto.mgmt.SystemExcludeResp;
import io.daos.server.fanout.Fanout;
import io.daos.server.fanout.HostSets;
import io.daos.server.fanout.MemberProtos;
import io.daos.server.mgmt.svc.MsAccess;
import io.daos.server.mgmt.svc.MsContext;
import io.daos.server.system.MemberResult;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SystemExclude on the MS leader (DAOS mgmt_system.go): {@code dmg system exclude} makes the named ranks
 * AdminExcluded (they may not rejoin), {@code clear-exclude} makes them Excluded (they rejoin on their next
 * start). Unknown ranks or hosts are refused; the changed map is pushed to the engines.
 */
public final class ExcludeHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ExcludeHandler.class);

  private final MsContext ctx;

  public ExcludeHandler(MsContext ctx) {
    this.ctx = ctx;
  }

  public SystemExcludeResp systemExclude(SystemExcludeReq req) {
    SystemHandler.requireNonNull(req);
    MsAccess.Ms ms = ctx.access().checkLeader(req.getSys());
    if (req.getHosts().isEmpty() && req.getRanks().isEmpty()) {
      throw new IllegalArgumentException("no hosts or ranks specified");
    }
    Fanout.Selection sel = ctx.fanout(ms).resolve(req.getHosts(), req.getRanks());
    if (!sel.missHosts().isEmpty()) {
      throw new IllegalArgumentException("invalid host(s): " + HostSets.ranged(sel.missHosts()));
    }
    if (!sel.missRanks().isEmpty()) {
      throw new IllegalArgumentException("invalid rank(s): " + sel.missRanks());
    }
    List<MemberResult> results;
    try {
      results = req.getClear() ? ms.membership().clearExclude(sel.hit()) : ms.membership().adminExclude(sel.hit());
    } catch (RuntimeException e) {
      throw ctx.access().translate(e);
    }
    LOG.info("system exclude{}: ranks {}", req.getClear() ? " --clear" : "", sel.hit());
    ctx.groupUpdate().ifPresent(g -> g.request(false));
    SystemExcludeResp.Builder resp = SystemExcludeResp.newBuilder();
    results.forEach(r -> resp.addResults(MemberProtos.toProto(r, r.action())));
    return resp.build();
  }
}
