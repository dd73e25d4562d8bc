package io.daos.dmg.command.telemetry;

/** Opens {@link MetricsQueryCommand}'s value formatting to tests in other packages. */
public final class MetricsQueryCommandAccess {
  private MetricsQueryCommandAccess() {
  }

  public static String goG(double v) {
    return MetricsQueryCommand.goG(v);
  }
}
