package io.daos.agent.telemetry;

import io.daos.agent.mgmt.ClientTelemetryStore;
import io.daos.agent.mgmt.ProcessMonitor;
import io.daos.control.telemetry.PromExporter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;

/**
 * {@code http://<host>:<telemetry_port>/metrics} of daos_agent, started only when {@code telemetry_port} is set: the
 * {@code client_*} metrics of the libdaos processes registered with it ({@code telemetry_enabled}; DAOS's clients
 * write them to shared memory, jdaos's push them over dRPC), and the agent's own: its start time and the client
 * processes and pool handles it monitors.
 */
public final class AgentExporter {
  private AgentExporter() {
  }

  /** @throws IOException naming the port and what to do when it cannot be bound */
  public static PromExporter start(int port, ProcessMonitor monitor, ClientTelemetryStore clients)
      throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(new ClientCollector(clients));
    PromExporter.gauge(registry, "agent_monitored_processes", "Client processes with pool handles open",
        monitor::processCount);
    PromExporter.gauge(registry, "agent_pool_handles", "Pool handles open by monitored client processes",
        monitor::handleCount);
    return PromExporter.start("daos_agent", port, registry);
  }
}
