/**
 * Rebuild (DAOS {@code src/rebuild}: {@code srv.c}, {@code scan.c}; the pull side of {@code
 * src/object/srv_obj_migrate.c}): after a pool map change (exclude, drain, reintegrate, extend) the leader asks every
 * engine to scan its objects (REBUILD_OBJECTS_SCAN); a replica of each object whose shards move between the old and
 * the new map sends the object to the shard's new target (DAOS_OBJ_RPC_MIGRATE); the new target pulls every version
 * from the replica (DAOS_OBJ_RPC_ENUMERATE) and writes it at its original epoch; engines report progress to the
 * leader, which keeps the {@code daos_rebuild_status} and tells the pool service when the version is rebuilt,
 * failed or stopped. Before a reintegration's map change the pool service has the returning targets' data discarded (POOL_TGT_DISCARD,
 * served here); after the pool
 * service's finish step, RB_OP_RECLAIM deletes the copies the final map no longer places. The pool service
 * leader's scheduling of rebuilds, and {@code dmg pool rebuild stop|start}, are in {@code rebuild.sched}.
 */
package io.daos.engine.rebuild;
