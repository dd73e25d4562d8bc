package io.daos.client;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.daos.cart.Opcode;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.placement.Shard;
import io.daos.proto.obj.ObjTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Object RPCs to shards, DAOS's client rules: a read goes to one replica of the group chosen at random and, when
 * that replica is unreachable or times out, to the others in turn; a write goes to the group's leader replica
 * (which picks the epoch) and then to every other replica at that epoch, and succeeds only when all succeed. Every
 * request carries the container handle and the shard it is for.
 */
final class ShardIo {
  private static final Logger LOG = LoggerFactory.getLogger(ShardIo.class);
  private static final Set<DaosStatus> TRY_OTHER = Set.of(DaosStatus.UNREACH, DaosStatus.TIMEDOUT,
      DaosStatus.SHUTDOWN, DaosStatus.EXCLUDED);

  /** Builds the request body for one shard, at an epoch (0 = let the engine choose). */
  @FunctionalInterface
  interface Body {
    MessageLite build(ObjTarget target, long epoch);
  }

  /**
   * One kind of object RPC: opcode, reply parser, the DER status in the reply body, and (for writes) the epoch the
   * reply reports.
   */
  record Call<T>(Opcode opc, Parser<T> parser, ToIntFunction<T> status, ToLongFunction<T> epoch) {
  }

  private final DaosContainer cont;
  private final ObjTarget base;

  ShardIo(DaosContainer cont, io.daos.placement.object.ObjectId oid) {
    this.cont = cont;
    this.base = ObjTarget.newBuilder().setPoolUuid(Uuids.toByteString(cont.pool().uuid()))
        .setContUuid(Uuids.toByteString(cont.uuid())).setContHdl(Uuids.toByteString(cont.handle()))
        .setOidHi(oid.hi()).setOidLo(oid.lo()).build();
  }

  ObjTarget target(Shard s) {
    return base.toBuilder().setShard(s.shard()).build();
  }

  /** One RPC to one shard; a non-zero status fails the future with it. */
  <T> CompletableFuture<RpcReply<T>> send(Shard s, Call<T> c, Body body, long epoch, Bulk bulk) {
    return send(s, c, body, epoch, bulk, null);
  }

  /** {@link #send} whose reply bulk goes to {@code sink} (see {@link EngineRpc#call}). */
  <T> CompletableFuture<RpcReply<T>> send(Shard s, Call<T> c, Body body, long epoch, Bulk bulk, BulkSink<T> sink) {
    PoolMapCache map = cont.pool().mapCache();
    return Futures.of(() -> cont.pool().ctx().rpc().call(s.rank(), s.index(), c.opc(), map.version(),
        body.build(target(s), epoch), bulk, c.parser(), sink)).thenApply(r -> {
          map.observe(r.mapVersion());
          int st = r.status(c.status().applyAsInt(r.body()));
          if (st != 0) {
            throw new DaosException(DaosStatus.fromCode(st), c.opc() + " to shard " + s.shard() + " (rank "
                + s.rank() + " target " + s.index() + ")");
          }
          return r;
        });
  }

  /** Reads from one replica of {@code group}, starting at a random one, failing over on unreachable ones. */
  <T> CompletableFuture<RpcReply<T>> read(List<Shard> group, Call<T> c, Body body, BulkSink<T> sink) {
    List<Shard> readable = group.stream().filter(s -> s.placed() && !s.rebuilding()).toList();
    if (readable.isEmpty()) {
      return Futures.failed(DaosStatus.DATA_LOSS, "no readable replica among shards " + shardIds(group));
    }
    int start = cont.pool().ctx().random().nextInt(readable.size());
    List<Shard> order = new ArrayList<>(readable.size());
    for (int i = 0; i < readable.size(); i++) {
      order.add(readable.get((start + i) % readable.size()));
    }
    return readFrom(order, 0, c, body, sink);
  }

  private <T> CompletableFuture<RpcReply<T>> readFrom(List<Shard> order, int i, Call<T> c, Body body,
      BulkSink<T> sink) {
    return send(order.get(i), c, body, 0, null, sink).handle((r, e) -> {
      if (e == null) {
        return CompletableFuture.completedFuture(r);
      }
      DaosException de = Futures.unwrap(e);
      if (i + 1 < order.size() && TRY_OTHER.contains(de.status())) {
        LOG.debug("{} to shard {} failed ({}); trying another replica", c.opc(), order.get(i).shard(),
            de.status().symbol());
        return readFrom(order, i + 1, c, body, sink);
      }
      return CompletableFuture.<RpcReply<T>>failedFuture(de);
    }).thenCompose(x -> x);
  }

  /**
   * Writes to every placed shard of {@code shards}: the leader (index {@code leader}) first, which picks the epoch,
   * then the others in parallel at that epoch. Returns the leader's reply.
   */
  <T> CompletableFuture<RpcReply<T>> writeAll(List<Shard> shards, int leader, Call<T> c, Body body, Bulk bulk) {
    List<Shard> placed = shards.stream().filter(Shard::placed).toList();
    if (placed.isEmpty()) {
      return Futures.failed(DaosStatus.DATA_LOSS, "no placed shard among " + shardIds(shards));
    }
    Shard first = shards.get(leader).placed() ? shards.get(leader) : placed.get(0);
    return send(first, c, body, 0, bulk).thenCompose(r -> {
      long epoch = c.epoch().applyAsLong(r.body());
      List<CompletableFuture<RpcReply<T>>> rest = placed.stream().filter(s -> s != first)
          .map(s -> send(s, c, body, epoch, bulk)).toList();
      return Futures.all(rest).thenApply(l -> r);
    });
  }

  /** DAOS's leader choice: start at {@code (hash + group) % size}, the placed, non-rebuilding replica of lowest fseq. */
  static int leader(List<Shard> group, long dkeyHash, int groupIdx) {
    int n = group.size();
    int start = (int) Long.remainderUnsigned(dkeyHash + groupIdx, n);
    int best = start;
    for (int i = 0; i < n; i++) {
      int k = (start + i) % n;
      Shard s = group.get(k);
      Shard b = group.get(best);
      boolean bOk = b.placed() && !b.rebuilding();
      if (s.placed() && !s.rebuilding() && (!bOk || s.fseq() < b.fseq())) {
        best = k;
      }
    }
    return best;
  }

  private static List<Integer> shardIds(List<Shard> shards) {
    return shards.stream().map(Shard::shard).toList();
  }
}
