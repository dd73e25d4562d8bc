package io.daos.engine.pool.map;

import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.common.Futures;
import io.daos.common.Uuids;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.placement.TargetState;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.rebuild.PoolTgtDiscardReply;
import io.daos.proto.rebuild.PoolTgtDiscardReq;
import io.daos.proto.rebuild.TgtAddr;
import io.daos.rpc.RebuildRpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The discard before an extension (DAOS {@code pool_discard} with {@code pool_discard_filter_tgts} for EXTEND): the
 * targets of ranks not in the map yet, and targets still NEW, are emptied with POOL_TGT_DISCARD (a rank that held the
 * pool before, or a failed earlier extension, may have left data there); a rank with targets DOWN, DOWNOUT or DRAIN
 * cannot be extended (DER_BUSY); UP and UPIN targets are left alone.
 */
final class ExtendDiscard {
  private static final Logger LOG = LoggerFactory.getLogger(ExtendDiscard.class);
  private static final int BLOCKING = TargetState.DOWN.bit() | TargetState.DOWNOUT.bit() | TargetState.DRAIN.bit();

  private final String name;
  private final CartClient client;
  private final IntFunction<Optional<String>> rankUri;
  private final Duration timeout;

  ExtendDiscard(String name, CartClient client, IntFunction<Optional<String>> rankUri, Duration timeout) {
    this.name = name;
    this.client = client;
    this.rankUri = rankUri;
    this.timeout = timeout;
  }

  /** rank → the target indexes to discard; each new rank gets as many targets as the pool's ranks have. */
  static Map<Integer, List<Integer>> targets(PoolMap map, List<Integer> ranks) {
    Map<Integer, List<Integer>> out = new TreeMap<>();
    int ntgts = map.getRanksCount() == 0 ? 0 : map.getRanks(0).getTargetsCount();
    for (int rank : new TreeSet<>(ranks)) {
      PoolMapRank r = map.getRanksList().stream().filter(x -> x.getRank() == rank).findFirst().orElse(null);
      List<Integer> idx = new ArrayList<>();
      if (r == null) {
        for (int i = 0; i < ntgts; i++) {
          idx.add(i);
        }
      } else {
        for (int i = 0; i < r.getTargetsCount(); i++) {
          int st = r.getTargets(i).getState();
          if ((st & BLOCKING) != 0) {
            throw new DaosException(DaosStatus.BUSY, "cannot extend the pool with rank " + rank + ": its target "
                + i + " is " + PoolMapUpdate.state(st) + "; reintegrate the rank instead");
          }
          if (st == TargetState.NEW.bit()) {
            idx.add(i);
          }
        }
      }
      if (!idx.isEmpty()) {
        out.put(rank, idx);
      }
    }
    return out;
  }

  /** Sends the discards; the future fails with the first failed rank's status. */
  CompletableFuture<Void> discard(UUID pool, int mapVersion, Map<Integer, List<Integer>> targets) {
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> e : targets.entrySet()) {
      int rank = e.getKey();
      Optional<String> uri = rankUri.apply(rank);
      if (uri.isEmpty()) {
        return CompletableFuture.failedFuture(new DaosException(DaosStatus.UNREACH, "no address for rank " + rank
            + " to discard its targets before the extension; is the rank joined?"));
      }
      PoolTgtDiscardReq.Builder q = PoolTgtDiscardReq.newBuilder().setPoolUuid(Uuids.toByteString(pool))
          .setMapVer(mapVersion);
      e.getValue().forEach(i -> q.addAddrs(TgtAddr.newBuilder().setRank(rank).setTgt(i)));
      calls.add(client.callWrapped(uri.get(), RebuildRpc.POOL_TGT_DISCARD, 0, mapVersion, q.build().toByteArray(),
          null, timeout).handle((reply, x) -> {
            int st = x != null ? code(Futures.cause(x)) : status(reply);
            if (st != 0) {
              throw new DaosException(DaosStatus.fromCode(st), "POOL_TGT_DISCARD to rank " + rank + " failed");
            }
            return null;
          }));
    }
    if (!targets.isEmpty()) {
      LOG.info("{}: pool {}: discarding the targets of ranks {} before the extension", name, pool, targets.keySet());
    }
    return CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0]));
  }

  private static int code(Throwable t) {
    return t instanceof DaosException d ? d.status().code() : DaosStatus.UNREACH.code();
  }

  private static int status(CartReply reply) {
    try (reply) {
      if (reply.status() != 0) {
        return reply.status();
      }
      return PoolTgtDiscardReply.parseFrom(reply.bodyBytes()).getStatus();
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      return DaosStatus.PROTO.code();
    }
  }
}
