package io.daos.engine.obj;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Asks a pool's service about a container handle this engine has not seen (CONT_TGT_QUERY). The future fails with
 * {@code DaosException} DER_NO_HDL when the service does not know the handle, or with the transport's error.
 */
@FunctionalInterface
public interface HandleLookup {
  CompletableFuture<ContHandle> lookup(UUID pool, UUID handle);
}
