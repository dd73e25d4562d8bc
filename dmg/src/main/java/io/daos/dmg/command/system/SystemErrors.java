package io.daos.dmg.command.system;

import io.daos.dmg.output.RankRanges;
import io.daos.dmg.output.system.Absent;
import io.daos.dmg.output.system.MemberResult;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** DAOS's aggregated errors of system responses: absent hosts/ranks, then failed ranks. */
final class SystemErrors {
  private SystemErrors() {
  }

  /** Null when nothing went wrong. */
  static String of(Absent absent, List<MemberResult> results) {
    List<String> msgs = new ArrayList<>();
    if (!absent.hosts().isEmpty()) {
      msgs.add("non-existent hosts " + absent.hosts());
    }
    TreeSet<Long> ranks = RankRanges.parse(absent.ranks());
    if (!ranks.isEmpty()) {
      msgs.add("non-existent ranks " + RankRanges.plain(ranks));
    }
    String failed = failedRanks(results);
    if (failed != null) {
      msgs.add("check results for " + failed);
    }
    return msgs.isEmpty() ? null : String.join(", ", msgs);
  }

  private static String failedRanks(List<MemberResult> results) {
    TreeSet<Long> failed = new TreeSet<>();
    for (MemberResult r : results == null ? List.<MemberResult>of() : results) {
      if (r.errored()) {
        failed.add(r.rank());
      }
    }
    if (failed.isEmpty()) {
      return null;
    }
    return "failed " + (failed.size() == 1 ? "rank " : "ranks ") + RankRanges.plain(failed);
  }
}
