/**
 * Rebuild (DAOS {@code src/rebuild}: {@code srv.c}, {@code scan.c}; the pull side of {@code
 * src/object/srv_obj_migrate.c}): after a pool map change excludes targets, the leader asks every engine to scan
 * its objects (REBUILD_OBJECTS_SCAN); a surviving replica of each object that lost a shard sends the object to the
 * shard's new target (DAOS_OBJ_RPC_MIGRATE); the new target pulls every version from the replica
 * (DAOS_OBJ_RPC_ENUMERATE) and writes it at its original epoch; engines report to the leader, which keeps the
 * {@code daos_rebuild_status} and tells the pool service when the version is rebuilt or failed.
 */
package io.daos.engine.rebuild;
