package io.daos.tool;

import io.daos.common.build.BuildInfo;
import io.daos.tool.command.CommandContext;
import io.daos.tool.command.DaosCommand;
import io.daos.tool.command.Outcome;
import io.daos.tool.output.Obj;
import picocli.CommandLine.Command;

/** {@code daos version}: "DAOS CLI version 2.9.100, libdaos v2.8.0" (no server contact). */
@Command(name = "version", description = "Print daos version")
final class VersionCommand extends DaosCommand {
  static final String CLI_UTIL_NAME = "DAOS CLI";
  /** {@code DAOS_API_VERSION_MAJOR.MINOR.FIX} of the libdaos API jdaos follows. */
  static final String API_VERSION = "2.8.0";

  @Override
  protected Outcome execute(CommandContext ctx) {
    String version = BuildInfo.DAOS_VERSION.toString();
    Obj json = new Obj().with("name", CLI_UTIL_NAME).with("version", version)
        .with("build_time", "0001-01-01T00:00:00Z");
    return Outcome.of(json, CLI_UTIL_NAME + " version " + version + ", libdaos v" + API_VERSION + "\n");
  }
}
