package io.daos.server.storage;

import java.util.HashMap;
import java.util.Map;

/**
 * System memory from /proc/meminfo (DAOS SysMemInfo): totals in KiB, hugepage counts and size.
 */
public record MemInfo(long memTotalKib, long memFreeKib, long memAvailableKib, long hugepagesTotal,
    long hugepagesFree, long hugepagesReserved, long hugepagesSurplus, long hugepageSizeKib, long hugetlbKib) {

  /** Parses the text of /proc/meminfo; missing fields are 0. */
  public static MemInfo parse(String text) {
    Map<String, Long> v = new HashMap<>();
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String[] parts = line.substring(colon + 1).trim().split("\\s+");
      try {
        v.put(line.substring(0, colon).trim(), Long.parseLong(parts[0]));
      } catch (NumberFormatException e) {
        // not a numeric field
      }
    }
    return new MemInfo(g(v, "MemTotal"), g(v, "MemFree"), g(v, "MemAvailable"), g(v, "HugePages_Total"),
        g(v, "HugePages_Free"), g(v, "HugePages_Rsvd"), g(v, "HugePages_Surp"), g(v, "Hugepagesize"),
        g(v, "Hugetlb"));
  }

  private static long g(Map<String, Long> v, String k) {
    return v.getOrDefault(k, 0L);
  }

  public long memTotalBytes() {
    return memTotalKib << 10;
  }

  public long memAvailableBytes() {
    return memAvailableKib << 10;
  }
}
