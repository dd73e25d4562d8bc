package io.daos.server.telemetry;

import io.daos.control.telemetry.MetricSeries;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.telemetry.Metric;
import io.daos.proto.telemetry.MetricsResp;
import io.daos.server.engine.Engine;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every ready engine's metrics at scrape time (DAOS {@code promexp.EngineCollector}): the engine answers
 * {@code MGMT_TELEMETRY_SNAPSHOT} on its dRPC socket and each series gets a {@code rank} label, as DAOS's
 * {@code newRankMetric} adds ({@link MetricSeries}). {@code engine_scrape_duration_seconds} times the scrape, as DAOS
 * does.
 */
final class EngineCollector implements MultiCollector {
  private static final Logger LOG = LoggerFactory.getLogger(EngineCollector.class);
  private final Supplier<List<Engine>> engines;

  EngineCollector(Supplier<List<Engine>> engines) {
    this.engines = engines;
  }

  @Override
  public MetricSnapshots collect() {
    long start = System.nanoTime();
    MetricSeries.ByName byName = new MetricSeries.ByName();
    for (Engine e : engines.get()) {
      if (!e.isReady() || e.rank().isEmpty()) {
        continue;
      }
      Labels rank = Labels.of("rank", Long.toString(e.rank().get().value()));
      for (Metric m : read(e)) {
        byName.add(m, rank);
      }
    }
    List<MetricSnapshot> out = new ArrayList<>(byName.snapshots());
    out.add(GaugeSnapshot.builder().name("engine_scrape_duration_seconds")
        .help("daos_exporter: Duration of a scrape job.")
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value((System.nanoTime() - start) / 1e9).build())
        .build());
    return new MetricSnapshots(out);
  }

  private static List<Metric> read(Engine e) {
    try {
      return MetricsResp.parseFrom(e.callDrpc(DrpcMethod.MGMT_TELEMETRY_SNAPSHOT, new byte[0])).getMetricsList();
    } catch (IOException | RuntimeException ex) {
      LOG.debug("telemetry: engine {} did not answer its telemetry snapshot: {}", e.index(), ex.toString());
      return List.of();
    }
  }
}
