package io.daos.control.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DAOS lib/support/log_test.go TestSupport_* for the shared parts. */
class SupportLogsTest {
  @TempDir
  Path dir;

  @Test
  void TestSupport_DateTimeValidate() {
    SupportLogs.validateDateTime("", "", "", "");
    SupportLogs.validateDateTime("2023-12-12", "2023-12-12", "13:15:59", "14:15:59");
    assertEquals("Invalid date, please provide the startDate in YYYY-MM-DD format", assertThrows(
        IllegalArgumentException.class, () -> SupportLogs.validateDateTime("44-44-44", "2023-12-12", "", ""))
        .getMessage());
    assertEquals("Invalid date, please provide the endDate in YYYY-MM-DD format", assertThrows(
        IllegalArgumentException.class, () -> SupportLogs.validateDateTime("2023-12-12", "", "", "")).getMessage());
    assertEquals("start-date can not be after end-date", assertThrows(IllegalArgumentException.class,
        () -> SupportLogs.validateDateTime("2023-12-13", "2023-12-12", "", "")).getMessage());
    assertEquals("Invalid log-start-time, please provide the time in HH:MM:SS format", assertThrows(
        IllegalArgumentException.class, () -> SupportLogs.validateDateTime("", "", "25:15:59", "")).getMessage());
    assertEquals("Invalid log-end-time, please provide the time in HH:MM:SS format", assertThrows(
        IllegalArgumentException.class, () -> SupportLogs.validateDateTime("", "", "", "99:15:59")).getMessage());
  }

  @Test
  void TestSupport_LogTypeValidate() {
    assertEquals(List.of("EngineLog", "ControlLog", "HelperLog"), SupportLogs.logTypes(""));
    assertEquals(List.of("HelperLog", "ControlLog", "EngineLog"), SupportLogs.logTypes("admin,control,server"));
    assertEquals("Invalid log-type, please use admin,control,server log-type only", assertThrows(
        IllegalArgumentException.class, () -> SupportLogs.logTypes("admin,foo")).getMessage());
  }

  @Test
  void TestSupport_cpOutputToFile_names() {
    assertEquals("top_bcn1_w512", SupportLogs.outputName("top -bcn1 -w512"));
    assertEquals("dmg_storage_scan_n", SupportLogs.outputName("dmg storage scan -n"));
    assertEquals("daos_server_version", SupportLogs.outputName("daos_server version"));
  }

  @Test
  void TestSupport_cpLinesFromLog() throws IOException {
    Path src = Files.writeString(dir.resolve("daos_server.log"), String.join("\n",
        "INFO 2023/12/12 11:59:59 before", "INFO 2023/12/12 12:00:01 inside", "  continuation",
        "DEBUG 2023/12/12 12:30:00 inside too", "INFO 2023/12/12 13:00:01 after", "  after continuation") + "\n");
    Path out = Files.createDirectories(dir.resolve("out"));
    SupportLogs.copyLog(src, out, SupportLogs.Window.of("2023-12-12", "2023-12-12", "12:00:00", "13:00:00"));
    assertEquals("INFO 2023/12/12 12:00:01 inside\n  continuation\nDEBUG 2023/12/12 12:30:00 inside too\n",
        Files.readString(out.resolve("daos_server.log")));
    SupportLogs.copyLog(src, out, SupportLogs.Window.of("", "", "", ""));
    assertEquals(Files.readString(src), Files.readString(out.resolve("daos_server.log")), "no dates: whole file");
  }

  @Test
  void TestSupport_ArchiveLogs() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("logs/host1/ControlLogs"));
    Files.writeString(folder.resolve("daos_server.log"), "hello\n");
    Files.write(dir.resolve("logs/big.bin"), new byte[1000]);
    Path tgz = SupportLogs.archive(dir.resolve("logs"));
    assertEquals(dir.resolve("logs.tar.gz"), tgz);
    List<String> names = new ArrayList<>();
    String content = null;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
      byte[] all = in.readAllBytes();
      for (int off = 0; off + 512 <= all.length && all[off] != 0; ) {
        String name = new String(all, off, 100, StandardCharsets.UTF_8).replace("\0", "");
        long size = Long.parseLong(new String(all, off + 124, 11, StandardCharsets.US_ASCII), 8);
        names.add(name);
        if (name.endsWith("daos_server.log")) {
          content = new String(all, off + 512, (int) size, StandardCharsets.UTF_8);
        }
        off += 512 + (int) ((size + 511) / 512 * 512);
      }
    }
    assertEquals(List.of("logs/", "logs/big.bin", "logs/host1/", "logs/host1/ControlLogs/",
        "logs/host1/ControlLogs/daos_server.log"), names);
    assertEquals("hello\n", content);
    Process tar = new ProcessBuilder("tar", "-tzf", tgz.toString()).redirectErrorStream(true).start();
    ByteArrayOutputStream listing = new ByteArrayOutputStream();
    tar.getInputStream().transferTo(listing);
    assertTrue(listing.toString(StandardCharsets.UTF_8).contains("logs/host1/ControlLogs/daos_server.log"),
        listing.toString(StandardCharsets.UTF_8));
  }

  @Test
  void TestSupport_collectExtraLogsDir_copyTree() throws IOException {
    Path src = Files.createDirectories(dir.resolve("extra/sub"));
    Files.writeString(src.resolve("a.log"), "a");
    SupportLogs.copyTree(dir.resolve("extra"), dir.resolve("dst"));
    assertEquals("a", Files.readString(dir.resolve("dst/sub/a.log")));
    assertThrows(IOException.class, () -> SupportLogs.copyTree(dir.resolve("nope"), dir.resolve("dst2")));
  }
}
