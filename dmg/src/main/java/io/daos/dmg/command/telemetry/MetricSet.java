package io.daos.dmg.command.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One metric family of a scrape (DAOS {@code daos.MetricSet}): name, help, type and its samples. */
record MetricSet(String name, String description, String type, List<Sample> metrics) {
  /** One sample: labels and value (DAOS {@code daos.SimpleMetric}). */
  record Sample(Map<String, String> labels, double value) {
  }

  MetricSet {
    metrics = new ArrayList<>(metrics);
  }

  /** DAOS's type name for a Prometheus TYPE ({@code untyped} is DAOS's "Generic"). */
  static String typeOf(String promType) {
    return switch (promType) {
      case "counter" -> "Counter";
      case "gauge" -> "Gauge";
      case "summary" -> "Summary";
      case "histogram" -> "Histogram";
      case "untyped", "unknown" -> "Generic";
      default -> "Unknown";
    };
  }
}
