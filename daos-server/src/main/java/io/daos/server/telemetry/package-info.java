/**
 * daos_server's Prometheus exporter on {@code telemetry_port} (DAOS {@code src/control/lib/telemetry/promexp}):
 * each ready engine's metrics, read over its dRPC socket and labelled with its rank, and the control plane's own.
 */
package io.daos.server.telemetry;
