package io.daos.engine.pool.svc;

import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolSpace;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Sums a pool's space over the targets of every rank in its map (the leader asks each rank: POOL_TGT_QUERY). */
@FunctionalInterface
public interface PoolSpaceQuery {
  CompletableFuture<PoolSpace> query(UUID pool, PoolMap map);
}
