package io.daos.server.telemetry;

import io.daos.control.telemetry.PromExporter;
import io.daos.server.engine.Engine;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * daos_server's Prometheus endpoint {@code http://<host>:<telemetry_port>/metrics} (DAOS
 * {@code promexp.StartExporter}): the engines' metrics and the control plane's own; started only when
 * {@code telemetry_port} is set, closed with daos_server.
 */
public final class TelemetryExporter {
  private TelemetryExporter() {
  }

  /** @throws IOException naming the port and what to do when it cannot be bound */
  public static PromExporter start(int port, Supplier<List<Engine>> engines) throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(new EngineCollector(engines));
    PromExporter.gauge(registry, "server_engines_configured", "Engines in daos_server.yml",
        () -> engines.get().size());
    PromExporter.gauge(registry, "server_engines_ready", "Engines set up and serving",
        () -> engines.get().stream().filter(Engine::isReady).count());
    return PromExporter.start("daos_server", port, registry);
  }
}
