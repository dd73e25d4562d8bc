package io.daos.server.ctl;

import io.daos.proto.ctl.SysMemInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** SysMemInfo from a meminfo file ({@code /proc/meminfo}): hugepage counts and memory in KiB. */
public final class SysMemInfoReader {
  private final Path file;

  public SysMemInfoReader() {
    this(Path.of("/proc/meminfo"));
  }

  public SysMemInfoReader(Path file) {
    this.file = file;
  }

  public SysMemInfo read() throws IOException {
    Map<String, Long> v = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        String[] f = line.substring(colon + 1).trim().split("\\s+");
        try {
          v.put(line.substring(0, colon).trim(), Long.parseLong(f[0]));
        } catch (NumberFormatException e) {
          // not a number: skip
        }
      }
    }
    return SysMemInfo.newBuilder().setHugepagesTotal(v.getOrDefault("HugePages_Total", 0L))
        .setHugepagesFree(v.getOrDefault("HugePages_Free", 0L))
        .setHugepagesReserved(v.getOrDefault("HugePages_Rsvd", 0L))
        .setHugepagesSurplus(v.getOrDefault("HugePages_Surp", 0L))
        .setHugepageSizeKb(v.getOrDefault("Hugepagesize", 0L).intValue())
        .setMemTotalKb(v.getOrDefault("MemTotal", 0L)).setMemFreeKb(v.getOrDefault("MemFree", 0L))
        .setMemAvailableKb(v.getOrDefault("MemAvailable", 0L)).build();
  }
}
