package io.daos.control.support;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** DAOS's support log collection: the log functions, folder layout, command sets and the file operations. */
public final class SupportLogs {
  /** CollectLogReq.LogFunction values (DAOS support.*Enum, in order). */
  public static final int COPY_SERVER_CONFIG = 0;
  public static final int COLLECT_SYSTEM_CMD = 1;
  public static final int COLLECT_SERVER_LOG = 2;
  public static final int COLLECT_EXTRA_LOGS_DIR = 3;
  public static final int COLLECT_DAOS_SERVER_CMD = 4;
  public static final int COLLECT_DMG_CMD = 5;
  public static final int COLLECT_DMG_DISK_INFO = 6;
  public static final int COLLECT_AGENT_CMD = 7;
  public static final int COLLECT_CLIENT_LOG = 8;
  public static final int COLLECT_AGENT_LOG = 9;
  public static final int COPY_AGENT_CONFIG = 10;
  public static final int RSYNC_LOG = 11;
  public static final int ARCHIVE_LOGS = 12;

  /** Folders under {@code <target>/<host>/} (DmgSystemLogs directly under the target). */
  public static final String DMG_SYSTEM_LOGS = "DmgSystemLogs";
  public static final String DMG_NODE_LOGS = "DmgNodeLogs";
  public static final String GEN_SYSTEM_INFO = "GenSystemInfo";
  public static final String ENGINE_LOGS = "EngineLogs";
  public static final String CONTROL_LOGS = "ControlLogs";
  public static final String ADMIN_LOGS = "AdminLogs";
  public static final String SERVER_CONFIG = "DaosServerConfig";
  public static final String EXTRA_LOGS = "ExtraLogs";

  /** The dmg commands whose output the admin node keeps (DAOS DmgCmd). */
  public static final List<String> DMG_CMDS = List.of("dmg system get-prop", "dmg system query",
      "dmg system list-pools", "dmg system leader-query", "dmg system get-attr", "dmg network scan",
      "dmg storage scan", "dmg storage scan -n", "dmg storage scan -m", "dmg storage query list-pools -v",
      "dmg storage query usage");
  public static final String DMG_LIST_DEVICES = "dmg storage query list-devices";
  /** Host information commands each server runs (DAOS SystemCmd). */
  public static final List<String> SYSTEM_CMDS = List.of("dmesg", "df -h", "mount", "ps axf", "top -bcn1 -w512",
      "lspci -D", "sysctl -a", "printenv", "rpm -qa --qf '(%{INSTALLTIME:date}): %{NAME}-%{VERSION}\\n'");
  /** Server log kinds (DAOS ServerLog). */
  public static final List<String> SERVER_LOGS = List.of("EngineLog", "ControlLog", "HelperLog");
  /** daos_server information (DAOS DaosServerCmd). */
  public static final List<String> DAOS_SERVER_CMDS = List.of("daos_server version", "daos_metrics",
      "dump-topology");

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  /** A log line's time stamp: DAOS's "2006/01/02 15:04:05" (and ISO "2006-01-02 15:04:05" / "T"). */
  private static final Pattern STAMP = Pattern.compile("(\\d{4})[/-](\\d{2})[/-](\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})");

  private SupportLogs() {
  }

  /** DAOS DateTimeValidate: dates YYYY-MM-DD (both or neither), times HH:MM:SS; the same messages. */
  public static void validateDateTime(String startDate, String endDate, String startTime, String endTime) {
    if (!empty(startDate) || !empty(endDate)) {
      LocalDate s = parse(startDate, DATE, "Invalid date, please provide the startDate in YYYY-MM-DD format");
      LocalDate e = parse(endDate, DATE, "Invalid date, please provide the endDate in YYYY-MM-DD format");
      if (s.isAfter(e)) {
        throw new IllegalArgumentException("start-date can not be after end-date");
      }
    }
    if (!empty(startTime)) {
      parseTime(startTime, "Invalid log-start-time, please provide the time in HH:MM:SS format");
    }
    if (!empty(endTime)) {
      parseTime(endTime, "Invalid log-end-time, please provide the time in HH:MM:SS format");
    }
  }

  /** DAOS LogTypeValidate: "admin,control,server" to HelperLog, ControlLog, EngineLog; all when empty. */
  public static List<String> logTypes(String logType) {
    if (empty(logType)) {
      return SERVER_LOGS;
    }
    List<String> out = new ArrayList<>();
    for (String v : logType.split(",")) {
      if (v.isEmpty()) {
        continue;
      }
      out.add(switch (v) {
        case "admin" -> "HelperLog";
        case "control" -> "ControlLog";
        case "server" -> "EngineLog";
        default -> throw new IllegalArgumentException("Invalid log-type, please use admin,control,server log-type "
            + "only");
      });
    }
    return out;
  }

