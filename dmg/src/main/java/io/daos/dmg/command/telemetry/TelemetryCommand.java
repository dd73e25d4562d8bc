package io.daos.dmg.command.telemetry;

import picocli.CommandLine.Command;

/** {@code dmg telemetry}. */
@Command(name = "telemetry", description = "Perform telemetry operations",
    subcommands = {TelemetryConfigCommand.class, TelemetryCommand.Metrics.class})
public final class TelemetryCommand {
  /** {@code dmg telemetry metrics}. */
  @Command(name = "metrics", description = "Interact with metrics",
      subcommands = {MetricsListCommand.class, MetricsQueryCommand.class})
  public static final class Metrics {
  }
}
