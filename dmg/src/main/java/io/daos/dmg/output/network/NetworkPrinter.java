package io.daos.dmg.output.network;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.daos.dmg.output.PrintHosts;
import io.daos.dmg.output.TableFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Text output of {@code dmg network scan}: per host set, per NUMA socket, a "Provider Interfaces" table. */
public final class NetworkPrinter {
  private NetworkPrinter() {
  }

  /** {@code hostFabrics} is the "HostFabrics" JSON object (key → {"HostFabric", "HostSet"}). */
  public static void print(StringBuilder out, JsonObject hostFabrics) {
    for (Map.Entry<String, JsonElement> e : hostFabrics.entrySet()) {
      JsonObject set = e.getValue().getAsJsonObject();
      String hosts = PrintHosts.strip(set.get("HostSet").getAsString());
      String line = "-".repeat(hosts.length());
      out.append(line).append('\n').append(hosts).append('\n').append(line).append("\n\n");
      for (Map.Entry<Long, TreeMap<String, List<String>>> socket : bySocket(set.getAsJsonObject("HostFabric"))
          .entrySet()) {
        String title = "NUMA Socket " + socket.getKey();
        String dashes = "-".repeat(title.length());
        out.append("    ").append(dashes).append('\n').append("    ").append(title).append('\n')
            .append("    ").append(dashes).append("\n\n");
        List<Map<String, String>> rows = new ArrayList<>();
        socket.getValue().forEach((p, devs) -> rows.add(Map.of("Provider", p, "Interfaces", String.join(", ", devs))));
        String table = new TableFormatter("Provider", "Interfaces").format(rows);
        out.append(PrintHosts.indent(PrintHosts.indent(PrintHosts.indent(PrintHosts.indent(table))))).append('\n');
      }
    }
  }

  private static TreeMap<Long, TreeMap<String, List<String>>> bySocket(JsonObject hf) {
    TreeMap<Long, TreeMap<String, List<String>>> m = new TreeMap<>();
    for (JsonElement i : hf.getAsJsonArray("Interfaces")) {
      JsonObject fi = i.getAsJsonObject();
      m.computeIfAbsent(fi.get("NumaNode").getAsLong(), k -> new TreeMap<>())
          .computeIfAbsent(fi.get("Provider").getAsString(), k -> new ArrayList<>()).add(fi.get("Device").getAsString());
    }
    return m;
  }
}
