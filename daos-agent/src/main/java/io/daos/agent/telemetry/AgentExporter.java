package io.daos.agent.telemetry;

import io.daos.agent.mgmt.ProcessMonitor;
import io.daos.control.telemetry.PromExporter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;

/**
 * {@code http://<host>:<telemetry_port>/metrics} of daos_agent, started only when {@code telemetry_port} is set.
 * DAOS's agent exports the {@code client_*} metrics that libdaos processes write to shared memory; jdaos clients do
 * not publish metrics yet, so this exporter serves the agent's own: its start time and the client processes and
 * pool handles it monitors.
 */
public final class AgentExporter {
  private AgentExporter() {
  }

  /** @throws IOException naming the port and what to do when it cannot be bound */
  public static PromExporter start(int port, ProcessMonitor monitor) throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    PromExporter.gauge(registry, "agent_monitored_processes", "Client processes with pool handles open",
        monitor::processCount);
    PromExporter.gauge(registry, "agent_pool_handles", "Pool handles open by monitored client processes",
        monitor::handleCount);
    return PromExporter.start("daos_agent", port, registry);
  }
}
