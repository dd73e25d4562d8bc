package io.daos.client.obj;

import io.daos.placement.object.ObjectId;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.daos.cart.Opcode;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.rpc.ObjRpc;
import io.daos.client.pool.PoolMapCache;
import io.daos.client.rpc.BulkSink;
import io.daos.client.rpc.EngineRpc;
import io.daos.client.rpc.Futures;
import io.daos.client.rpc.RpcReply;
import io.daos.common.Uuids;
import io.daos.placement.Shard;
import io.daos.common.Hlc;
import io.daos.proto.obj.DtxId;
import io.daos.proto.obj.ObjPunchReq;
import io.daos.proto.obj.ObjRwReq;
import io.daos.proto.obj.ObjTarget;
import io.daos.proto.obj.ShardTgt;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Object RPCs to shards, DAOS's client rules: a read goes to one replica of the group chosen at random and, when
 * that replica is unreachable or times out, to the others in turn (a replica answering DER_INPROGRESS, a DTX it is
 * resolving, is retried after a back-off); a modification goes only to the group's leader replica under a DTX, with
 * the other replicas as its forward list (see {@link #writeAll}). Every request carries the container handle and the
 * shard it is for.
 */
public final class ShardIo {
  private static final Logger LOG = LoggerFactory.getLogger(ShardIo.class);
  /** Resends of a timed-out modification (same DTX id) before its error is returned. */
  static final int MAX_RESEND = 2;
  /** Retries of a read answered DER_INPROGRESS (a DTX being resolved), backing off 10 ms doubling to 640 ms. */
  static final int MAX_INPROGRESS_RETRIES = 8;
  private static final Hlc HLC = Hlc.system();
  /** This thread's DTX uuid (DAOS's daos_dti_gen: one per thread, made once; the HLC makes each id unique). */
  private static final ThreadLocal<com.google.protobuf.ByteString> DTI_UUID =
      ThreadLocal.withInitial(() -> Uuids.toByteString(UUID.randomUUID()));
  private static final Set<DaosStatus> TRY_OTHER = Set.of(DaosStatus.UNREACH, DaosStatus.TIMEDOUT,
      DaosStatus.SHUTDOWN, DaosStatus.EXCLUDED);

  /** Builds the request body for one shard, at an epoch (0 = let the engine choose). */
  @FunctionalInterface
  public interface Body {
    MessageLite build(ObjTarget target, long epoch);
  }

  /**
   * One kind of object RPC: opcode, reply parser, the DER status in the reply body, and (for writes) the epoch the
   * reply reports.
   */
  public record Call<T>(Opcode opc, Parser<T> parser, ToIntFunction<T> status, ToLongFunction<T> epoch) {
  }

  private final EngineRpc rpc;
  private final RandomGenerator random;
  private final PoolMapCache map;
  private final ObjTarget base;

  /**
   * Shard RPCs through the client's {@code rpc}, replicas chosen with {@code random}, map versions checked against
   * the pool's {@code map}; every request starts from {@code base} ({@link #objTarget}).
   */
  public ShardIo(EngineRpc rpc, RandomGenerator random, PoolMapCache map, ObjTarget base) {
    this.rpc = rpc;
    this.random = random;
    this.map = map;
    this.base = base;
  }

  /** The target header of object {@code oid} in container {@code cont} (handle {@code hdl}) of {@code pool}. */
  public static ObjTarget objTarget(UUID pool, UUID cont, UUID hdl, io.daos.placement.object.ObjectId oid) {
    return ObjTarget.newBuilder().setPoolUuid(Uuids.toByteString(pool))
        .setContUuid(Uuids.toByteString(cont)).setContHdl(Uuids.toByteString(hdl))
        .setOidHi(oid.hi()).setOidLo(oid.lo()).build();
  }

  ObjTarget target(Shard s) {
    return base.toBuilder().setShard(s.shard()).build();
  }

  /** One RPC to one shard; a non-zero status fails the future with it. */
  <T> CompletableFuture<RpcReply<T>> send(int version, Shard s, Call<T> c, Body body, long epoch, Bulk bulk) {
    return send(version, s, c, body, epoch, bulk, null);
  }

  /**
   * {@link #send} whose reply bulk goes to {@code sink} (see {@link EngineRpc#call}). The request carries
   * {@code version}, the pool map version of the layout the shard came from: an engine with a newer map answers
   * DER_STALE ({@code obj_ioc_begin}), so the client re-places the object before it writes to an old layout.
   */
  <T> CompletableFuture<RpcReply<T>> send(int version, Shard s, Call<T> c, Body body, long epoch, Bulk bulk,
      BulkSink<T> sink) {
    return Futures.of(() -> rpc.call(s.rank(), s.index(), c.opc(), version,
        body.build(target(s), epoch), bulk == null ? null : bulk.wrap(), c.parser(), sink)).thenApply(r -> {
          map.observe(r.mapVersion());
          int st = r.status(c.status().applyAsInt(r.body()));
          if (st != 0) {
            String reason = reason(r.body());
            throw new DaosException(DaosStatus.fromCode(st), ObjRpc.name(c.opc()) + " to shard " + s.shard()
                + " (rank " + s.rank() + " target " + s.index() + ")" + (reason.isEmpty() ? "" : ": " + reason));
          }
          return r;
        });
  }

  /** The engine's reason on an error reply ({@code reason}, a jdaos extension of the object replies), or "". */
  static String reason(Object body) {
    if (!(body instanceof com.google.protobuf.Message m)) {
      return "";
    }
    com.google.protobuf.Descriptors.FieldDescriptor f = m.getDescriptorForType().findFieldByName("reason");
    return f == null ? "" : (String) m.getField(f);
  }

  /** Reads from one replica of {@code group}, starting at a random one, failing over on unreachable ones. */
  public <T> CompletableFuture<RpcReply<T>> read(int version, List<Shard> group, Call<T> c, Body body,
      BulkSink<T> sink) {
    List<Shard> readable = group.stream().filter(s -> s.placed() && !s.rebuilding()).toList();
    if (readable.isEmpty()) {
      return Futures.failed(DaosStatus.DATA_LOSS, "no readable replica among shards " + shardIds(group));
    }
    int start = random.nextInt(readable.size());
    List<Shard> order = new ArrayList<>(readable.size());
    for (int i = 0; i < readable.size(); i++) {
      order.add(readable.get((start + i) % readable.size()));
    }
    return readFrom(version, order, 0, c, body, sink, 0);
  }

  /**
   * A read from shard {@code s} only, as DAOS's {@code DIOF_TO_SPEC_SHARD} fetch: no fail-over to another replica
   * (an unreachable shard fails the read), DER_INPROGRESS retried with the same back-off as {@link #read}. For
   * comparing replicas; a shard that is not placed or is rebuilding fails with DER_NONEXIST.
   */
  public <T> CompletableFuture<RpcReply<T>> readShard(int version, Shard s, Call<T> c, Body body,
      BulkSink<T> sink) {
    if (!s.placed() || s.rebuilding()) {
      return Futures.failed(DaosStatus.NONEXIST, "shard " + s.shard() + " is " + (s.placed() ? "rebuilding"
          : "not placed") + " in pool map version " + map.version() + "; wait until its target is UPIN");
    }
    return readFrom(version, List.of(s), 0, c, body, sink, 0);
  }

  private <T> CompletableFuture<RpcReply<T>> readFrom(int version, List<Shard> order, int i, Call<T> c, Body body,
      BulkSink<T> sink, int busy) {
    return send(version, order.get(i), c, body, 0, null, sink).handle((r, e) -> {
      if (e == null) {
        return CompletableFuture.completedFuture(r);
      }
      DaosException de = Futures.unwrap(e);
      if (de.status() == DaosStatus.INPROGRESS && busy < MAX_INPROGRESS_RETRIES) {
        long delay = 10L << Math.min(busy, 6);
        LOG.debug("{} to shard {} is DER_INPROGRESS; retrying in {} ms", c.opc(), order.get(i).shard(), delay);
        Executor later = CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS);
        return CompletableFuture.supplyAsync(() -> null, later)
            .thenCompose(x -> readFrom(version, order, (i + 1) % order.size(), c, body, sink, busy + 1));
      }
      if (i + 1 < order.size() && TRY_OTHER.contains(de.status())) {
        LOG.debug("{} to shard {} failed ({}); trying another replica", c.opc(), order.get(i).shard(),
            de.status().symbol());
        return readFrom(version, order, i + 1, c, body, sink, busy);
      }
      return CompletableFuture.<RpcReply<T>>failedFuture(de);
    }).thenCompose(x -> x);
  }

  /**
   * A replicated modification, as DAOS's client sends it: only to the leader shard (index {@code leader} when it is
   * placed and not rebuilding, else the first such shard), under a new DTX id, with the other placed shards (those
   * rebuilding included) as the forward list; the leader picks the epoch, forwards, and replies once every shard has
   * succeeded. A timed-out request is resent with the same DTX id, which the leader answers without executing twice.
   */
  public <T> CompletableFuture<RpcReply<T>> writeAll(int version, List<Shard> shards, int leader, Call<T> c, Body body,
      Bulk bulk) {
    List<Shard> placed = shards.stream().filter(Shard::placed).toList();
    List<Shard> able = placed.stream().filter(s -> !s.rebuilding()).toList();
    if (able.isEmpty()) {
      return Futures.failed(DaosStatus.DATA_LOSS, "no placed shard among " + shardIds(shards));
    }
    Shard first = shards.get(leader).placed() && !shards.get(leader).rebuilding() ? shards.get(leader) : able.get(0);
    return writeTo(version, first, placed.stream().filter(s -> s != first).toList(), c, body, bulk);
  }

  /** A new DTX id as {@code daos_dti_gen}: the calling thread's uuid and a fresh HLC timestamp. */
  static DtxId newDtxId() {
    return DtxId.newBuilder().setUuid(DTI_UUID.get()).setHlc(HLC.now()).build();
  }

  /**
   * A modification sent to {@code leader} only, under a new DTX id, with {@code others} as its forward list (as
   * {@link #writeAll}; EC updates choose the leader and the shards themselves).
   */
  public <T> CompletableFuture<RpcReply<T>> writeTo(int version, Shard leader, List<Shard> others, Call<T> c,
      Body body, Bulk bulk) {
    Shard first = leader;
    List<ShardTgt> fwd = others.isEmpty() ? List.of() : new ArrayList<>(others.size());
    for (Shard s : others) {
      fwd.add(ShardTgt.newBuilder().setRank(s.rank()).setTgtIdx(s.index()).setShard(s.shard()).build());
    }
    DtxId dti = newDtxId();
    Body withDtx = (t, e) -> withDtx(body.build(t, e), dti, fwd);
    return sendResending(version, first, c, withDtx, bulk, 0);
  }

  private <T> CompletableFuture<RpcReply<T>> sendResending(int version, Shard s, Call<T> c, Body body, Bulk bulk,
      int resent) {
    return send(version, s, c, body, 0, bulk).handle((r, e) -> {
      if (e == null) {
        return CompletableFuture.completedFuture(r);
      }
      DaosException de = Futures.unwrap(e);
      if (de.status() == DaosStatus.TIMEDOUT && resent < MAX_RESEND) {
        LOG.debug("{} to leader shard {} timed out; resending with the same DTX id", c.opc(), s.shard());
        return sendResending(version, s, c, body, bulk, resent + 1);
      }
      return CompletableFuture.<RpcReply<T>>failedFuture(de);
    }).thenCompose(x -> x);
  }

  /** {@code m} with the DTX id and the forward list set (update and punch bodies; others as they are). */
  static MessageLite withDtx(MessageLite m, DtxId dti, List<ShardTgt> fwd) {
    if (m instanceof ObjRwReq r) {
      return r.toBuilder().setDti(dti).clearShardTgts().addAllShardTgts(fwd).build();
    }
    if (m instanceof ObjPunchReq p) {
      return p.toBuilder().setDti(dti).clearShardTgts().addAllShardTgts(fwd).build();
    }
    return m;
  }

  /** DAOS's leader choice: start at {@code (hash + group) % size}, the placed, non-rebuilding replica of lowest fseq. */
  public static int leader(List<Shard> group, long dkeyHash, int groupIdx) {
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
