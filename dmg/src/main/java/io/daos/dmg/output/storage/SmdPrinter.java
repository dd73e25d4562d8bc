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

/**
 * Text output of {@code dmg storage query list-devices|list-pools|usage}, {@code set nvme-faulty},
 * {@code replace nvme} and {@code led}, as DAOS's pretty.PrintSmdInfoMap, PrintSmdManageResp and
 * PrintHostStorageUsageMap.
 */
public final class SmdPrinter {
  private SmdPrinter() {
  }

  /** What a device line shows: everything, or (LED commands) transport address, UUID and LED only. */
  public record Options(boolean omitDevices, boolean omitPools, boolean ledOnly, boolean verbose) {
  }

  public static void printSmdInfo(StringBuilder out, HostStorageMap hsm, Options o) {
    for (String key : hsm.keys()) {
      String hosts = PrintHosts.strip(hsm.hosts(key));
      String line = "-".repeat(hosts.length());
      out.append(line).append('\n').append(hosts).append('\n').append(line).append('\n');
      JsonElement info = hsm.storage(key).get("smd_info");
      if (info == null || info.isJsonNull()) {
        out.append("  No SMD info returned\n");
        continue;
      }
      JsonObject smd = info.getAsJsonObject();
      if (!o.omitDevices()) {
        devices(out, smd.get("devices"), o);
      }
      if (!o.omitPools()) {
        pools(out, smd.get("pools"), o.verbose());
      }
    }
  }

  private static void devices(StringBuilder out, JsonElement devs, Options o) {
    if (devs == null || !devs.isJsonArray() || devs.getAsJsonArray().isEmpty()) {
      out.append("  No devices found\n");
      return;
    }
    out.append("  Devices\n");
    for (JsonElement e : devs.getAsJsonArray()) {
      JsonObject d = e.getAsJsonObject();
      device(out, d, o.ledOnly());
      JsonElement health = d.getAsJsonObject("ctrlr").get("health_stats");
      if (!o.ledOnly() && health != null && health.isJsonObject()) {
        HealthPrinter.print(out, health.getAsJsonObject(), "      ");
        out.append('\n');
      }
    }
  }

  /** DAOS's printSmdDevice (the namespace id only when at least 1). */
  static void device(StringBuilder out, JsonObject d, boolean ledOnly) {
    JsonObject c = d.getAsJsonObject("ctrlr");
    String trAddr = "TrAddr:" + c.get("pci_addr").getAsString();
    long nsid = d.get("ctrlr_namespace_id").getAsLong();
    String uuid = d.get("uuid").getAsString();
    String led = "LED:" + c.get("led_state").getAsString();
    if (ledOnly) {
      String s = trAddr + (nsid > 0 ? " NSID:" + nsid : "") + (uuid.isEmpty() ? "" : " [UUID:" + uuid + "]");
      out.append("    ").append(s).append(' ').append(led).append('\n');
      return;
    }
    out.append("    UUID:").append(uuid).append(" [").append(trAddr).append(nsid > 0 ? " NSID:" + nsid : "")
        .append("]\n");
    out.append("      Roles:").append(d.get("roles").getAsString()).append(" Targets:")
        .append(list(d.getAsJsonArray("tgt_ids"))).append(" Rank:").append(d.get("rank").getAsLong())
        .append(" State:").append(c.get("dev_state").getAsString()).append(' ').append(led).append('\n');
  }

  private static void pools(StringBuilder out, JsonElement pools, boolean verbose) {
    if (pools == null || !pools.isJsonObject() || pools.getAsJsonObject().isEmpty()) {
      out.append("  No pools with NVMe found\n");
      return;
    }
    out.append("  Pools\n");
    for (Map.Entry<String, JsonElement> p : pools.getAsJsonObject().entrySet()) {
      out.append("    UUID:").append(p.getKey()).append('\n');
      for (JsonElement e : p.getValue().getAsJsonArray()) {
        JsonObject r = e.getAsJsonObject();
        out.append("      Rank:").append(r.get("rank").getAsLong()).append(" Targets:")
            .append(list(r.getAsJsonArray("tgt_ids")));
        if (verbose) {
          out.append(" Blobs:").append(list(r.getAsJsonArray("blobs")));
        }
        out.append('\n');
      }
      out.append('\n');
    }
  }

  /** Go's %+v of an integer slice: {@code [0 1 2]}. */
  static String list(JsonArray a) {
    List<String> s = new ArrayList<>();
    if (a != null) {
      a.forEach(x -> s.add(x.getAsString()));
    }
    return "[" + String.join(" ", s) + "]";
  }

  /** "&lt;op&gt; operation performed successfully on the following host(s): &lt;hosts&gt;". */
  public static void printManageSuccess(StringBuilder out, String op, HostStorageMap hsm) {
    for (String key : hsm.keys()) {
      String hosts = hsm.hosts(key);
      int n = io.daos.common.hostlist.HostSet.parse(hosts).count();
      out.append(op).append(" operation performed successfully on the following ").append(n == 1 ? "host" : "hosts")
          .append(": ").append(hosts).append('\n');
    }
  }

  /** DAOS's PrintHostStorageUsageMap: per host set, SCM and NVMe total, free and used share. */
  public static void printUsage(StringBuilder out, HostStorageMap hsm) {
    if (hsm.isEmpty()) {
      return;
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (String key : hsm.keys()) {
      JsonObject hs = hsm.storage(key);
      long scmTotal = 0;
      long scmFree = 0;
      for (JsonElement n : array(hs.get("scm_namespaces"))) {
        JsonElement m = n.getAsJsonObject().get("mount");
        if (m != null && m.isJsonObject()) {
          scmTotal += m.getAsJsonObject().get("total_bytes").getAsLong();
          scmFree += m.getAsJsonObject().get("avail_bytes").getAsLong();
        }
      }
      long nvmeTotal = 0;
      long nvmeFree = 0;
      for (JsonElement c : array(hs.get("nvme_devices"))) {
        for (JsonElement d : array(c.getAsJsonObject().get("smd_devices"))) {
          nvmeTotal += d.getAsJsonObject().get("total_bytes").getAsLong();
          nvmeFree += d.getAsJsonObject().get("avail_bytes").getAsLong();
        }
      }
      rows.add(Map.of("Hosts", PrintHosts.strip(hsm.hosts(key)), "SCM-Total", si(scmTotal), "SCM-Free", si(scmFree),
          "SCM-Used", percent(scmTotal - scmFree, scmTotal), "NVMe-Total", si(nvmeTotal), "NVMe-Free", si(nvmeFree),
          "NVMe-Used", percent(nvmeTotal - nvmeFree, nvmeTotal)));
    }
    out.append(new TableFormatter("Hosts", "SCM-Total", "SCM-Free", "SCM-Used", "NVMe-Total", "NVMe-Free",
        "NVMe-Used").format(rows));
  }

  private static JsonArray array(JsonElement e) {
    return e == null || !e.isJsonArray() ? new JsonArray() : e.getAsJsonArray();
  }

  private static String si(long bytes) {
    return ByteSize.ofBytes(bytes).toSiString();
  }

  /** DAOS's common.PercentageString: "N/A" of nothing, else the whole percent. */
  static String percent(long part, long total) {
    if (total == 0) {
      return "N/A";
    }
    return (part == 0 ? 0 : (int) ((double) part / total * 100)) + " %";
  }
}
