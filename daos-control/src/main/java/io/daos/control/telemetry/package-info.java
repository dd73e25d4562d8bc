/**
 * The Prometheus endpoint that daos_server and daos_agent serve on {@code telemetry_port} ({@link
 * io.daos.control.telemetry.PromExporter}); each daemon fills its own registry.
 */
package io.daos.control.telemetry;
