/**
 * The engine's telemetry (DAOS {@code src/engine/srv_metrics.c}, {@code src/object/srv_mod.c} and
 * {@code src/pool/srv_metrics.c} with {@code src/gurt/telemetry.c}): counters and gauges under DAOS's Prometheus
 * names, read by daos_server over dRPC ({@code MGMT_TELEMETRY_SNAPSHOT}).
 */
package io.daos.engine.telemetry;
