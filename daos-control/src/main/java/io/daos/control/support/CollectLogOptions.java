package io.daos.control.support;

import io.daos.proto.ctl.CollectLogReq;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags of {@code collect-log} that dmg and daos_server share (DAOS CollectLogSubCmd and LogTypeSubCmd), what
 * they make a server collect, and the request for one item.
 */
public record CollectLogOptions(boolean stopOnError, String extraLogsDir, String startDate, String endDate,
    String startTime, String endTime, String transferArgs, String logType) {
  public CollectLogOptions {
    extraLogsDir = nz(extraLogsDir);
    startDate = nz(startDate);
    endDate = nz(endDate);
    startTime = nz(startTime);
    endTime = nz(endTime);
    transferArgs = nz(transferArgs);
    logType = nz(logType);
  }

  /** Checks the dates, times and log types; DAOS's messages. */
  public void validate() {
    SupportLogs.validateDateTime(startDate, endDate, startTime, endTime);
    SupportLogs.logTypes(logType);
  }

  /** Whether everything is collected (no --log-type): the server config, host and dmg information too. */
  public boolean everything() {
    return logType.isEmpty();
  }

  /** What a server collects, in the order collected: log function to the commands or logs of each call. */
  public Map<Integer, List<String>> serverItems() {
    Map<Integer, List<String>> c = new LinkedHashMap<>();
    if (everything()) {
      c.put(SupportLogs.COPY_SERVER_CONFIG, List.of(""));
      c.put(SupportLogs.COLLECT_SYSTEM_CMD, SupportLogs.SYSTEM_CMDS);
      c.put(SupportLogs.COLLECT_DAOS_SERVER_CMD, SupportLogs.DAOS_SERVER_CMDS);
    }
    c.put(SupportLogs.COLLECT_SERVER_LOG, SupportLogs.logTypes(logType));
    if (!extraLogsDir.isEmpty()) {
      c.put(SupportLogs.COLLECT_EXTRA_LOGS_DIR, List.of(""));
    }
    return c;
  }

  /** The CollectLog request of one item. */
  public CollectLogReq request(String targetFolder, int function, String cmd) {
    return CollectLogReq.newBuilder().setTargetFolder(targetFolder).setLogFunction(function).setLogCmd(cmd)
        .setExtraLogsDir(extraLogsDir).setLogStartDate(startDate).setLogEndDate(endDate).setLogStartTime(startTime)
        .setLogEndTime(endTime).setStopOnError(stopOnError).setFileTransferExecArgs(transferArgs).build();
  }

  /** The default target folder: {@code <tmp>/daos_support_server_logs_<RFC 3339 time>}. */
  public static java.nio.file.Path defaultTarget(java.time.Clock clock) {
    String stamp = java.time.OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    return java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "daos_support_server_logs_" + stamp);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
