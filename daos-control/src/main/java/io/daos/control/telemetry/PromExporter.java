package io.daos.control.telemetry;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon's Prometheus endpoint {@code http://<host>:<telemetry_port>/metrics} (DAOS {@code promexp.StartExporter}),
 * shared by daos_server and daos_agent: the registry the daemon fills, plus {@code process_start_time_seconds}.
 */
public final class PromExporter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PromExporter.class);
  private final HTTPServer http;
  private final String daemon;

  private PromExporter(HTTPServer http, String daemon) {
    this.http = http;
    this.daemon = daemon;
  }

  /**
   * Serves {@code registry} on {@code port} (all interfaces; 0 picks a free port).
   *
   * @param daemon the daemon's name, as its config file is named ({@code daos_server}, {@code daos_agent})
   * @throws IOException naming the port and what to do when it cannot be bound
   */
  public static PromExporter start(String daemon, int port, PrometheusRegistry registry) throws IOException {
    double startedAt = ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0;
    registry.register(() -> gauge("process_start_time_seconds",
        "Start time of the process since unix epoch in seconds.", startedAt));
    try {
      HTTPServer http = HTTPServer.builder().port(port).registry(registry).buildAndStart();
      LOG.info("telemetry: {} Prometheus exporter listening on port {} (/metrics)", daemon, http.getPort());
      return new PromExporter(http, daemon);
    } catch (BindException e) {
      throw new IOException("telemetry_port " + port + " cannot be bound (" + e.getMessage() + "): another "
          + "process uses it; stop that process or set another telemetry_port in " + daemon + ".yml", e);
    }
  }

  /** Registers a gauge without labels whose value is read at each scrape. */
  public static void gauge(PrometheusRegistry registry, String name, String help, DoubleSupplier value) {
    registry.register(() -> gauge(name, help, value.getAsDouble()));
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
    LOG.info("telemetry: {} Prometheus exporter stopped", daemon);
  }
}
