package io.daos.agent.telemetry;

import io.daos.agent.mgmt.ClientTelemetryStore;
import io.daos.control.telemetry.MetricSeries;
import io.daos.proto.telemetry.Metric;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * The registered clients' {@code client_*} metrics at scrape time (DAOS {@code promexp.ClientCollector}), each series
 * with the {@code jobid} and {@code pid} labels of its process, as DAOS's {@code newClientMetric} adds.
 */
final class ClientCollector implements MultiCollector {
  private final ClientTelemetryStore store;

  ClientCollector(ClientTelemetryStore store) {
    this.store = store;
  }

  @Override
  public MetricSnapshots collect() {
    MetricSeries.ByName byName = new MetricSeries.ByName();
    for (ClientTelemetryStore.Client c : store.clients()) {
      Labels source = Labels.of("jobid", c.jobid(), "pid", Long.toString(c.pid()));
      for (Metric m : c.metrics().getMetricsList()) {
        byName.add(m, source);
      }
    }
    return new MetricSnapshots(byName.snapshots());
  }
}
