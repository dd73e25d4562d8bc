package io.daos.engine.rebuild;

import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.common.Uuids;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.EnginePool;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.vos.Iod;
import io.daos.engine.vos.Recx;
import io.daos.engine.vos.VersionRecord;
import io.daos.engine.vos.VosContainer;
import io.daos.engine.vos.tree.IodType;
import io.daos.engine.vos.tree.VosObjectId;
import io.daos.proto.rebuild.MigrateObj;
import io.daos.proto.rebuild.ObjHistoryReply;
import io.daos.proto.rebuild.ObjHistoryReq;
import io.daos.proto.rebuild.ObjMigrateReq;
import io.daos.rpc.RebuildRpc;
import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;

/**
 * The destination side of a rebuild ({@code srv_obj_migrate.c}: {@code migrate_one_ult}): for each object it was
 * sent, enumerate every version from the surviving replica (DAOS_OBJ_RPC_ENUMERATE, page by page) and write each
 * at its original epoch on the new shard, on the destination target's own thread, so the copy reads the same at
 * every epoch (snapshots included). Objects are pulled one after another. An object whose container the source no
 * longer has (destroyed during the rebuild) is skipped: nothing to pull, no container created here.
 */
final class MigratePuller {
  /** Value bytes per enumeration reply. */
  static final int PAGE_BYTES = 1 << 20;

  private final PoolTargets pools;
  private final IntFunction<Executor> targetExecutor;
  private final CartClient client;
  private final IntFunction<Optional<String>> rankUri;
  private final Duration rpcTimeout;
  private final EcMigrate ec;

  MigratePuller(PoolTargets pools, IntFunction<Executor> targetExecutor, CartClient client,
      IntFunction<Optional<String>> rankUri, Duration rpcTimeout) {
    this.pools = pools;
    this.targetExecutor = targetExecutor;
    this.client = client;
    this.rankUri = rankUri;
    this.rpcTimeout = rpcTimeout;
    this.ec = new EcMigrate(this);
  }

  /** Pulls every object of {@code req}, adding what it writes to {@code local} page by page. */
  CompletableFuture<Counts> pull(ObjMigrateReq req, LocalRebuild local) {
    UUID pool = Uuids.required(req.getPoolUuid(), "pool");
    UUID cont = Uuids.required(req.getContUuid(), "container");
    EnginePool ep = pools.get(pool);
    if (ep == null) {
      return CompletableFuture.failedFuture(new DaosException(DaosStatus.NONEXIST,
          "pool " + pool + " has no targets on this engine; cannot rebuild objects here"));
    }
    CompletableFuture<Counts> all = CompletableFuture.completedFuture(Counts.ZERO);
    for (MigrateObj o : req.getObjsList()) {
      all = all.thenCompose(sum -> (o.getEcRebuild() ? ec.pull(req, ep, cont, o, local)
          : pullObject(req, ep, cont, o, ByteString.EMPTY, Counts.ZERO, local))
          .thenApply(c -> {
            local.objs.incrementAndGet();
            return sum.plus(new Counts(1, c.recs(), c.bytes()));
          }));
    }
    return all;
  }

  private CompletableFuture<Counts> pullObject(ObjMigrateReq req, EnginePool ep, UUID cont, MigrateObj o,
      ByteString anchor, Counts sofar, LocalRebuild local) {
    if (local.aborted) {
      return CompletableFuture.failedFuture(new DaosException(DaosStatus.OP_CANCELED,
          "rebuild of pool " + local.pool + " version " + local.version + " was stopped"));
    }
    Executor exec = targetExecutor.apply(o.getTgtIdx());
    return enumerate(req, o, o.getSrcRank(), o.getSrcTgt(), o.getSrcShard(), anchor)
        .thenCompose(page -> page == null ? CompletableFuture.completedFuture(sofar)
            : CompletableFuture.supplyAsync(() -> {
              // Checked on the target's thread: a fail-reclaim queued there after the abort runs after this.
              if (local.aborted) {
                throw new DaosException(DaosStatus.OP_CANCELED, "rebuild of pool " + local.pool + " version "
                    + local.version + " was stopped");
              }
              return apply(ep.container(o.getTgtIdx(), cont), ep, o, page);
            }, exec)
                .thenCompose(durable -> durable).thenCompose(got -> {
                  local.add(got);
                  Counts total = sofar.plus(got);
                  io.daos.engine.vos.Anchor next =
                      io.daos.engine.vos.Anchor.fromBytes(page.getAnchor().toByteArray());
                  if (next.eof() || page.getAnchor().isEmpty()) {
                    return CompletableFuture.completedFuture(total);
                  }
                  return pullObject(req, ep, cont, o, page.getAnchor(), total, local);
                }));
  }

