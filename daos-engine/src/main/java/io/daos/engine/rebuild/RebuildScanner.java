package io.daos.engine.rebuild;

import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.common.Uuids;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.EnginePool;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.vos.Anchor;
import io.daos.engine.vos.EnumPage;
import io.daos.engine.vos.VosContainer;
import io.daos.engine.vos.tree.VosObjectId;
import io.daos.placement.JumpMap;
import io.daos.placement.Layout;
import io.daos.placement.PoolMap;
import io.daos.placement.Shard;
import io.daos.placement.TargetState;
import io.daos.placement.object.ObjectId;
import io.daos.proto.rebuild.MigrateObj;
import io.daos.proto.rebuild.ObjMigrateReply;
import io.daos.proto.rebuild.ObjMigrateReq;
import io.daos.proto.rebuild.RebuildScanReq;
import io.daos.rpc.RebuildRpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scan side of a rebuild ({@code scan.c}: {@code rebuild_scanner}, {@code rebuild_obj_scan_cb}): every local
 * target iterates its containers and object shards on its own thread, places each object on the new map, and for
 * each shard of the object's redundancy group that the new layout marks rebuilding, sends the object to that
 * shard's new target (DAOS_OBJ_RPC_MIGRATE). DAOS lets every surviving replica send and the destination drop
 * duplicates; here only the group's lowest-index surviving shard sends (it names itself as the replica to pull
 * from). The MIGRATE reply comes once the destination has pulled, so the scan's future completes when everything
 * this engine sent is rebuilt, with the destination's counts.
 */
final class RebuildScanner {
  private static final Logger LOG = LoggerFactory.getLogger(RebuildScanner.class);
  /** Objects per MIGRATE request. */
  static final int BATCH = 32;
  private static final int LIST_BATCH = 256;

  private final String name;
  private final PoolTargets pools;
  private final IntFunction<Executor> targetExecutor;
  private final CartClient client;
  private final IntFunction<Optional<String>> rankUri;
  private final Duration pullTimeout;

  RebuildScanner(String name, PoolTargets pools, IntFunction<Executor> targetExecutor, CartClient client,
      IntFunction<Optional<String>> rankUri, Duration pullTimeout) {
    this.name = name;
    this.pools = pools;
    this.targetExecutor = targetExecutor;
    this.client = client;
    this.rankUri = rankUri;
    this.pullTimeout = pullTimeout;
  }

  /** One object to send: to {@code rank}, in container {@code cont}. */
  record Send(int rank, UUID cont, MigrateObj obj) {
  }

  /** Scans every local target of the pool and sends; completes with what the destinations rebuilt. */
  CompletableFuture<Scanned> scan(RebuildScanReq req, int myRank) {
    UUID pool = Uuids.required(req.getPoolUuid(), "pool");
    EnginePool ep = pools.get(pool);
    if (ep == null) {
      return CompletableFuture.completedFuture(new Scanned(0, Counts.ZERO));
    }
    PoolMap map = RebuildMaps.toPlacement(req.getNewMap());
    List<CompletableFuture<List<Send>>> perTarget = new ArrayList<>();
    for (int t = 0; t < ep.targetCount(); t++) {
      int tgt = t;
      perTarget.add(CompletableFuture.supplyAsync(() -> scanTarget(ep, tgt, map, myRank), targetExecutor.apply(t)));
    }
    return CompletableFuture.allOf(perTarget.toArray(new CompletableFuture<?>[0])).thenCompose(v -> {
      List<Send> sends = new ArrayList<>();
      perTarget.forEach(f -> sends.addAll(f.join()));
      LOG.info("{}: rebuild {} v{}: {} object shards to send", name, pool, req.getRebuildVer(), sends.size());
      return send(req, sends).thenApply(c -> new Scanned(sends.size(), c));
    });
  }

  /** What one engine's scan sent and what the destinations rebuilt. */
  record Scanned(long toberb, Counts rebuilt) {
  }

