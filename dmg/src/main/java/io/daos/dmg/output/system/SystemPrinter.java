package io.daos.dmg.output.system;

import io.daos.dmg.output.RankRanges;
import io.daos.dmg.output.TableFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Text output of dmg's system commands, as DAOS's pretty printers render it. */
public final class SystemPrinter {
  static final String FIELD_SEP = "\t";
  private static final List<String> SELF_HEAL_FLAGS = List.of("exclude", "pool_exclude", "pool_rebuild");

  private SystemPrinter() {
  }

  /** Groups rows of {@code key = "col1\tcol2"} into a table whose first column holds the ranged ranks. */
  static void tabulateRankGroups(StringBuilder out, RankGroups groups, String... titles) {
    if (titles.length < 2) {
      throw new IllegalArgumentException("insufficient number of column titles");
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (String key : groups.keys()) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put(titles[0], RankRanges.ranged(groups.ranks(key)));
      String[] summary = key.split(FIELD_SEP, -1);
      if (summary.length != titles.length - 1) {
        throw new IllegalArgumentException(String.format("unexpected summary format, fields %s values %s",
            goList(List.of(titles).subList(1, titles.length)), goList(List.of(summary))));
      }
      for (int i = 0; i < summary.length; i++) {
        row.put(titles[i + 1], summary[i]);
      }
      rows.add(row);
    }
    out.append(new TableFormatter(titles).format(rows)).append('\n');
  }

  private static String goList(List<String> items) {
    return "[" + String.join(" ", items) + "]";
  }

  /** {@code dmg system query} text; absent hosts/ranks go to {@code err}. */
  public static void printQuery(StringBuilder out, StringBuilder err, SystemQueryResponse resp, boolean verbose) {
    Absent absent = resp.absent();
    if (resp.members().isEmpty()) {
      out.append("Query matches no ranks in system\n");
    } else if (verbose) {
      printQueryVerbose(out, resp.members());
    } else {
      printQueryTable(out, resp.members(), absent.ranks());
      printAbsentHosts(err, absent.hosts());
      printSelfHealUnsetFlags(out, resp.sysSelfHealPolicy());
      return;
    }
    printAbsentHosts(err, absent.hosts());
    printAbsentRanks(err, absent.ranks());
    printSelfHealUnsetFlags(out, resp.sysSelfHealPolicy());
  }

  private static void printQueryTable(StringBuilder out, List<Member> members, String absentRanks) {
    RankGroups groups = new RankGroups();
    Set<Long> seen = new TreeSet<>();
    for (Member m : members) {
      if (!seen.add(m.rank())) {
        throw new IllegalStateException("member with rank " + m.rank() + " already exists");
      }
      groups.add(m.stateName(), m.rank());
    }
    TreeSet<Long> absent = RankRanges.parse(absentRanks);
    if (!absent.isEmpty()) {
      groups.put("Unknown Rank", absent);
    }
    tabulateRankGroups(out, groups, "Rank", "State");
  }

  private static void printQueryVerbose(StringBuilder out, List<Member> members) {
    String[] titles = {"Rank", "UUID", "Control Address", "Fault Domain", "State", "Reason"};
    List<Map<String, String>> rows = new ArrayList<>();
    for (Member m : members) {
      rows.add(Map.of("Rank", Long.toString(m.rank()), "UUID", m.uuid(), "Control Address", m.addr(),
          "Fault Domain", m.faultDomain(), "State", m.stateName(), "Reason", m.info() == null ? "" : m.info()));
    }
    out.append(new TableFormatter(titles).format(rows)).append('\n');
  }

  /** {@code dmg system stop|start} text: "Rank Operation Result" grouped by result. */
  public static void printResults(StringBuilder out, StringBuilder err, SystemResultsResponse resp) {
    Absent absent = resp.absent();
    if (resp.results().isEmpty()) {
      out.append("No results returned\n");
      printAbsentHosts(err, absent.hosts());
      printAbsentRanks(err, absent.ranks());
      return;
    }
    RankGroups groups = new RankGroups();
    Set<Long> seen = new TreeSet<>();
    for (MemberResult r : resp.results()) {
      if (!seen.add(r.rank())) {
        throw new IllegalStateException("duplicate result for rank: member with rank " + r.rank()
            + " already exists");
      }
      if (r.action() == null || r.action().isEmpty()) {
        throw new IllegalStateException("action field empty for rank " + r.rank() + " result");
      }
      String msg = r.errored() ? (r.msg() == null ? "" : r.msg()).replace(FIELD_SEP, " ") : "OK";
      groups.add(r.action() + FIELD_SEP + msg, r.rank());
    }
    TreeSet<Long> absentRanks = RankRanges.parse(absent.ranks());
    if (!absentRanks.isEmpty()) {
      groups.put("----" + FIELD_SEP + "Unknown Rank", absentRanks);
    }
    tabulateRankGroups(out, groups, "Rank", "Operation", "Result");
    printAbsentHosts(err, absent.hosts());
  }

  static void printAbsentHosts(StringBuilder err, String hosts) {
    int n = HostCount.count(hosts);
    if (n > 0) {
      err.append("Unknown ").append(plural(n, "host", "hosts")).append(": ").append(hosts).append('\n');
    }
  }

  static void printAbsentRanks(StringBuilder err, String ranks) {
    TreeSet<Long> set = RankRanges.parse(ranks);
    if (!set.isEmpty()) {
      err.append("Unknown ").append(plural(set.size(), "rank", "ranks")).append(": ")
          .append(RankRanges.plain(set)).append('\n');
    }
  }

  static void printSelfHealUnsetFlags(StringBuilder out, String policy) {
    Set<String> set = Set.of(policy == null ? new String[0] : policy.split(";"));
    List<String> off = SELF_HEAL_FLAGS.stream().filter(f -> !set.contains(f)).toList();
    if (!off.isEmpty()) {
      out.append("System property self_heal ").append(off.size() == 1 ? "flag" : "flags").append(" disabled: ")
          .append(String.join(", ", off)).append('\n');
    }
  }

  static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
