/**
 * daos_agent's Prometheus exporter on its {@code telemetry_port} (DAOS {@code src/control/cmd/daos_agent/telemetry.go}
 * with {@code lib/telemetry/promexp/client.go}).
 */
package io.daos.agent.telemetry;
