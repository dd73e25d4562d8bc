package io.daos.dmg.command.system;

import io.daos.common.hostlist.HostSet;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.output.RankRanges;
import picocli.CommandLine.Option;

/** {@code -r/--ranks} and {@code --rank-hosts}: which ranks a system command operates on. */
public final class RankListOptions {
  @Option(names = {"-r", "--ranks"},
      description = "Comma separated ranges or individual system ranks to operate on")
  String ranks;
  @Option(names = "--rank-hosts",
      description = "Hostlist representing hosts whose managed ranks are to be operated on")
  String hosts;

  /** Normalised rank set string for the request ("0-3,5"); empty when none. */
  public String ranks() {
    if (ranks == null || ranks.isBlank()) {
      return "";
    }
    try {
      return RankRanges.plain(RankRanges.parse(ranks));
    } catch (IllegalArgumentException e) {
      throw new CommandError("creating numeric set from \"" + ranks + "\": " + e.getMessage());
    }
  }

  /** Host set string for the request; empty when none. */
  public String hosts() {
    if (hosts == null || hosts.isBlank()) {
      return "";
    }
    HostSet set;
    try {
      set = HostSet.parse(hosts);
    } catch (IllegalArgumentException e) {
      throw new CommandError(e.getMessage());
    }
    for (String h : set.hosts()) {
      if (h.matches("\\d+")) {
        throw new CommandError("invalid hostname \"" + h + "\"");
      }
    }
    return set.toString();
  }

  /** DAOS's check that only one selector is used. */
  public void validate() {
    if (!ranks().isEmpty() && !hosts().isEmpty()) {
      throw new CommandError("--ranks and --rank-hosts options cannot be set together");
    }
  }
}
