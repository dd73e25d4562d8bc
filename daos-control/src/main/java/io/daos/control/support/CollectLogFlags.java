package io.daos.control.support;

import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** The collect-log flags of dmg and daos_server (DAOS CollectLogSubCmd and LogTypeSubCmd), as a picocli mixin. */
public final class CollectLogFlags {
  @Option(names = {"-s", "--stop-on-error"}, description = "Stop the collect-log command on very first error")
  boolean stopOnError;
  @Option(names = {"-t", "--target-folder"}, description = "Target Folder location where log will be copied")
  String targetFolder;
  @Option(names = {"-z", "--archive"}, description = "Archive the log/config files")
  boolean archive;
  @Option(names = {"-c", "--extra-logs-dir"}, description = "Collect the Logs from given directory")
  String extraLogsDir;
  @Option(names = {"-D", "--start-date"},
      description = "Specify the start date, the day from log will be collected, Format: YYYY-MM-DD")
  String startDate;
  @Option(names = {"-F", "--end-date"},
      description = "Specify the end date, the day till the log will be collected, Format: YYYY-MM-DD")
  String endDate;
  @Option(names = {"-S", "--log-start-time"},
      description = "Specify the log collection start time, Format: HH:MM:SS")
  String startTime;
  @Option(names = {"-E", "--log-end-time"}, description = "Specify the log collection end time, Format: HH:MM:SS")
  String endTime;
  @Option(names = {"-T", "--transfer-args"}, description = "Extra arguments for alternate file transfer tool")
  String transferArgs;
  @Option(names = {"-e", "--log-type"},
      description = "collect specific logs only admin,control,server and ignore everything else")
  String logType;

  /** The flags as the collection uses them. */
  public CollectLogOptions options() {
    return new CollectLogOptions(stopOnError, extraLogsDir, startDate, endDate, startTime, endTime, transferArgs,
        logType);
  }

  public boolean stopOnError() {
    return stopOnError;
  }

  public boolean archive() {
    return archive;
  }

  /** --target-folder, absolute, or the default folder named by {@code clock}'s time. */
  public Path target(Clock clock) {
    return targetFolder != null && !targetFolder.isEmpty() ? Path.of(targetFolder).toAbsolutePath()
        : CollectLogOptions.defaultTarget(clock);
  }
}
