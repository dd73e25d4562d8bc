package io.daos.dmg.output.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.daos.common.ByteSize;
import io.daos.dmg.output.TableFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-device tables of {@code dmg storage scan -v} (SCM modules or namespaces, NVMe controllers). */
final class StorageDevicePrinter {
  private StorageDevicePrinter() {
  }

  static String scm(JsonObject hs) {
    JsonArray ns = hs.getAsJsonArray("scm_namespaces");
    if (ns != null && !ns.isEmpty()) {
      return namespaces(ns);
    }
    JsonArray mods = hs.getAsJsonArray("scm_modules");
    if (mods == null || mods.isEmpty()) {
      return "  No SCM modules found\n";
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonElement e : mods) {
      JsonObject m = e.getAsJsonObject();
      Map<String, String> row = new LinkedHashMap<>();
      row.put("SCM Module", str(m, "physical_id"));
      row.put("Socket", str(m, "socket_id"));
      row.put("Memory Ctrlr", str(m, "controller_id"));
      row.put("Channel", str(m, "channel_id"));
      row.put("Channel Slot", str(m, "channel_position"));
      row.put("Capacity", ByteSize.ofBytes(m.get("capacity").getAsLong()).toIecString());
      row.put("UID", str(m, "uid"));
      row.put("Part Number", str(m, "part_number"));
      row.put("Health", str(m, "health_state"));
      rows.add(row);
    }
    return new TableFormatter("SCM Module", "Socket", "Memory Ctrlr", "Channel", "Channel Slot", "Capacity", "UID",
        "Part Number", "Health").format(rows);
  }

  private static String namespaces(JsonArray ns) {
    List<JsonObject> sorted = new ArrayList<>();
    ns.forEach(e -> sorted.add(e.getAsJsonObject()));
    sorted.sort(Comparator.comparing(o -> str(o, "blockdev")));
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonObject n : sorted) {
      rows.add(Map.of("SCM Namespace", str(n, "blockdev"), "Socket", str(n, "numa_node"),
          "Capacity", ByteSize.ofBytes(n.get("size").getAsLong()).toSiString()));
    }
    return new TableFormatter("SCM Namespace", "Socket", "Capacity").format(rows);
  }

  static String nvme(JsonArray ctrlrs) {
    if (ctrlrs == null || ctrlrs.isEmpty()) {
      return "  No NVMe devices found\n";
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonElement e : ctrlrs) {
      JsonObject c = e.getAsJsonObject();
      Map<String, String> row = new LinkedHashMap<>();
      row.put("NVMe PCI", str(c, "pci_addr"));
      row.put("Model", str(c, "model"));
      row.put("FW Revision", str(c, "fw_rev"));
      row.put("Socket", str(c, "socket_id"));
      row.put("Capacity", ByteSize.ofBytes(StoragePrinter.sum(c.getAsJsonArray("namespaces"), "size"))
          .toSiString());
      JsonArray smd = c.getAsJsonArray("smd_devices");
      row.put("Role(s)", "NA");
      row.put("Rank", smd == null || smd.isEmpty() ? "None" : str(smd.get(0).getAsJsonObject(), "rank"));
      rows.add(row);
    }
    return new TableFormatter("NVMe PCI", "Model", "FW Revision", "Socket", "Capacity", "Role(s)", "Rank")
        .format(rows);
  }

  private static String str(JsonObject o, String key) {
    JsonElement v = o.get(key);
    return v == null || v.isJsonNull() ? "" : v.getAsString();
  }
}
