package io.daos.dmg.output.check;

import io.daos.dmg.output.TableFormatter;
import io.daos.proto.chk.CheckReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code dmg check query} as text (DAOS {@code pretty.PrintCheckQueryResp}). */
public final class CheckQueryText {
  private static final String ID = "ID";
  private static final String CLASS = "Class";
  private static final String POOL = "Pool";
  private static final String RES = "Resolution";
  private static final String REPAIR = "Repair Options";

  private CheckQueryText() {
  }

  public static String print(CheckQueryView v, boolean verbose) {
    StringBuilder out = new StringBuilder("DAOS System Checker Info\n");
    String status = "Current status: " + v.status();
    if (v.status().equals("RUNNING")) {
      status += " (started at: " + CheckQueryView.formatTime(v.startTime()) + ")";
    }
    out.append("  ").append(status).append('\n');
    out.append("  Current phase: ").append(v.scanPhase()).append(" (").append(phaseDescription(v.scanPhase()))
        .append(")\n");
    int[] counts = countPools(v);
    if (counts[0] > 0) {
      out.append("  ").append(v.status().equals("COMPLETED") ? "Checked" : "Checking").append(' ')
          .append(counts[0]).append(counts[0] == 1 ? " pool" : " pools").append('\n');
    }
    if (!v.pools().isEmpty() && (verbose || counts[1] > 0)) {
      out.append(verbose ? "\nPer-Pool Checker Info:\n" : "\nUnchecked Pools:\n");
      v.pools().values().stream().sorted((a, b) -> a.uuid().compareTo(b.uuid()))
          .filter(p -> verbose || p.unchecked()).forEach(p -> out.append("  ").append(poolLine(p)).append('\n'));
    }
    out.append('\n');
    if (v.reports().isEmpty()) {
      return out.append("No reports to display.\n").toString();
    }
    out.append("Inconsistency Reports:\n");
    return (verbose ? verboseReports(out, v) : tables(out, v)).toString();
  }

  /** DAOS SystemCheckScanPhase.Description. */
  static String phaseDescription(String phase) {
    return switch (phase) {
      case "PREPARE" -> "Preparing check engine";
      case "POOL_LIST" -> "Comparing pool list on MS and storage nodes";
      case "POOL_MBS" -> "Comparing pool membership on MS and storage nodes";
      case "POOL_CLEANUP" -> "Cleaning up pool entries";
      case "CONT_LIST" -> "Comparing container list on PS and storage nodes";
      case "CONT_CLEANUP" -> "Cleaning up container entries";
      case "DTX_RESYNC" -> "DTX resync and cleanup";
      case "OBJ_SCRUB" -> "Scrubbing objects";
      case "REBUILD" -> "Rebuilding objects";
      case "AGGREGATION" -> "EC and VOS aggregation";
      case "DONE" -> "Check completed";
      default -> "Unknown (" + phase + ")";
    };
  }

  private static int[] countPools(CheckQueryView v) {
    Set<String> checked = new HashSet<>();
    Set<String> unchecked = new HashSet<>();
    v.pools().values().forEach(p -> (p.unchecked() ? unchecked : checked).add(p.uuid()));
    v.reports().stream().filter(CheckQueryView::removedPool).filter(r -> !r.getPoolUuid().isEmpty())
        .forEach(r -> checked.add(r.getPoolUuid()));
    return new int[] {checked.size(), unchecked.size()};
  }

  private static String poolLine(CheckQueryView.PoolInfo p) {
    String time = "";
    if (p.startTime() != 0) {
      String roe = p.elapsed() > 0 ? " elapsed: " + goDuration(p.elapsed())
          : p.remaining() > 0 ? " remaining: " + goDuration(p.remaining()) : "";
      time = ", started: " + CheckQueryView.formatTime(p.startTime()) + roe;
    }
    return "Pool " + p.uuid() + ": " + p.rankCount() + " ranks, status: " + p.status().name() + ", phase: "
        + p.phase() + time;
  }

  /** Go's time.Duration String for whole seconds. */
  static String goDuration(long s) {
    StringBuilder b = new StringBuilder();
    if (s >= 3600) {
      b.append(s / 3600).append('h');
    }
    if (s >= 60) {
      b.append(s % 3600 / 60).append('m');
    }
    return b.append(s % 60).append('s').toString();
  }

  private static String poolId(CheckReport r, boolean verbose) {
    if (r.getPoolLabel().isEmpty()) {
      return r.getPoolUuid();
    }
    return verbose ? r.getPoolLabel() + " (" + r.getPoolUuid() + ")" : r.getPoolLabel();
  }

  private static StringBuilder tables(StringBuilder out, CheckQueryView v) {
    List<Map<String, String>> resolved = new ArrayList<>();
    List<Map<String, String>> action = new ArrayList<>();
    for (CheckReport r : v.reports()) {
      Map<String, String> row = row(r);
      if (!CheckQueryView.interactive(r)) {
        String res = CheckQueryView.resolution(r);
        row.put(RES, res + (CheckQueryView.dryRun(r) ? " (dry run)" : ""));
        resolved.add(row);
        continue;
      }
      List<String> choices = CheckQueryView.choices(r);
      for (int i = 0; i < choices.size(); i++) {
        Map<String, String> line = i == 0 ? row : blank();
        line.put(REPAIR, i + ": " + choices.get(i));
        action.add(line);
      }
    }
    table(out, "Resolved", RES, resolved);
    table(out, "Action Required", REPAIR, action);
    return out;
  }

  private static Map<String, String> row(CheckReport r) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put(ID, "0x" + Long.toHexString(r.getSeq()));
    row.put(CLASS, CheckQueryView.shortName(r.getClass_()));
    row.put(POOL, poolId(r, false));
    return row;
  }

  private static Map<String, String> blank() {
    Map<String, String> row = new LinkedHashMap<>();
    row.put(ID, "");
    row.put(CLASS, "");
    row.put(POOL, "");
    return row;
  }

  private static void table(StringBuilder out, String title, String last, List<Map<String, String>> rows) {
    if (!rows.isEmpty()) {
      out.append("- ").append(title).append(":\n").append(new TableFormatter(ID, CLASS, POOL, last).format(rows))
          .append('\n');
    }
  }

  private static StringBuilder verboseReports(StringBuilder out, CheckQueryView v) {
    for (CheckReport r : v.reports()) {
      out.append("  ID:         0x").append(Long.toHexString(r.getSeq())).append('\n');
      out.append("  Class:      ").append(CheckQueryView.shortName(r.getClass_())).append('\n');
      out.append("  Message:    ").append(r.getMsg()).append('\n');
      out.append("  Pool:       ").append(poolId(r, true)).append('\n');
      if (CheckQueryView.interactive(r)) {
        out.append("  Potential resolution actions:\n");
        List<String> choices = CheckQueryView.choices(r);
        for (int i = 0; i < choices.size(); i++) {
          out.append("    ").append(i).append(": ").append(choices.get(i)).append('\n');
        }
        out.append('\n');
      } else {
        out.append("  Resolution: ").append(CheckQueryView.resolution(r))
            .append(CheckQueryView.dryRun(r) ? " (dry run - not applied)" : "").append("\n\n");
      }
    }
    return out;
  }
}
