package io.daos.dmg.output.storage;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** DAOS's printNvmeHealth for the counters a device reports (vendor SMART attributes only when present). */
final class HealthPrinter {
  private static final DateTimeFormatter ISO8601 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  private HealthPrinter() {
  }

  static void print(StringBuilder out, JsonObject h, String indent) {
    String in = indent + "  ";
    out.append(indent).append("Health Stats:\n");
    long ts = h.get("timestamp").getAsLong();
    if (ts > 0) {
      out.append(in).append("Timestamp:").append(ISO8601.format(Instant.ofEpochSecond(ts)
          .atZone(ZoneId.systemDefault()))).append('\n');
    }
    long k = h.get("temperature").getAsLong();
    out.append(in).append(String.format("Temperature:%dK(%.02fC)%n", k, k - 273.15));
    long warn = h.get("warn_temp_time").getAsLong();
    if (warn > 0) {
      out.append(in).append("Temperature Warning Duration:").append(goDuration(warn * 60)).append('\n');
    }
    long crit = h.get("crit_temp_time").getAsLong();
    if (crit > 0) {
      out.append(in).append("Temperature Critical Duration:").append(goDuration(crit * 60)).append('\n');
    }
    out.append(in).append("Controller Busy Time:").append(goDuration(h.get("ctrl_busy_time").getAsLong() * 60))
        .append('\n');
    out.append(in).append("Power Cycles:").append(h.get("power_cycles").getAsLong()).append('\n');
    out.append(in).append("Power On Duration:").append(goDuration(h.get("power_on_hours").getAsLong() * 3600))
        .append('\n');
    out.append(in).append("Unsafe Shutdowns:").append(h.get("unsafe_shutdowns").getAsLong()).append('\n');
    out.append(in).append("Media Errors:").append(h.get("media_errs").getAsLong()).append('\n');
    if (ts > 0) {
      out.append(in).append("Read Errors:").append(h.get("bio_read_errs").getAsLong()).append('\n');
      out.append(in).append("Write Errors:").append(h.get("bio_write_errs").getAsLong()).append('\n');
      out.append(in).append("Unmap Errors:").append(h.get("bio_unmap_errs").getAsLong()).append('\n');
      out.append(in).append("Checksum Errors:").append(h.get("checksum_errs").getAsLong()).append('\n');
    }
    out.append(in).append("Error Log Entries:").append(h.get("err_log_entries").getAsLong()).append('\n');
    out.append(in).append("Lifetime Percent Used:").append(h.get("percentage_used").getAsLong()).append("%\n");
    out.append(indent).append("Critical Warnings:\n");
    warning(out, in, "Temperature", h, "temp_warn");
    warning(out, in, "Available Spare", h, "avail_spare_warn");
    warning(out, in, "Device Reliability", h, "dev_reliability_warn");
    warning(out, in, "Read Only", h, "read_only_warn");
    warning(out, in, "Volatile Memory Backup", h, "volatile_mem_warn");
  }

  private static void warning(StringBuilder out, String in, String what, JsonObject h, String field) {
    out.append(in).append(what).append(": ").append(h.get(field).getAsBoolean() ? "WARNING" : "OK").append('\n');
  }

  /** Go's time.Duration String for whole seconds: 0s, 5m0s, 3h0m0s. */
  static String goDuration(long secs) {
    if (secs == 0) {
      return "0s";
    }
    long h = secs / 3600;
    long m = secs % 3600 / 60;
    long s = secs % 60;
    if (h > 0) {
      return h + "h" + m + "m" + s + "s";
    }
    return m > 0 ? m + "m" + s + "s" : s + "s";
  }
}
