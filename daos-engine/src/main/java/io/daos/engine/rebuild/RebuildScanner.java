package io.daos.engine.rebuild;

import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.common.Uuids;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.EnginePool;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.vos.VosContainer;
import io.daos.engine.vos.tree.VosObjectId;
import io.daos.placement.JumpMap;
import io.daos.placement.Layout;
import io.daos.placement.LayoutMode;
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
 * target iterates its containers and object shards on its own thread and places each object on the old map (where
 * its data is) and on the new map after the rebuild ({@link LayoutMode#POST_REBUILD}); each shard whose target
 * differs (a DOWN target's shard rebuilt on a spare, a DRAIN target's moved to its spare, a shard going back to a
 * reintegrating UP target or over to an extension's new target) is sent to its new target
 * (DAOS_OBJ_RPC_MIGRATE). DAOS lets every replica send and the destination drop duplicates; here one replica of
 * the group sends: the lowest-index shard of the old layout whose target is alive in the new map (UPIN or DRAIN),
 * one not itself being rebuilt first. It names itself as the replica to pull from. The MIGRATE reply comes once the
 * destination has pulled, so the scan's future completes when everything this engine sent is rebuilt.
 * <p>{@link #reclaim} is RB_OP_RECLAIM: every local object shard that the final map no longer places on this target
 * is deleted. {@link #failReclaim} is RB_OP_FAIL_RECLAIM: every local shard that the layout before the failed
 * change does not place on this target (what the failed rebuild pulled here) is deleted.
 */
final class RebuildScanner {
  private static final Logger LOG = LoggerFactory.getLogger(RebuildScanner.class);
  /** Objects per MIGRATE request. */
  static final int BATCH = 32;

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

  /** Scans every local target of the pool and sends; completes when the destinations have pulled it all. */
  CompletableFuture<Void> scan(RebuildScanReq req, int myRank, LocalRebuild local) {
    UUID pool = Uuids.required(req.getPoolUuid(), "pool");
    EnginePool ep = pools.get(pool);
    if (ep == null) {
      return CompletableFuture.completedFuture(null);
    }
    PoolMap oldMap = RebuildMaps.toPlacement(req.getOldMap());
    PoolMap newMap = RebuildMaps.toPlacement(req.getNewMap());
    Map<UUID, JumpMap> levels = jumpMaps(req);
    Map<UUID, Long> cells = cellSizes(req);
    List<CompletableFuture<List<Send>>> perTarget = new ArrayList<>();
    for (int t = 0; t < ep.targetCount(); t++) {
      int tgt = t;
      perTarget.add(CompletableFuture.supplyAsync(() -> scanTarget(ep, tgt, oldMap, newMap, myRank, levels, cells),
          targetExecutor.apply(t)));
    }
    return CompletableFuture.allOf(perTarget.toArray(new CompletableFuture<?>[0])).thenCompose(v -> {
      List<Send> sends = new ArrayList<>();
      perTarget.forEach(f -> sends.addAll(f.join()));
      local.toberb.addAndGet(sends.size());
      LOG.info("{}: rebuild {} v{}: {} object shards to send", name, pool, req.getRebuildVer(), sends.size());
      return send(req, sends, local);
    });
  }

  /** Containers are placed at the node level unless the scan says otherwise (rd_lvl rank). */
  private static final JumpMap NODE_LEVEL = JumpMap.create(io.daos.placement.DomainLevel.NODE);

  /** The jump map of each container the scan names, at its redundancy level (rd_lvl 1 = rank, else node). */
  static Map<UUID, JumpMap> jumpMaps(RebuildScanReq req) {
    Map<UUID, JumpMap> out = new java.util.HashMap<>();
    JumpMap rank = JumpMap.create(io.daos.placement.DomainLevel.RANK);
    for (io.daos.proto.rebuild.ContLevel l : req.getContLevelsList()) {
      out.put(Uuids.required(l.getContUuid(), "container"), l.getRdLvl() == 1 ? rank : NODE_LEVEL);
    }
    return out;
  }

  /** Each container's ec_cell_sz as the scan names it (0 when not known). */
  static Map<UUID, Long> cellSizes(RebuildScanReq req) {
    Map<UUID, Long> out = new java.util.HashMap<>();
    for (io.daos.proto.rebuild.ContLevel l : req.getContLevelsList()) {
      out.put(Uuids.required(l.getContUuid(), "container"), l.getEcCellSz());
    }
    return out;
  }

  private List<Send> scanTarget(EnginePool ep, int tgt, PoolMap oldMap, PoolMap newMap, int myRank,
      Map<UUID, JumpMap> levels, Map<UUID, Long> cells) {
    List<Send> out = new ArrayList<>();
    for (UUID cont : ep.target(tgt).listContainers()) {
      JumpMap jump = levels.getOrDefault(cont, NODE_LEVEL);
      long cell = cells.getOrDefault(cont, 0L);
      for (VosObjectId v : ep.container(tgt, cont).listObjectShards()) {
        objectSends(jump, oldMap, newMap, myRank, tgt, cont, cell, v, out);
      }
    }
    return out;
  }

  private void objectSends(JumpMap jump, PoolMap oldMap, PoolMap newMap, int myRank, int tgt, UUID cont,
      long cell, VosObjectId v, List<Send> out) {
    Layout before;
    Layout after;
    boolean ec;
    try {
      ObjectId oid = new ObjectId(v.lo(), v.hi());
      ec = oid.objectClass().redundancy().erasureCoded();
      before = jump.place(oid, oldMap, LayoutMode.CURRENT);
      after = jump.place(oid, newMap, LayoutMode.POST_REBUILD);
    } catch (DaosException | IllegalStateException e) {
      LOG.debug("{}: skipping object {} in rebuild: {}", name, v, e.getMessage());
      return;
    }
    if (v.shard() >= before.shards().size() || before.shards().size() != after.shards().size()
        || before.groupSize() != after.groupSize()) {
      return;
    }
    int g = v.shard() / before.groupSize();
    Shard sender = source(before.group(g), newMap);
    if (sender == null || sender.shard() != v.shard() || sender.rank() != myRank || sender.index() != tgt) {
      return;
    }
    for (Shard s : after.group(g)) {
      if (s.placed() && s.target() != before.shard(s.shard()).target() && ec) {
        out.add(new Send(s.rank(), cont, EcSends.migrate(v, s, before, g, newMap, cell)));
      } else if (s.placed() && s.target() != before.shard(s.shard()).target()) {
        out.add(new Send(s.rank(), cont, MigrateObj.newBuilder().setOidHi(v.hi()).setOidLo(v.lo())
            .setShard(s.shard()).setTgtIdx(s.index()).setSrcRank(myRank).setSrcTgt(tgt).setSrcShard(v.shard())
            .build()));
      }
    }
  }

  /** The replica of a group (old layout) to pull from: alive in the new map, complete ones first. */
  private static Shard source(List<Shard> group, PoolMap newMap) {
    for (int pass = 0; pass < 2; pass++) {
      for (Shard s : group) {
        if (!s.placed() || (pass == 0 && s.rebuilding())) {
          continue;
        }
        TargetState st = newMap.target(s.target()).state();
        if (st == TargetState.UPIN || st == TargetState.DRAIN) {
          return s;
        }
      }
    }
    return null;
  }

  /**
   * RB_OP_RECLAIM ({@code obj_reclaim}): deletes every local object shard that {@code req}'s new map (the final map
   * after the finish step) does not place on the target holding it; completes with the number deleted.
   */
  CompletableFuture<Long> reclaim(RebuildScanReq req, int myRank) {
    UUID pool = Uuids.required(req.getPoolUuid(), "pool");
    EnginePool ep = pools.get(pool);
    if (ep == null) {
      return CompletableFuture.completedFuture(0L);
    }
    PoolMap map = RebuildMaps.toPlacement(req.getNewMap());
    Map<UUID, JumpMap> levels = jumpMaps(req);
    List<CompletableFuture<Long>> perTarget = new ArrayList<>();
    for (int t = 0; t < ep.targetCount(); t++) {
      int tgt = t;
      perTarget.add(CompletableFuture.supplyAsync(() -> reclaimTarget(ep, tgt, map, myRank, levels),
          targetExecutor.apply(t)));
    }
    return CompletableFuture.allOf(perTarget.toArray(new CompletableFuture<?>[0]))
        .thenApply(v -> perTarget.stream().mapToLong(CompletableFuture::join).sum());
  }

  private long reclaimTarget(EnginePool ep, int tgt, PoolMap map, int myRank, Map<UUID, JumpMap> levels) {
    long n = 0;
    int me;
    try {
      me = map.target(myRank, tgt).id();
    } catch (RuntimeException e) {
      return 0;
    }
    for (UUID cont : ep.target(tgt).listContainers()) {
      JumpMap jump = levels.getOrDefault(cont, NODE_LEVEL);
      VosContainer c = ep.container(tgt, cont);
      for (VosObjectId v : c.listObjectShards()) {
        Layout l;
        try {
          l = jump.place(new ObjectId(v.lo(), v.hi()), map, LayoutMode.CURRENT);
        } catch (DaosException | IllegalStateException e) {
          continue;
        }
        if (v.shard() >= l.shards().size() || l.holds(v.shard(), me)) {
          continue;
        }
        if (c.deleteObject(v)) {
          n++;
        }
      }
    }
    if (n > 0) {
      LOG.info("{}: reclaim of pool {} target {}: {} object shards deleted", name, ep.uuid(), tgt, n);
    }
    return n;
  }

  /**
   * RB_OP_FAIL_RECLAIM ({@code obj_reclaim} with the map at the version before the failed change, shards being
   * rebuilt not counting, {@code is_rebuild_scanning_tgt}): on each local target that is UPIN or DRAIN in
   * {@code req}'s new map (the current one), and UP too when {@code include_up} (a stopped reintegration, whose
   * targets stay UP), deletes every object shard that the layout of {@code req}'s old map (before the change) does
   * not place there: what the failed or stopped rebuild pulled. DOWN, DOWNOUT and NEW targets (a reverted
   * reintegration's or extension's) are not scanned: the next reintegration's discard empties them. Completes with
   * the number deleted. DAOS discards such a shard up to the rebuild's stable epoch; here the whole shard goes (the
   * retry pulls every version again).
   */
  CompletableFuture<Long> failReclaim(RebuildScanReq req, int myRank) {
    UUID pool = Uuids.required(req.getPoolUuid(), "pool");
    EnginePool ep = pools.get(pool);
    if (ep == null) {
      return CompletableFuture.completedFuture(0L);
    }
    PoolMap before = RebuildMaps.toPlacement(req.getOldMap());
    PoolMap cur = RebuildMaps.toPlacement(req.getNewMap());
    Map<UUID, JumpMap> levels = jumpMaps(req);
    List<CompletableFuture<Long>> perTarget = new ArrayList<>();
    for (int t = 0; t < ep.targetCount(); t++) {
      int tgt = t;
      TargetState st;
      try {
        st = cur.target(myRank, tgt).state();
      } catch (RuntimeException e) {
        continue;
      }
      if (st != TargetState.UPIN && st != TargetState.DRAIN && !(st == TargetState.UP && req.getIncludeUp())) {
        continue;
      }
      perTarget.add(CompletableFuture.supplyAsync(() -> failReclaimTarget(ep, tgt, before, myRank, levels),
          targetExecutor.apply(t)));
    }
    return CompletableFuture.allOf(perTarget.toArray(new CompletableFuture<?>[0]))
        .thenApply(v -> perTarget.stream().mapToLong(CompletableFuture::join).sum());
  }

  private long failReclaimTarget(EnginePool ep, int tgt, PoolMap before, int myRank, Map<UUID, JumpMap> levels) {
    int me;
    try {
      me = before.target(myRank, tgt).id();
    } catch (RuntimeException e) {
      me = -1;
    }
    long n = 0;
    for (UUID cont : ep.target(tgt).listContainers()) {
      JumpMap jump = levels.getOrDefault(cont, NODE_LEVEL);
      VosContainer c = ep.container(tgt, cont);
      for (VosObjectId v : c.listObjectShards()) {
        if (me >= 0 && stillNeeded(jump, before, v, me)) {
          continue;
        }
        if (c.deleteObject(v)) {
          n++;
        }
      }
    }
    if (n > 0) {
      LOG.info("{}: fail-reclaim of pool {} target {}: {} object shards the failed rebuild pulled deleted", name,
          ep.uuid(), tgt, n);
    }
    return n;
  }

  /** {@code pl_obj_layout_contains} with ignore_rebuild_shard: a shard of the layout, not being rebuilt, is here. */
  private static boolean stillNeeded(JumpMap jump, PoolMap before, VosObjectId v, int me) {
    Layout l;
    try {
      l = jump.place(new ObjectId(v.lo(), v.hi()), before, LayoutMode.CURRENT);
    } catch (DaosException | IllegalStateException e) {
      return true;
    }
    for (Shard s : l.shards()) {
      if (s.placed() && !s.rebuilding() && !s.reintegrating() && s.shard() == v.shard() && s.target() == me) {
        return true;
      }
    }
    return false;
  }

  /**
   * POOL_TGT_DISCARD: deletes every object shard and every DTX record of target {@code tgt}, then tells
   * {@code emptied} (still on that target's thread, so that in-memory DTX state is dropped before any new write).
   */
  CompletableFuture<Long> discard(UUID pool, int tgt, java.util.function.BiConsumer<UUID, Integer> emptied) {
    EnginePool ep = pools.get(pool);
    if (ep == null) {
      return CompletableFuture.completedFuture(0L);
    }
    return CompletableFuture.supplyAsync(() -> {
      long n = 0;
      int dtxs = 0;
      for (UUID cont : ep.target(tgt).listContainers()) {
        VosContainer c = ep.container(tgt, cont);
        for (VosObjectId v : c.listObjectShards()) {
          if (c.deleteObject(v)) {
            n++;
          }
        }
        dtxs += c.deleteDtxRecords();
      }
      emptied.accept(pool, tgt);
      LOG.info("{}: discarded {} object shards and {} DTX records of pool {} target {}", name, n, dtxs, pool, tgt);
      return n;
    }, targetExecutor.apply(tgt));
  }

  /** MIGRATE per (destination rank, container), {@link #BATCH} objects a request, all in flight at once. */
  private CompletableFuture<Void> send(RebuildScanReq req, List<Send> sends, LocalRebuild local) {
    Map<String, List<Send>> byDest = new LinkedHashMap<>();
    for (Send s : sends) {
      byDest.computeIfAbsent(s.rank() + "/" + s.cont(), k -> new ArrayList<>()).add(s);
    }
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    for (List<Send> l : byDest.values()) {
      for (int i = 0; i < l.size(); i += BATCH) {
        if (local.aborted) {
          return CompletableFuture.failedFuture(new DaosException(DaosStatus.OP_CANCELED,
              "rebuild of pool " + local.pool + " version " + local.version + " was stopped"));
        }
        calls.add(migrate(req, l.subList(i, Math.min(l.size(), i + BATCH)), local.master));
      }
    }
    return CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0]));
  }

  private CompletableFuture<Void> migrate(RebuildScanReq req, List<Send> batch, int master) {
    int rank = batch.get(0).rank();
    String uri = rankUri.apply(rank).orElse(null);
    if (uri == null) {
      return CompletableFuture.failedFuture(new DaosException(DaosStatus.UNREACH,
          "no address for rank " + rank + ", a rebuild destination"));
    }
    ObjMigrateReq.Builder m = ObjMigrateReq.newBuilder().setPoolUuid(req.getPoolUuid())
        .setContUuid(Uuids.toByteString(batch.get(0).cont())).setPoolHdl(req.getPoolHdl())
        .setContHdl(req.getContHdl()).setRebuildVer(req.getRebuildVer()).setGeneration(req.getRebuildGen())
        .setMasterRank(master).setLeaderTerm(req.getLeaderTerm());
    batch.forEach(s -> m.addObjs(s.obj()));
    return client.callWrapped(uri, RebuildRpc.OBJ_MIGRATE, batch.get(0).obj().getTgtIdx(), req.getRebuildVer(),
        m.build().toByteArray(), null, pullTimeout).thenAccept(RebuildScanner::check);
  }

  private static void check(CartReply reply) {
    try (reply) {
      if (reply.status() != 0) {
        throw new DaosException(DaosStatus.fromCode(reply.status()), "DAOS_OBJ_RPC_MIGRATE failed at the destination");
      }
      ObjMigrateReply r = ObjMigrateReply.parseFrom(reply.bodyBytes());
      if (r.getStatus() != 0) {
        throw new DaosException(DaosStatus.fromCode(r.getStatus()), "DAOS_OBJ_RPC_MIGRATE failed at the destination");
      }
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new DaosException(DaosStatus.PROTO, "malformed DAOS_OBJ_RPC_MIGRATE reply: " + e.getMessage());
    }
  }
}