  /** The file a command's output goes to (DAOS cpOutputToFile): " -" and " " become "_". */
  public static String outputName(String cmd) {
    return cmd.replace(" -", "_").replace(" ", "_");
  }

  /** This host's name (DAOS os.Hostname). */
  public static String hostName() {
    try {
      String n = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
      if (!n.isEmpty()) {
        return n;
      }
    } catch (IOException e) {
      // not Linux: ask the resolver
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  /** {@code <dir>/<name>}, created (with parents) when missing. */
  public static Path folder(Path dir, String name) throws IOException {
    return Files.createDirectories(dir.resolve(name));
  }

  /** The time window of a collection; null bounds when no dates were given (whole files are copied). */
  public record Window(LocalDateTime start, LocalDateTime end) {
    /** DAOS getDateTime: times default to 00:00:00 and 23:59:59. */
    public static Window of(String startDate, String endDate, String startTime, String endTime) {
      if (empty(startDate) && empty(endDate)) {
        return new Window(null, null);
      }
      LocalTime st = empty(startTime) ? LocalTime.MIN : parseTime(startTime, "Invalid log-start-time");
      LocalTime et = empty(endTime) ? LocalTime.of(23, 59, 59) : parseTime(endTime, "Invalid log-end-time");
      return new Window(LocalDateTime.of(parse(startDate, DATE, "Invalid start date"), st),
          LocalDateTime.of(parse(endDate, DATE, "Invalid end date"), et));
    }

    boolean all() {
      return start == null;
    }
  }

  /**
   * Copies {@code src} into {@code dstDir} (DAOS cpLinesFromLog): whole, or only the lines stamped strictly inside
   * the window, with the unstamped lines that follow a copied one; copying stops at the first line after the end.
   */
  public static void copyLog(Path src, Path dstDir, Window w) throws IOException {
    Path dst = dstDir.resolve(src.getFileName().toString());
    if (w.all()) {
      Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    try (BufferedReader r = Files.newBufferedReader(src, StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(dst, StandardCharsets.UTF_8)) {
      boolean copying = false;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        Matcher m = STAMP.matcher(line);
        if (!m.find()) {
          if (copying) {
            out.write(line);
            out.write('\n');
          }
          continue;
        }
        LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
            Integer.parseInt(m.group(6)));
        if (t.isAfter(w.start()) && t.isBefore(w.end())) {
          copying = true;
          out.write(line);
          out.write('\n');
        }
        if (t.isAfter(w.end())) {
          return;
        }
      }
    }
  }

  /** Copies the tree {@code src} into {@code dst} (DAOS CpDir). */
  public static void copyTree(Path src, Path dst) throws IOException {
    if (!Files.isDirectory(src)) {
      throw new IOException("cannot copy " + src + ": not a directory");
    }
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path to = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Writes {@code <folder>.tar.gz} (DAOS ArchiveLogs / FolderCompress) and returns its path. */
  public static Path archive(Path folder) throws IOException {
    Path out = folder.resolveSibling(folder.getFileName() + ".tar.gz");
    // written aside and moved in whole: servers sharing the host and the folder archive it at the same time
    Path tmp = Files.createTempFile(out.getParent(), "." + out.getFileName(), ".part");
    try (OutputStream os = Files.newOutputStream(tmp)) {
      TarGz.write(folder, os);
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return out;
  }

  /** Runs {@code cmd} with {@code sh -c} and returns its combined output; a failure carries the output. */
  public static String run(String cmd, java.time.Duration timeout) throws IOException {
    return run(List.of("sh", "-c", cmd), cmd, timeout);
  }

  /** Runs {@code argv} (no shell) and returns its combined output; a failure carries the output. */
  public static String run(List<String> argv, java.time.Duration timeout) throws IOException {
    return run(argv, String.join(" ", argv), timeout);
  }

  private static String run(List<String> argv, String cmd, java.time.Duration timeout) throws IOException {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    p.getOutputStream().close();
    byte[] out;
    try (InputStream in = p.getInputStream()) {
      out = in.readAllBytes();
    }
    try {
      if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IOException(cmd + ": timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException(cmd + ": interrupted", e);
    }
    String s = new String(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException(s.isEmpty() ? cmd + ": exit status " + p.exitValue() : s.strip());
    }
    return s;
  }

  private static boolean empty(String s) {
    return s == null || s.isEmpty();
  }

  private static LocalDate parse(String s, DateTimeFormatter f, String msg) {
    try {
      return LocalDate.parse(s == null ? "" : s, f);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(msg);
    }
  }

  private static LocalTime parseTime(String s, String msg) {
    try {
      return LocalTime.parse(s, TIME);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(msg);
    }
  }
}
