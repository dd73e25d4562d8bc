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
}