  /** One page of the history of shard {@code shard} of {@code o} on {@code rank}'s target {@code tgt}. */
  CompletableFuture<ObjHistoryReply> enumerate(ObjMigrateReq req, MigrateObj o, int rank, int tgt, int shard,
      ByteString anchor) {
    String uri = rankUri.apply(rank).orElse(null);
    if (uri == null) {
      return CompletableFuture.failedFuture(new DaosException(DaosStatus.UNREACH,
          "no address for rank " + rank + ", a shard to rebuild from"));
    }
    ObjHistoryReq h = ObjHistoryReq.newBuilder().setPoolUuid(req.getPoolUuid()).setContUuid(req.getContUuid())
        .setContHdl(req.getContHdl()).setOidHi(o.getOidHi()).setOidLo(o.getOidLo()).setShard(shard)
        .setAnchor(anchor).setMaxBytes(PAGE_BYTES).build();
    return client.callWrapped(uri, RebuildRpc.OBJ_ENUMERATE, tgt, req.getRebuildVer(), h.toByteArray(), null,
        rpcTimeout).thenApply(MigratePuller::page);
  }

  Executor executor(int tgtIdx) {
    return targetExecutor.apply(tgtIdx);
  }

  /**
   * The enumeration's page; null when the source has no such container (DER_CONT_NONEXIST: the user destroyed it
   * during the rebuild, so there is nothing left to rebuild and nothing to create here, as DAOS's puller ignores
   * a container gone under it).
   */
  private static ObjHistoryReply page(CartReply reply) {
    try (reply) {
      if (reply.status() == DaosStatus.CONT_NONEXIST.code()) {
        return null;
      }
      if (reply.status() != 0) {
        throw new DaosException(DaosStatus.fromCode(reply.status()), "enumerating a replica for rebuild failed");
      }
      ObjHistoryReply r = ObjHistoryReply.parseFrom(reply.bodyBytes());
      if (r.getStatus() == DaosStatus.CONT_NONEXIST.code()) {
        return null;
      }
      if (r.getStatus() != 0) {
        throw new DaosException(DaosStatus.fromCode(r.getStatus()), "enumerating a replica for rebuild failed");
      }
      return r;
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new DaosException(DaosStatus.PROTO, "malformed DAOS_OBJ_RPC_ENUMERATE reply: " + e.getMessage());
    }
  }

  /**
   * Submits one page's versions, oldest epoch first, as one group commit, on the target's thread; the future
   * completes once they are durable, without holding the target's thread meanwhile.
   */
  private static CompletableFuture<Counts> apply(VosContainer c, EnginePool ep, MigrateObj o, ObjHistoryReply page) {
    List<VersionRecord> recs = new ArrayList<>(HistoryCodec.decode(page.getRecordsList()));
    recs.sort(Comparator.comparingLong(VersionRecord::epoch));
    return apply(c, ep, o, recs);
  }

  /** Submits {@code recs} (in epoch order) to shard {@code o.shard} on the target's thread; see above. */
  static CompletableFuture<Counts> apply(VosContainer c, EnginePool ep, MigrateObj o, List<VersionRecord> recs) {
    VosObjectId oid = new VosObjectId(o.getOidHi(), o.getOidLo(), o.getShard());
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    long n = 0;
    long bytes = 0;
    for (VersionRecord r : recs) {
      writes.add(write(c, oid, r));
      if (r.kind() == VersionRecord.Kind.SINGLE || r.kind() == VersionRecord.Kind.ARRAY) {
        n++;
        bytes += r.size();
      }
    }
    ep.target(o.getTgtIdx()).commitPending();
    Counts got = new Counts(0, n, bytes);
    return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).thenApply(v -> got);
  }

  private static CompletableFuture<Void> write(VosContainer c, VosObjectId oid, VersionRecord r) {
    long e = r.epoch();
    switch (r.kind()) {
      case OBJ_PUNCH:
        return c.submitPunchObject(e, oid, 0);
      case DKEY_PUNCH:
        return c.submitPunchDkeys(e, oid, List.of(r.dkey()), 0);
      case AKEY_PUNCH:
        return c.submitPunchAkeys(e, oid, r.dkey(), List.of(r.akey()), 0);
      case SINGLE:
        return c.submitUpdate(e, oid, r.dkey(), List.of(r.hole()
            ? new Iod(r.akey(), IodType.SINGLE, 0, List.of(), new byte[0], 0) : Iod.single(r.akey(), r.data())), 0);
      default:
        Recx x = new Recx(r.start(), r.nr());
        return c.submitUpdate(e, oid, r.dkey(), List.of(r.hole()
            ? Iod.array(r.akey(), 0, List.of(x), new byte[0]) : Iod.array(r.akey(), r.recordSize(), List.of(x),
            r.data())), 0);
    }
  }
}
