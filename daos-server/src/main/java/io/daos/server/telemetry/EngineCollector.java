package io.daos.server.telemetry;

import io.daos.drpc.DrpcMethod;
import io.daos.proto.telemetry.Metric;
import io.daos.proto.telemetry.MetricsResp;
import io.daos.server.engine.Engine;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every ready engine's metrics at scrape time (DAOS {@code promexp.EngineCollector}): the engine answers
 * {@code MGMT_TELEMETRY_SNAPSHOT} on its dRPC socket and each series gets a {@code rank} label, as DAOS's
 * {@code newRankMetric} adds. DAOS counters keep their names (Go's client adds no {@code _total}), so they are
 * exposed untyped; gauges stay gauges. {@code engine_scrape_duration_seconds} times the scrape, as DAOS does.
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
    Map<String, Series> byName = new LinkedHashMap<>();
    for (Engine e : engines.get()) {
      if (!e.isReady() || e.rank().isEmpty()) {
        continue;
      }
      String rank = Long.toString(e.rank().get().value());
      for (Metric m : read(e)) {
        byName.computeIfAbsent(m.getName(), n -> new Series(m)).add(m, rank);
      }
    }
    List<MetricSnapshot> out = new ArrayList<>();
    byName.values().forEach(s -> out.add(s.snapshot()));
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

  /** The data points of one metric name across engines. */
  private static final class Series {
    private final Metric first;
    private final List<Object> points = new ArrayList<>();

    Series(Metric first) {
      this.first = first;
    }

    void add(Metric m, String rank) {
      Labels labels = Labels.of("rank", rank);
      for (Map.Entry<String, String> l : m.getLabelsMap().entrySet()) {
        labels = labels.add(l.getKey(), l.getValue());
      }
      if (first.getKind() == Metric.Kind.COUNTER) {
        points.add(UnknownSnapshot.UnknownDataPointSnapshot.builder().labels(labels).value(m.getValue()).build());
      } else {
        points.add(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(m.getValue()).build());
      }
    }

    MetricSnapshot snapshot() {
      if (first.getKind() == Metric.Kind.COUNTER) {
        UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(first.getName()).help(first.getHelp());
        points.forEach(p -> b.dataPoint((UnknownSnapshot.UnknownDataPointSnapshot) p));
        return b.build();
      }
      GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(first.getName()).help(first.getHelp());
      points.forEach(p -> b.dataPoint((GaugeSnapshot.GaugeDataPointSnapshot) p));
      return b.build();
    }
  }
}