  private List<Send> scanTarget(EnginePool ep, int tgt, PoolMap map, int myRank) {
    List<Send> out = new ArrayList<>();
    JumpMap jump = JumpMap.create();
    for (UUID cont : ep.target(tgt).listContainers()) {
      VosContainer c = ep.container(tgt, cont);
      Anchor a = Anchor.ZERO;
      while (!a.eof()) {
        EnumPage<VosObjectId> page = c.listObjects(-1, a, LIST_BATCH);
        for (VosObjectId v : page.items()) {
          objectSends(jump, map, myRank, tgt, cont, v, out);
        }
        a = page.anchor();
      }
    }
    return out;
  }

  private void objectSends(JumpMap jump, PoolMap map, int myRank, int tgt, UUID cont, VosObjectId v,
      List<Send> out) {
    Layout layout;
    try {
      layout = jump.place(new ObjectId(v.lo(), v.hi()), map);
    } catch (DaosException e) {
      LOG.debug("{}: skipping object {} in rebuild: {}", name, v, e.getMessage());
      return;
    }
    if (v.shard() >= layout.shards().size()) {
      return;
    }
    List<Shard> group = layout.group(v.shard() / layout.groupSize());
    Shard sender = null;
    for (Shard s : group) {
      if (s.placed() && !s.rebuilding() && map.target(s.target()).state() == TargetState.UPIN) {
        sender = s;
        break;
      }
    }
    if (sender == null || sender.shard() != v.shard() || sender.rank() != myRank || sender.index() != tgt) {
      return;
    }
    for (Shard s : group) {
      if (s.placed() && s.rebuilding()) {
        out.add(new Send(s.rank(), cont, MigrateObj.newBuilder().setOidHi(v.hi()).setOidLo(v.lo())
            .setShard(s.shard()).setTgtIdx(s.index()).setSrcRank(myRank).setSrcTgt(tgt).setSrcShard(v.shard())
            .build()));
      }
    }
  }

  /** MIGRATE per (destination rank, container), {@link #BATCH} objects a request, all in flight at once. */
  private CompletableFuture<Counts> send(RebuildScanReq req, List<Send> sends) {
    Map<String, List<Send>> byDest = new LinkedHashMap<>();
    for (Send s : sends) {
      byDest.computeIfAbsent(s.rank() + "/" + s.cont(), k -> new ArrayList<>()).add(s);
    }
    List<CompletableFuture<Counts>> calls = new ArrayList<>();
    for (List<Send> l : byDest.values()) {
      for (int i = 0; i < l.size(); i += BATCH) {
        calls.add(migrate(req, l.subList(i, Math.min(l.size(), i + BATCH))));
      }
    }
    return CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
      Counts sum = Counts.ZERO;
      for (CompletableFuture<Counts> f : calls) {
        sum = sum.plus(f.join());
      }
      return sum;
    });
  }

  private CompletableFuture<Counts> migrate(RebuildScanReq req, List<Send> batch) {
    int rank = batch.get(0).rank();
    String uri = rankUri.apply(rank).orElse(null);
    if (uri == null) {
      return CompletableFuture.failedFuture(new DaosException(DaosStatus.UNREACH,
          "no address for rank " + rank + ", a rebuild destination"));
    }
    ObjMigrateReq.Builder m = ObjMigrateReq.newBuilder().setPoolUuid(req.getPoolUuid())
        .setContUuid(Uuids.toByteString(batch.get(0).cont())).setPoolHdl(req.getPoolHdl())
        .setContHdl(req.getContHdl()).setRebuildVer(req.getRebuildVer()).setGeneration(req.getRebuildGen());
    batch.forEach(s -> m.addObjs(s.obj()));
    return client.callWrapped(uri, RebuildRpc.OBJ_MIGRATE, batch.get(0).obj().getTgtIdx(), req.getRebuildVer(),
        m.build().toByteArray(), null, pullTimeout).thenApply(RebuildScanner::counts);
  }

  private static Counts counts(CartReply reply) {
    try (reply) {
      if (reply.status() != 0) {
        throw new DaosException(DaosStatus.fromCode(reply.status()), "DAOS_OBJ_RPC_MIGRATE failed at the destination");
      }
      ObjMigrateReply r = ObjMigrateReply.parseFrom(reply.bodyBytes());
      return new Counts(r.getObjNr(), r.getRecNr(), r.getSize());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new DaosException(DaosStatus.PROTO, "malformed DAOS_OBJ_RPC_MIGRATE reply: " + e.getMessage());
    }
  }
}
