/**
 * The engine's RAS events (DAOS {@code src/engine/drpc_ras.c}): raised at daos_server over dRPC SRV CLUSTER_EVENT,
 * which logs them and forwards the state changes to the MS leader.
 */
package io.daos.engine.ras;
