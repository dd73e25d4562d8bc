package io.daos.engine.mgmt;

import io.daos.cart.CartClient;
import io.daos.cart.CartServer;
import io.daos.cart.Opcode;
import io.daos.common.Ticker;
import io.daos.common.status.DaosStatus;
import io.daos.proto.mgmt.GroupUpdateReq;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DAOS's map distribution after a GROUP_UPDATE (dRPC 232): the MS sends the group map to one engine, which
 * broadcasts it to every other rank with {@code MGMT_TGT_MAP_UPDATE}; a rank that does not answer is retried until
 * it does or a newer map supersedes the broadcast. Receivers install the map if it is newer than theirs.
 */
public final class GroupMapDistributor {
  static final Opcode TGT_MAP_UPDATE = io.daos.rpc.MgmtRpc.TGT_MAP_UPDATE;

  private static final Logger LOG = LoggerFactory.getLogger(GroupMapDistributor.class);
  private static final long RETRY_MS = 250;
  private static final Duration GIVE_UP = Duration.ofMinutes(2);

  private final String name;
  private final EngineState state;
  private final CartClient client;
  private final ScheduledExecutorService timer;
  private final Duration timeout;
  private final Ticker ticker;

  public GroupMapDistributor(String name, EngineState state, CartClient client, ScheduledExecutorService timer,
      Duration timeout) {
    this(name, state, client, timer, timeout, Ticker.SYSTEM);
  }

  /** As above; {@code ticker} is the clock of the broadcast's deadline (retries run on {@code timer}). */
  GroupMapDistributor(String name, EngineState state, CartClient client, ScheduledExecutorService timer,
      Duration timeout, Ticker ticker) {
    this.name = name;
    this.state = state;
    this.client = client;
    this.timer = timer;
    this.timeout = timeout;
    this.ticker = ticker;
  }

  /** Serves MGMT_TGT_MAP_UPDATE: installs the map carried in the body (a GroupUpdateReq). */
  public CartServer registerOn(CartServer s) {
    return s.register(TGT_MAP_UPDATE, (req, reply) -> {
      GroupUpdateReq map;
      try {
        map = GroupUpdateReq.parseFrom(req.bodyBytes());
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        LOG.warn("{}: malformed map update from {}: {}", name, req.peer(), e.getMessage());
        reply.error(DaosStatus.INVAL, state.mapVersion());
        return;
      }
      install(map, "rank broadcast");
      reply.ok(state.mapVersion(), new byte[0]);
    });
  }

  /** Installs {@code req} locally; true when it was newer than the current map. */
  boolean install(GroupUpdateReq req, String from) {
    Map<Integer, GroupMap.Member> members = new HashMap<>();
    for (GroupUpdateReq.Engine e : req.getEnginesList()) {
      members.put(e.getRank(), new GroupMap.Member(e.getRank(), e.getUri(), e.getIncarnation()));
    }
    boolean installed = state.updateGroupMap(new GroupMap(req.getMapVersion(), members));
    LOG.info("{}: group map version {} with {} ranks {} ({})", name, req.getMapVersion(), members.size(),
        installed ? "installed" : "ignored (older than current)", from);
    return installed;
  }

  /** Sends {@code req} to every rank in it but this engine's, retrying each until it answers. */
  public void broadcast(GroupUpdateReq req) {
    long deadline = ticker.nanoTime() + GIVE_UP.toNanos();
    int self = state.rank().orElse(-1);
    for (GroupUpdateReq.Engine e : req.getEnginesList()) {
      if (e.getRank() != self) {
        send(req, e, deadline);
      }
    }
  }

  private void send(GroupUpdateReq req, GroupUpdateReq.Engine to, long deadline) {
    if (state.groupMap().version() > req.getMapVersion()) {
      return;
    }
    client.callWrapped(to.getUri(), TGT_MAP_UPDATE, 0, state.mapVersion(), req.toByteArray(), null, timeout)
        .whenComplete((r, err) -> {
          int status = r == null ? -1 : r.status();
          if (r != null) {
            r.close();
          }
          if (err == null && status == 0) {
            return;
          }
          if (ticker.nanoTime() - deadline > 0) {
            LOG.warn("{}: rank {} never took group map version {}", name, to.getRank(), req.getMapVersion());
            return;
          }
          LOG.debug("{}: map update to rank {} failed ({}); retrying", name, to.getRank(),
              err != null ? err.getMessage() : "status " + status);
          try {
            timer.schedule(() -> send(req, to, deadline), RETRY_MS, TimeUnit.MILLISECONDS);
          } catch (java.util.concurrent.RejectedExecutionException stopped) {
            LOG.debug("{}: engine stopping; map broadcast dropped", name);
          }
        });
  }
}
