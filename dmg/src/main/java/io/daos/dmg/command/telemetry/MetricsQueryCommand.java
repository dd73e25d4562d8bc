package io.daos.dmg.command.telemetry;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.TableFormatter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dmg telemetry metrics query [-m a,b]}: the values of the named metric sets (all when none is named). */
@Command(name = "query", description = "Query metrics on a DAOS storage node")
public final class MetricsQueryCommand extends MetricsHostCommand {
  @Option(names = {"-m", "--metrics"}, defaultValue = "", description = "Comma-separated list of metric names")
  String metrics;

  @Override
  Outcome run(String host, String connecting) {
    Map<String, MetricSet> scraped = PromScrape.scrape(host, port);
    List<String> names = Arrays.stream(metrics.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    List<MetricSet> sets = new ArrayList<>();
    for (String n : names.isEmpty() ? List.copyOf(scraped.keySet()) : names) {
      MetricSet s = scraped.get(n);
      if (s == null) {
        throw new CommandError("unable to query metrics: metric \"" + n + "\" not found on host",
            "see the names with dmg telemetry metrics list -l " + host);
      }
      sets.add(s);
    }
    return Outcome.of(json(sets), null, (out, err) -> {
      out.append(connecting);
      sets.forEach(s -> text(out, s));
    });
  }

  private static JsonObject json(List<MetricSet> sets) {
    JsonArray arr = new JsonArray();
    for (MetricSet s : sets) {
      JsonObject o = new JsonObject();
      o.addProperty("type", s.type().toLowerCase(java.util.Locale.ROOT));
      o.addProperty("name", s.name());
      o.addProperty("description", s.description());
      JsonArray ms = new JsonArray();
      for (MetricSet.Sample m : s.metrics()) {
        JsonObject mo = new JsonObject();
        JsonObject labels = new JsonObject();
        m.labels().forEach(labels::addProperty);
        mo.add("labels", labels);
        double v = m.value();
        mo.addProperty("value", v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) v);
        ms.add(mo);
      }
      o.add("metrics", ms);
      arr.add(o);
    }
    JsonObject resp = new JsonObject();
    resp.add("metric_sets", arr);
    return resp;
  }

  private static void text(StringBuilder out, MetricSet s) {
    out.append("- Metric Set: ").append(s.name()).append(" (Type: ").append(s.type()).append(")\n");
    out.append("  ").append(s.description()).append('\n');
    if (s.metrics().isEmpty()) {
      out.append("    No metrics found\n");
    } else {
      List<Map<String, String>> rows = new ArrayList<>();
      for (MetricSet.Sample m : s.metrics()) {
        rows.add(Map.of("Metric", s.type(), "Labels", labels(m.labels()), "Value", goG(m.value())));
      }
      new TableFormatter("Metric", "Labels", "Value").format(rows).lines()
          .forEach(l -> out.append("    ").append(l).append('\n'));
    }
    out.append('\n');
  }

  static String labels(Map<String, String> labels) {
    if (labels.isEmpty()) {
      return "N/A";
    }
    return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "(", ")"));
  }

  /** A value as Go's {@code %g} prints it: shortest digits, exponent form below 1e-4 and from 1e6 up. */
  static String goG(double v) {
    if (v == 0) {
      return "0";
    }
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.isNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf";
    }
    BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
    int exp = d.precision() - d.scale() - 1;
    if (exp < -4 || exp >= 6) {
      String digits = d.unscaledValue().abs().toString();
      String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return (v < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }
    return d.toPlainString();
  }
}
