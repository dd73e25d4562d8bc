package io.daos.engine.csvc;

import java.util.UUID;

/**
 * Removes a destroyed container from every target of the pool (DAOS {@code cont_destroy_bcast}: CONT_TGT_DESTROY to
 * every rank of the pool map). Throws {@code DaosException} when a rank did not confirm; the service then keeps the
 * container so the destroy can be retried.
 */
@FunctionalInterface
public interface TargetDestroyer {
  void destroy(UUID pool, UUID cont);

  /** For services whose containers never reach targets (tests). */
  static TargetDestroyer none() {
    return (pool, cont) -> { };
  }
}
