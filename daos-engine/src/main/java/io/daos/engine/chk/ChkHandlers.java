package io.daos.engine.chk;

import io.daos.cart.CartClient;
import io.daos.cart.CartReplier;
import io.daos.cart.CartRequest;
import io.daos.cart.CartServer;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.server.DrpcCallContext;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.engine.fanout.CartFanout;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.proto.chk.ChkCluesReq;
import io.daos.proto.chk.ChkCluesResp;
import io.daos.proto.chk.ChkStartReply;
import io.daos.proto.chk.ChkStartReq;
import io.daos.rpc.ChkRpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checker's pool-list scan on an engine: CHK_START over CART-J answers this rank's {@link LocalClues};
 * MGMT_CHK_CLUES (dRPC from daos_server) sends CHK_START to every rank asked for and returns all clues, with the
 * ranks that did not answer (as DAOS's check leader gathers {@code ds_pool_clues} from each rank).
 */
public final class ChkHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(ChkHandlers.class);

  private final String name;
  private final LocalClues local;
  private final CartFanout fanout;
  private final IntFunction<Optional<String>> rankUri;
  private final IntSupplier rank;
  private final Duration timeout;

  public ChkHandlers(String name, PoolTargets pools, PoolServices services, IntSupplier rank, CartClient client,
      IntFunction<Optional<String>> rankUri, Duration timeout) {
    this.name = name;
    this.local = new LocalClues(pools, services, rank);
    this.fanout = new CartFanout(client);
    this.rankUri = rankUri;
    this.rank = rank;
    this.timeout = timeout;
  }

  public DrpcRegistry registerOn(DrpcRegistry r) {
    return r.register(DrpcMethod.MGMT_CHK_CLUES, this::clues);
  }

  /** Registers CHK_START; bodies run on {@code executor} (they read pool service databases). */
  public CartServer registerOn(CartServer s, Executor executor) {
    return s.register(ChkRpc.START, (req, reply) -> serveStart(req, reply, executor));
  }

  byte[] clues(DrpcCallContext ctx, byte[] body) throws Exception {
    ChkCluesReq req = ChkCluesReq.parseFrom(body);
    ChkCluesResp.Builder out = ChkCluesResp.newBuilder().setLeader(rank.getAsInt());
    List<Integer> ranks = new ArrayList<>();
    List<CartFanout.Call> calls = new ArrayList<>();
    byte[] start = ChkStartReq.newBuilder().setLeader(rank.getAsInt()).build().toByteArray();
    for (int r : req.getRanksList()) {
      Optional<String> uri = rankUri.apply(r);
      if (uri.isEmpty()) {
        out.addFailedRanks(r);
      } else {
        ranks.add(r);
        calls.add(new CartFanout.Call(uri.get(), ChkRpc.START, start));
      }
    }
    List<CartFanout.Outcome> outcomes = fanout.call(calls, timeout);
    for (int i = 0; i < outcomes.size(); i++) {
      collect(ranks.get(i), outcomes.get(i), out);
    }
    return out.build().toByteArray();
  }

  private void collect(int r, CartFanout.Outcome o, ChkCluesResp.Builder out) {
    try {
      ChkStartReply reply = o.status() == 0 ? ChkStartReply.parseFrom(o.body()) : null;
      if (reply != null && reply.getStatus() == 0) {
        out.addAllClues(reply.getCluesList());
        return;
      }
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      LOG.warn("{}: malformed CHK_START reply from rank {}: {}", name, r, e.getMessage());
    }
    LOG.warn("{}: rank {} gave no pool clues (status {})", name, r, o.status());
    out.addFailedRanks(r);
  }

  private void serveStart(CartRequest req, CartReplier reply, Executor executor) {
    try {
      ChkStartReq.parseFrom(req.bodyBytes());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      reply.error(DaosStatus.PROTO, 0);
      return;
    }
    try {
      executor.execute(() -> reply.ok(0, startReply().toByteArray()));
    } catch (RejectedExecutionException e) {
      reply.ok(0, ChkStartReply.newBuilder().setStatus(DaosStatus.SHUTDOWN.code()).build().toByteArray());
    }
  }

  private ChkStartReply startReply() {
    try {
      return ChkStartReply.newBuilder().addAllClues(local.list(timeout.dividedBy(2))).build();
    } catch (DaosException e) {
      LOG.error("{}: listing pool clues failed: {}", name, e.getMessage());
      return ChkStartReply.newBuilder().setStatus(e.status().code()).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ChkStartReply.newBuilder().setStatus(DaosStatus.SHUTDOWN.code()).build();
    } catch (RuntimeException e) {
      LOG.error("{}: listing pool clues failed: {}", name, e.toString(), e);
      return ChkStartReply.newBuilder().setStatus(DaosStatus.MISC.code()).build();
    }
  }
}
