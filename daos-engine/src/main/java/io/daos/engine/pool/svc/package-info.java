/**
 * The pool service, the service side of DAOS's {@code src/pool} ({@code srv_pool.c}, {@code srv_layout.h}): a
 * pool's metadata in its {@link io.daos.engine.rdb.Rdb} (properties, ACL, handles, fault domains), pool connect,
 * query and the other pool RPCs, and the replicas this engine runs.
 */
package io.daos.engine.pool.svc;
