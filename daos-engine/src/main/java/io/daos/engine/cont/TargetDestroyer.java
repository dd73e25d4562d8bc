package io.daos.engine.cont;

import java.util.Collection;
import java.util.UUID;

/**
 * Removes a destroyed container from every target of the pool (DAOS {@code cont_destroy_bcast}: CONT_TGT_DESTROY to
 * every rank of the pool map). Throws {@code DaosException} when a rank did not confirm; the service then keeps the
 * container so the destroy can be retried.
 */
@FunctionalInterface
public interface TargetDestroyer {
  void destroy(UUID pool, UUID cont);

  /**
   * Tells every target of the pool that these container handles are closed (DAOS {@code cont_close_recs}:
   * {@code cont_iv_capability_invalidate} of each handle, an eager IV sync). Best effort: a target that does not
   * confirm in time keeps the handle until the container is destroyed, and the close still succeeds.
   */
  default void invalidateHandles(UUID pool, Collection<UUID> handles) {
  }

  /**
   * Tells every target of the pool that a snapshot of {@code cont} is about to be taken (DAOS
   * {@code cont_snap_notify_bcast}, CONT_TGT_SNAPSHOT_NOTIFY), so that none aggregates past it before it learns the
   * snapshot. Best effort: an engine that does not confirm is logged (its background aggregation stays 20 s or more
   * behind, well below the snapshot).
   */
  default void snapshotNotify(UUID pool, UUID cont) {
  }
}
