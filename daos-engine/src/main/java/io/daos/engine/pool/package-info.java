/**
 * The target side of DAOS's {@code src/pool} ({@code srv_target.c}): the pools this engine holds targets of, one
 * VOS pool per target, their space per tier, POOL_TGT_QUERY, and the target xstreams that alone touch a target's
 * VOS (DAOS {@code src/engine/srv.c} xstreams).
 */
package io.daos.engine.pool;
