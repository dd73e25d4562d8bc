package io.daos.server.telemetry;

import io.daos.server.engine.Engine;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prometheus endpoint {@code http://<host>:<telemetry_port>/metrics} (DAOS {@code promexp.StartExporter}):
 * started only when {@code telemetry_port} is set, closed with daos_server.
 */
public final class TelemetryExporter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TelemetryExporter.class);
  private final HTTPServer http;

  private TelemetryExporter(HTTPServer http) {
    this.http = http;
  }

  /**
   * Serves the engines' metrics and the control plane's own on {@code port} (all interfaces).
   *
   * @throws IOException naming the port and what to do when it cannot be bound
   */
  public static TelemetryExporter start(int port, Supplier<List<Engine>> engines) throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(new EngineCollector(engines));
    registerControlPlane(registry, engines);
    try {
      HTTPServer http = HTTPServer.builder().port(port).registry(registry).buildAndStart();
      LOG.info("telemetry: Prometheus exporter listening on port {} (/metrics)", http.getPort());
      return new TelemetryExporter(http);
    } catch (BindException e) {
      throw new IOException("telemetry_port " + port + " cannot be bound (" + e.getMessage() + "): another "
          + "process uses it; stop that process or set another telemetry_port in daos_server.yml (0 disables "
          + "the exporter)", e);
    }
  }

  private static void registerControlPlane(PrometheusRegistry registry, Supplier<List<Engine>> engines) {
    double startedAt = ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0;
    registry.register(() -> gauge("process_start_time_seconds",
        "Start time of the process since unix epoch in seconds.", startedAt));
    registry.register(() -> gauge("server_engines_configured", "Engines in daos_server.yml",
        engines.get().size()));
    registry.register(() -> gauge("server_engines_ready", "Engines set up and serving",
        engines.get().stream().filter(Engine::isReady).count()));
  }

  private static GaugeSnapshot gauge(String name, String help, double v) {
    return GaugeSnapshot.builder().name(name).help(help)
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(v).build()).build();
  }

  /** The port actually bound. */
  public int port() {
    return http.getPort();
  }

  @Override
  public void close() {
    http.close();
    LOG.info("telemetry: Prometheus exporter stopped");
  }
}
