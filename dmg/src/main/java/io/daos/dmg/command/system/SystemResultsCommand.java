package io.daos.dmg.command.system;

import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.system.Absent;
import io.daos.dmg.output.system.SystemPrinter;
import io.daos.dmg.output.system.SystemResultsResponse;
import io.daos.proto.shared.RankResult;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Shared shape of {@code system stop|start}: rank selection, per-rank results table, aggregated errors. */
abstract class SystemResultsCommand extends BaseCommand {
  @Mixin
  RankListOptions rankList;
  @Option(names = "--ignore-admin-excluded",
      description = "Ignore requested ranks in AdminExcluded state instead of returning an error")
  boolean ignoreAdminExcluded;

  /** "system stop failed" etc. */
  abstract String failedText();

  Outcome outcome(List<RankResult> results, String absentRanks, String absentHosts) {
    Absent absent = new Absent(absentRanks, absentHosts);
    SystemResultsResponse resp = new SystemResultsResponse(SystemConvert.results(results), absent);
    String errors = SystemErrors.of(absent, resp.results());
    return Outcome.of(resp, errors == null ? null : new CommandError(failedText() + ": " + errors),
        (out, err) -> SystemPrinter.printResults(out, err, resp));
  }

  <T> T wrapped(Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw new CommandError(failedText(), e);
    }
  }
}
