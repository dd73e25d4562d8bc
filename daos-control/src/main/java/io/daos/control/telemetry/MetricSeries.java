package io.daos.control.telemetry;

import io.daos.proto.telemetry.Metric;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data points of one metric name gathered from several sources (engines for daos_server, client processes for
 * daos_agent), each with the labels that name its source added, as DAOS's {@code newRankMetric} and
 * {@code newClientMetric} add {@code rank} and {@code jobid}/{@code pid}. DAOS counters keep their names (Go's client
 * adds no {@code _total}), so they are exposed untyped; gauges stay gauges.
 */
public final class MetricSeries {
  private final Metric first;
  private final List<Object> points = new ArrayList<>();

  private MetricSeries(Metric first) {
    this.first = first;
  }

  /** Collects metrics by name into series, in the order the names first appear. */
  public static final class ByName {
    private final Map<String, MetricSeries> series = new LinkedHashMap<>();

    /** Adds {@code m} with the source's labels {@code source} in front of its own. */
    public void add(Metric m, Labels source) {
      series.computeIfAbsent(m.getName(), n -> new MetricSeries(m)).add(m, source);
    }

    /** The snapshots of every series. */
    public List<MetricSnapshot> snapshots() {
      List<MetricSnapshot> out = new ArrayList<>();
      series.values().forEach(s -> out.add(s.snapshot()));
      return out;
    }
  }

  private void add(Metric m, Labels source) {
    Labels labels = source;
    for (Map.Entry<String, String> l : m.getLabelsMap().entrySet()) {
      labels = labels.add(l.getKey(), l.getValue());
    }
    if (first.getKind() == Metric.Kind.COUNTER) {
      points.add(UnknownSnapshot.UnknownDataPointSnapshot.builder().labels(labels).value(m.getValue()).build());
    } else {
      points.add(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(m.getValue()).build());
    }
  }

  private MetricSnapshot snapshot() {
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
