/**
 * Pool map changes, DAOS's {@code pool_svc_update_map} and {@code srv_pool_map.c}: target exclude, drain,
 * reintegrate and the rebuild-finish steps on the pool service leader, the push of each new map to the pool's
 * engines (DAOS's pool IV map), an engine's refresh of a stale map, and self-heal's automatic exclusion of dead
 * ranks.
 */
package io.daos.engine.pool.map;
