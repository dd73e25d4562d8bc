package io.daos.engine.rebuild;

import io.daos.proto.pool.RebuildStatus;
import java.util.UUID;

/**
 * What the pool service hears from the rebuild leader (DAOS: {@code rebuild_leader_status_check} ending in
 * {@code ds_pool_tgt_finish_rebuild} on success, {@code rebuild_fail_... / retry} on failure). On {@link #done} the
 * service runs its finish step (DOWN → DOWNOUT, new map version); on {@link #failed} it may retry (a stopped rebuild fails with -DER_OP_CANCELED).
 */
public interface RebuildListener {
  /** Every engine has scanned and pulled for map version {@code version}; {@code status} is COMPLETED. */
  void done(UUID pool, int version, RebuildStatus status);

  /** The rebuild of {@code version} stopped; {@code status.getErrno()} says why (a negative DER code). */
  void failed(UUID pool, int version, RebuildStatus status);

  /**
   * The reclaim after the rebuild of {@code version} (see {@link Rebuilds#reclaim}), or the fail-reclaim at map
   * version {@code version} after a failed one ({@link Rebuilds#failReclaim}), is done.
   */
  default void reclaimed(UUID pool, int version, RebuildStatus status) {
  }
}
