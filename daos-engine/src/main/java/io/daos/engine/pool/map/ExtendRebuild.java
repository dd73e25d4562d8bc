package io.daos.engine.pool.map;

import io.daos.common.status.DaosException;
import io.daos.engine.pool.map.PoolMapUpdate.TargetAddr;
import io.daos.engine.pool.svc.PoolService;
import io.daos.engine.rebuild.RebuildOp;
import io.daos.engine.rebuild.Rebuilds;
import io.daos.placement.MapOp;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.RebuildStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows an extension on the pool service leader (DAOS: {@code ds_rebuild_schedule} after the map update,
 * then {@code ds_pool_tgt_finish_rebuild} → POOL_ADD_IN, then RB_OP_RECLAIM): the EXTEND rebuild moves to the new
 * (UP) targets the shards placement now gives them; when every engine is done the new targets go UP → UPIN through
 * {@link PoolMapChanges} (new version, pushed), and the reclaim deletes the moved shards' old copies.
 *
 * <p>This is the extension's own instance of the general "map change → rebuild → finish → reclaim" flow; when the
 * pool service drives that flow for every map change, the extension goes through it and this class goes away.
 */
public final class ExtendRebuild {
  private static final Logger LOG = LoggerFactory.getLogger(ExtendRebuild.class);

  private final String name;
  private final PoolMapChanges changes;
  private final Supplier<Rebuilds> rebuilds;

  public ExtendRebuild(String name, PoolMapChanges changes, Supplier<Rebuilds> rebuilds) {
    this.name = name;
    this.changes = changes;
    this.rebuilds = rebuilds;
  }

  /**
   * Starts the rebuild of {@code ext} on {@code svc}; the future completes with the map after the finish step
   * (or exceptionally when the rebuild failed or the step could not be taken). The reclaim runs after it.
   */
  public CompletableFuture<PoolMap> start(PoolService svc, PoolMapChanges.Extension ext) {
    Rebuilds rb = rebuilds.get();
    CompletableFuture<PoolMap> finished = new CompletableFuture<>();
    if (rb == null) {
      finished.completeExceptionally(new IllegalStateException("the engine has no rebuild service yet"));
      return finished;
    }
    rb.start(svc.poolUuid(), RebuildOp.EXTEND, ext.before(), ext.after()).whenComplete((st, e) -> {
      if (e != null || st.getErrno() != 0) {
        LOG.error("{}: pool {}: rebuild of the extension with ranks {} (version {}) failed: {}", name,
            svc.poolUuid(), ext.added(), ext.after().getVersion(), e != null ? e.toString() : st);
        finished.completeExceptionally(e != null ? e : new IllegalStateException("rebuild failed: " + st));
        return;
      }
      try {
        svc.executor().execute(() -> finish(svc, ext, rb, st, finished));
      } catch (RejectedExecutionException stopped) {
        finished.completeExceptionally(stopped);
      }
    });
    return finished;
  }

  private void finish(PoolService svc, PoolMapChanges.Extension ext, Rebuilds rb, RebuildStatus st,
      CompletableFuture<PoolMap> finished) {
    PoolMap fin;
    try {
      if (!svc.rdb().isLeader()) {
        throw new DaosException(io.daos.common.status.DaosStatus.NOTLEADER, "no longer the pool service leader");
      }
      List<TargetAddr> addrs = ext.added().stream().map(r -> new TargetAddr(r, TargetAddr.ALL)).toList();
      fin = changes.update(svc, MapOp.ADD_IN, addrs, false, PoolMapChanges.Source.DMG);
    } catch (RuntimeException e) {
      LOG.error("{}: pool {}: cannot mark the extension's targets UPIN: {}", name, svc.poolUuid(), e.getMessage());
      finished.completeExceptionally(e);
      return;
    }
    LOG.info("{}: pool {}: extension with ranks {} rebuilt ({} objects); map version {}", name, svc.poolUuid(),
        ext.added(), st.getObjNr(), fin.getVersion());
    finished.complete(fin);
    try {
      rb.reclaim(svc.poolUuid(), fin);
    } catch (DaosException e) {
      LOG.warn("{}: pool {}: reclaim after the extension not started: {}", name, svc.poolUuid(), e.getMessage());
    }
  }
}
