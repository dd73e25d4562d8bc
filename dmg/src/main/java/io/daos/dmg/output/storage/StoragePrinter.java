package io.daos.dmg.output.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.daos.common.ByteSize;
import io.daos.dmg.output.PrintHosts;
import io.daos.dmg.output.TableFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Text output of {@code dmg storage scan|format}, as DAOS's pretty storage printers. */
public final class StoragePrinter {
  private StoragePrinter() {
  }

  /** "Hosts SCM Total NVMe Total" (or per-host device details when verbose). */
  public static void printScan(StringBuilder out, HostStorageMap hsm, boolean verbose) {
    if (hsm.isEmpty()) {
      return;
    }
    if (verbose) {
      printScanVerbose(out, hsm);
      return;
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (String key : hsm.keys()) {
      JsonObject hs = hsm.storage(key);
      rows.add(Map.of("Hosts", PrintHosts.strip(hsm.hosts(key)), "SCM Total", scmSummary(hs),
          "NVMe Total", nvmeSummary(hs.getAsJsonArray("nvme_devices"))));
    }
    out.append(new TableFormatter("Hosts", "SCM Total", "NVMe Total").format(rows));
  }

  /** "Format Summary:" and an indented "Hosts SCM Devices NVMe Devices" table. */
  public static void printFormat(StringBuilder out, HostStorageMap hsm) {
    if (hsm.isEmpty()) {
      return;
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (String key : hsm.keys()) {
      JsonObject hs = hsm.storage(key);
      rows.add(Map.of("Hosts", PrintHosts.strip(hsm.hosts(key)),
          "SCM Devices", Integer.toString(size(hs.get("scm_mount_points"))),
          "NVMe Devices", Integer.toString(size(hs.get("nvme_devices")))));
    }
    out.append("Format Summary:\n")
        .append(PrintHosts.indent(new TableFormatter("Hosts", "SCM Devices", "NVMe Devices").format(rows)));
  }

  static String scmSummary(JsonObject hs) {
    JsonArray ns = hs.getAsJsonArray("scm_namespaces");
    if (ns == null || ns.isEmpty()) {
      JsonArray mods = hs.getAsJsonArray("scm_modules");
      long cap = sum(mods, "capacity");
      return ByteSize.ofBytes(cap).toIecString() + " (" + plural(size(mods), "module") + ")";
    }
    return ByteSize.ofBytes(sum(ns, "size")).toSiString() + " (" + plural(ns.size(), "namespace") + ")";
  }

  static String nvmeSummary(JsonArray ctrlrs) {
    long cap = 0;
    for (JsonElement c : ctrlrs == null ? new JsonArray() : ctrlrs) {
      cap += sum(c.getAsJsonObject().getAsJsonArray("namespaces"), "size");
    }
    return ByteSize.ofBytes(cap).toSiString() + " (" + plural(size(ctrlrs), "controller") + ")";
  }

  private static void printScanVerbose(StringBuilder out, HostStorageMap hsm) {
    for (String key : hsm.keys()) {
      JsonObject hs = hsm.storage(key);
      String hosts = PrintHosts.strip(hsm.hosts(key));
      String line = "-".repeat(hosts.length());
      out.append(line).append('\n').append(hosts).append('\n').append(line).append('\n');
      JsonElement mem = hs.get("mem_info");
      long hp = mem != null && mem.isJsonObject() ? mem.getAsJsonObject().get("hugepage_size_kb").getAsLong() : 0;
      out.append("HugePage Size: ").append(hp).append(" KB\n\n");
      out.append(StorageDevicePrinter.scm(hs)).append('\n');
      out.append(StorageDevicePrinter.nvme(hs.getAsJsonArray("nvme_devices"))).append('\n');
    }
  }

  static long sum(JsonArray arr, String field) {
    long total = 0;
    for (JsonElement e : arr == null ? new JsonArray() : arr) {
      JsonElement v = e.getAsJsonObject().get(field);
      total += v == null || v.isJsonNull() ? 0 : v.getAsLong();
    }
    return total;
  }

  static int size(JsonElement arr) {
    return arr == null || !arr.isJsonArray() ? 0 : arr.getAsJsonArray().size();
  }

  static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
