package io.daos.dmg.command.telemetry;

import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The part that {@code metrics list} and {@code metrics query} share (DAOS {@code singleHostCmd} + {@code -p}): one
 * host from {@code -l} (a port given with it is dropped: the telemetry port is {@code -p}), no control client.
 */
abstract class MetricsHostCommand extends BaseCommand {
  @Option(names = {"-p", "--port"}, defaultValue = "9191", description = "Telemetry port on the host")
  int port;

  @Override
  protected boolean needsClient() {
    return false;
  }

  @Override
  protected final Outcome execute(ControlInvoker client) {
    String host = host(context().hostList());
    String connecting = "connecting to " + host + ":" + port + "...\n";
    return run(host, connecting);
  }

  abstract Outcome run(String host, String connecting);

  static String host(List<String> hosts) {
    if (hosts.isEmpty()) {
      throw new CommandError("no host given", "name the server with -l <host>");
    }
    if (hosts.size() != 1) {
      throw new CommandError("too many hosts: " + hosts, "give exactly one server with -l <host>");
    }
    String h = hosts.get(0);
    int colon = h.lastIndexOf(':');
    return colon > 0 && h.indexOf(':') == colon ? h.substring(0, colon) : h;
  }
}
