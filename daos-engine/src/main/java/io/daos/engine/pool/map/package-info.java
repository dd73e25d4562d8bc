/**
 * Pool map changes, DAOS's {@code pool_svc_update_map} and {@code srv_pool_map.c}: target exclude, drain,
 * reintegrate, extend (with its rebuild, finish step and reclaim) and the rebuild-finish steps on the pool
 * service leader, self-heal evaluation, the push of each new map to the pool's
 * engines (DAOS's pool IV map), an engine's refresh of a stale map, and self-heal's automatic exclusion of dead
 * ranks.
 */
package io.daos.engine.pool.map;
