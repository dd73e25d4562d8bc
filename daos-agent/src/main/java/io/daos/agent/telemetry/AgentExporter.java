package io.daos.agent.telemetry;

import io.daos.agent.mgmt.ProcessMonitor;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code http://<host>:<telemetry_port>/metrics} of daos_agent, started only when {@code telemetry_port} is set.
 * DAOS's agent exports the {@code client_*} metrics that libdaos processes write to shared memory; jdaos clients do
 * not publish metrics yet, so this exporter serves the agent's own: its start time and the client processes and
 * pool handles it monitors.
 */
public final class AgentExporter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AgentExporter.class);
  private final HTTPServer http;

  private AgentExporter(HTTPServer http) {
    this.http = http;
  }

  /** @throws IOException naming the port and what to do when it cannot be bound */
  public static AgentExporter start(int port, ProcessMonitor monitor) throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    double startedAt = ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0;
    registry.register(() -> gauge("process_start_time_seconds",
        "Start time of the process since unix epoch in seconds.", startedAt));
    registry.register(() -> gauge("agent_monitored_processes", "Client processes with pool handles open",
        monitor.processCount()));
    registry.register(() -> gauge("agent_pool_handles", "Pool handles open by monitored client processes",
        monitor.handleCount()));
    try {
      HTTPServer http = HTTPServer.builder().port(port).registry(registry).buildAndStart();
      LOG.info("telemetry: daos_agent Prometheus exporter listening on port {} (/metrics)", http.getPort());
      return new AgentExporter(http);
    } catch (BindException e) {
      throw new IOException("telemetry_port " + port + " cannot be bound (" + e.getMessage() + "): another "
          + "process uses it; stop that process or set another telemetry_port in daos_agent.yml", e);
    }
  }

  private static GaugeSnapshot gauge(String name, String help, double v) {
    return GaugeSnapshot.builder().name(name).help(help)
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(v).build()).build();
  }

  public int port() {
    return http.getPort();
  }

  @Override
  public void close() {
    http.close();
  }
}
