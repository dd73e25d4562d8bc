package io.daos.server.mgmt;

import io.daos.proto.mgmt.SystemEraseReq;
import io.daos.proto.mgmt.SystemEraseResp;
import io.daos.server.system.MemberResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SystemErase (any replica, DAOS mgmt_system.go): the leader fans ResetFormatRanks out to every member (their
 * superblocks go, their engines wait for a format) and, if every rank was reset, tells the other replicas to
 * erase themselves and finally erases its own MS database. A replica that is not the leader resets its own
 * engines and erases its database. Afterwards {@code dmg storage format} builds a fresh system: ranks from 0,
 * no pools. That no rank still runs is checked by the client (dmg), as DAOS does; a running rank makes its
 * host's reset fail.
 */
public final class EraseHandler {
  private static final Logger LOG = LoggerFactory.getLogger(EraseHandler.class);

  private final MsContext ctx;

  EraseHandler(MsContext ctx) {
    this.ctx = ctx;
  }

  public SystemEraseResp systemErase(SystemEraseReq req) {
    SystemHandler.requireNonNull(req);
    MsAccess.Ms ms = ctx.access().checkReplica(req.getSys());
    LOG.debug("Received SystemErase RPC");
    if (!ms.db().isLeader()) {
      LOG.info("MS replica (not leader): erasing system database and engine superblocks");
      ctx.eraser().ifPresent(LocalEraser::resetEngines);
      erase();
      return SystemEraseResp.getDefaultInstance();
    }
    Fanout fanout = ctx.fanout(ms);
    List<MemberResult> results;
    try {
      results = fanout.run(RanksMethod.RESET_FORMAT, fanout.resolve("", "").hit(), false, false, false);
    } catch (RuntimeException e) {
      throw ctx.access().translate(e);
    }
    SystemEraseResp.Builder resp = SystemEraseResp.newBuilder();
    results.forEach(r -> resp.addResults(MemberProtos.toProto(r, RanksMethod.RESET_FORMAT.action())));
    if (results.stream().anyMatch(MemberResult::errored)) {
      return resp.build();
    }
    erasePeers(ms);
    LOG.info("MS leader: erasing system database");
    erase();
    return resp.build();
  }

  /** Tells the other replicas to erase; an unreachable one is skipped (DAOS: retryable connection errors). */
  private void erasePeers(MsAccess.Ms ms) {
    String self = ms.db().leader().orElse("");
    List<String> peers = new ArrayList<>(ctx.resolvedReplicas());
    peers.remove(self);
    for (String peer : peers) {
      HostResponse hr = ctx.invoker().systemErase(peer, ctx.access().systemName(), ctx.fanoutDeadline());
      if (hr.failed()) {
        LOG.warn("system erase: MS replica {} not erased: {}", peer, hr.error().toString());
      }
    }
  }

  private void erase() {
    ctx.eraser().ifPresent(e -> {
      try {
        e.eraseDatabase();
      } catch (IOException err) {
        throw new UncheckedIOException("erasing system database: " + err.getMessage(), err);
      }
    });
  }
}
