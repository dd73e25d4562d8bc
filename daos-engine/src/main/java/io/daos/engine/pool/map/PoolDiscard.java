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
 * The pool service's discard before a map change brings targets in (DAOS {@code pool_discard} with {@code
 * pool_discard_filter_tgts}), sent before the map is updated, so that no client or rebuild writes to a target while
 * it is emptied:
 * <ul>
 *   <li>EXTEND ({@link #extendTargets}): the targets of ranks not in the map yet, and targets still NEW, are emptied
 *   (a rank that held the pool before, or a failed earlier extension, may have left data there); a rank with targets
 *   DOWN, DOWNOUT or DRAIN cannot be extended (DER_BUSY); UP and UPIN targets are left alone.</li>
 *   <li>REINT with the default {@code data_sync} mode ({@link #reintTargets}): the returning targets that are DOWN or
 *   DOWNOUT now lose their stale data; the reintegration's rebuild then pulls everything back.</li>
 * </ul>
 */
final class PoolDiscard {
  private static final Logger LOG = LoggerFactory.getLogger(PoolDiscard.class);
  private static final int BLOCKING = TargetState.DOWN.bit() | TargetState.DOWNOUT.bit() | TargetState.DRAIN.bit();

  private final String name;
  private final CartClient client;
  private final IntFunction<Optional<String>> rankUri;
  private final Duration timeout;

  PoolDiscard(String name, CartClient client, IntFunction<Optional<String>> rankUri, Duration timeout) {
    this.name = name;
    this.client = client;
    this.rankUri = rankUri;
    this.timeout = timeout;
  }

  /**
   * For a reintegration of {@code addrs} (index {@link PoolMapUpdate.TargetAddr#ALL} = every target of the rank):
   * rank → the indexes of those targets that are DOWN or DOWNOUT in {@code map}.
   */
  static Map<Integer, List<Integer>> reintTargets(PoolMap map, List<PoolMapUpdate.TargetAddr> addrs) {
    Map<Integer, List<Integer>> out = new TreeMap<>();
    int downOrOut = TargetState.DOWN.bit() | TargetState.DOWNOUT.bit();
    for (PoolMapRank r : map.getRanksList()) {
      for (int i = 0; i < r.getTargetsCount(); i++) {
        int idx = i;
        boolean named = addrs.stream().anyMatch(a -> a.rank() == r.getRank()
            && (a.index() == PoolMapUpdate.TargetAddr.ALL || a.index() == idx));
        if (named && (r.getTargets(i).getState() & downOrOut) != 0) {
          out.computeIfAbsent(r.getRank(), k -> new ArrayList<>()).add(i);
        }
      }
    }
    return out;
  }

  /** For an extension: rank → the target indexes to discard; a new rank gets as many targets as the pool's have. */
  static Map<Integer, List<Integer>> extendTargets(PoolMap map, List<Integer> ranks) {
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

  /** Sends the discards before {@code why} ("the extension"); the future fails with the first failed rank's status. */
  CompletableFuture<Void> discard(UUID pool, int mapVersion, Map<Integer, List<Integer>> targets, String why) {
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> e : targets.entrySet()) {
      int rank = e.getKey();
      Optional<String> uri = rankUri.apply(rank);
      if (uri.isEmpty()) {
        return CompletableFuture.failedFuture(new DaosException(DaosStatus.UNREACH, "no address for rank " + rank
            + " to discard its targets before " + why + "; is the rank joined?"));
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
      LOG.info("{}: pool {}: discarding targets {} (rank: indexes) before {}", name, pool, targets, why);
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
