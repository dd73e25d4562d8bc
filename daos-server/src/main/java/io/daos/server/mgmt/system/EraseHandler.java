package io.daos.server.mgmt.system;

import io.daos.common.Ticker;
import io.daos.control.errors.NotLeaderException;
import io.daos.proto.mgmt.SystemEraseReq;
import io.daos.proto.mgmt.SystemEraseResp;
import io.daos.server.fanout.Fanout;
import io.daos.server.fanout.HostResponse;
import io.daos.server.fanout.MemberProtos;
import io.daos.server.fanout.RanksMethod;
import io.daos.server.mgmt.svc.LocalEraser;
import io.daos.server.mgmt.svc.MsAccess;
import io.daos.server.mgmt.svc.MsContext;
import io.daos.server.mgmt.svc.MsErrors;
import io.daos.server.system.MemberResult;
import io.daos.server.system.MemberState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
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

  private static final int PEER_RETRIES = 25;
  private static final Duration PEER_RETRY = Duration.ofMillis(200);

  private final MsContext ctx;
  private final Ticker ticker;

  public EraseHandler(MsContext ctx) {
    this(ctx, Ticker.SYSTEM);
  }

  /** As above; {@code ticker} paces the retries of a replica that does not know yet that it may erase. */
  EraseHandler(MsContext ctx, Ticker ticker) {
    this.ctx = ctx;
    this.ticker = ticker;
  }

  public SystemEraseResp systemErase(SystemEraseReq req) {
    SystemHandler.requireNonNull(req);
    MsAccess.Ms ms = ctx.access().checkReplica(req.getSys());
    LOG.debug("Received SystemErase RPC");
    if (!ms.db().isLeader()) {
      if (!allAwaitFormat(ms)) {
        throw notLeader(ms);
      }
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

  /**
   * A replica that is not the leader erases itself only once the leader has reset every rank (all members
   * AwaitFormat, as the leader's fan-out recorded them): dmg sends SystemErase to several replicas at once, and
   * a follower that erased itself on dmg's request (and answered first) would take the leader's quorum away in
   * the middle of its fan-out. Before that it redirects the client to the leader, as for any leader request.
   */
  private static boolean allAwaitFormat(MsAccess.Ms ms) {
    return ms.membership().members(MemberState.AWAIT_FORMAT).size() == ms.membership().count();
  }

  private static RuntimeException notLeader(MsAccess.Ms ms) {
    return MsErrors.notLeader(ms.db().leader().orElse(""), ms.db().replicas());
  }

  /**
   * Tells the other replicas to erase; an unreachable one is skipped (DAOS: retryable connection errors). A
   * follower that has not applied the AwaitFormat states yet answers not-leader: it is asked again shortly.
   */
  private void erasePeers(MsAccess.Ms ms) {
    String self = ms.db().leader().orElse("");
    List<String> peers = new ArrayList<>(ctx.resolvedReplicas());
    peers.remove(self);
    for (String peer : peers) {
      HostResponse hr = ctx.invoker().systemErase(peer, ctx.access().systemName(), ctx.fanoutDeadline());
      for (int i = 0; i < PEER_RETRIES && hr.failed() && notLeader(hr.error()); i++) {
        sleep();
        hr = ctx.invoker().systemErase(peer, ctx.access().systemName(), ctx.fanoutDeadline());
      }
      if (hr.failed()) {
        LOG.warn("system erase: MS replica {} not erased: {}", peer, hr.error().toString());
      }
    }
  }

  private static boolean notLeader(Throwable e) {
    return e instanceof NotLeaderException
        || String.valueOf(e.getMessage()).contains("not the DAOS Management Service leader");
  }

  private void sleep() {
    try {
      ticker.sleep(PEER_RETRY);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
