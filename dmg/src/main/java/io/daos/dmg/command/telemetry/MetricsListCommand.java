package io.daos.dmg.command.telemetry;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.TableFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code dmg telemetry metrics list}: the metric sets a server exports, with type and description. */
@Command(name = "list", description = "List available metrics on a DAOS storage node")
public final class MetricsListCommand extends MetricsHostCommand {
  @Override
  Outcome run(String host, String connecting) {
    Map<String, MetricSet> sets = PromScrape.scrape(host, port);
    JsonArray arr = new JsonArray();
    List<Map<String, String>> rows = new ArrayList<>();
    for (MetricSet s : sets.values()) {
      JsonObject o = new JsonObject();
      o.addProperty("type", s.type().toLowerCase(java.util.Locale.ROOT));
      o.addProperty("name", s.name());
      o.addProperty("description", s.description());
      o.add("metrics", JsonNull.INSTANCE);
      arr.add(o);
      rows.add(Map.of("Metric Set", s.name(), "Type", s.type(), "Description", s.description()));
    }
    JsonObject resp = new JsonObject();
    resp.add("available_metric_sets", arr);
    return Outcome.of(resp, null, (out, err) -> {
      out.append(connecting);
      if (!rows.isEmpty()) {
        out.append(new TableFormatter("Metric Set", "Type", "Description").format(rows));
      }
    });
  }
}
