package io.daos.dmg.output.pool;

import io.daos.common.PoolQueryMask;
import io.daos.dmg.output.RankRanges;
import io.daos.dmg.output.TableFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code dmg pool list} tables, as DAOS's PrintPoolList writes them: size/usage columns once any pool
 * was space-queried (the last non-empty tier in the short form; every tier with {@code -v}), an
 * {@code UpgradeNeeded?} column when a layout is out of date, and a blank line after the table.
 */
public final class PoolListPrinter {
  private PoolListPrinter() {
  }

  public static void print(StringBuilder out, List<PoolInfo> pools, boolean verbose) {
    if (pools.isEmpty()) {
      out.append("No pools in system\n");
      return;
    }
    if (verbose) {
      verbose(out, pools);
    } else {
      brief(out, pools);
    }
    out.append('\n');
  }

  private static void brief(StringBuilder out, List<PoolInfo> pools) {
    boolean upgrade = pools.stream().anyMatch(p -> p.poolLayoutVer() != p.upgradeLayoutVer());
    boolean space = pools.stream().anyMatch(p -> p.has(PoolQueryMask.SPACE));
    List<String> titles = new ArrayList<>(space ? List.of("Pool", "Size", "State", "Used", "Imbalance", "Disabled")
        : List.of("Pool", "State"));
    if (upgrade) {
      titles.add("UpgradeNeeded?");
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (PoolInfo p : pools) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("Pool", p.name());
      row.put("State", p.state());
      if (space) {
        briefUsage(row, p);
      }
      if (upgrade) {
        row.put("UpgradeNeeded?", upgrade(p));
      }
      rows.add(row);
    }
    out.append(new TableFormatter(titles.toArray(String[]::new)).format(rows));
  }

  private static void briefUsage(Map<String, String> row, PoolInfo p) {
    long size = 0;
    long used = 0;
    long imbalance = 0;
    List<PoolInfo.TierUsage> usage = p.usage();
    for (int i = usage.size() - 1; i >= 0; i--) {
      PoolInfo.TierUsage t = usage.get(i);
      if (t.size() > 0) {
        size = t.size();
        used = Math.max(0, (long) ((double) (size - t.free()) / size * 100));
        imbalance = t.imbalance();
        break;
      }
    }
    row.put("Size", PoolInfoPrinter.bytes(size));
    row.put("Used", used + "%");
    row.put("Imbalance", imbalance + "%");
    row.put("Disabled", p.disabledTargets() + "/" + p.totalTargets());
  }

  private static void verbose(StringBuilder out, List<PoolInfo> pools) {
    List<String> titles = new ArrayList<>(List.of("Label", "UUID", "State", "SvcReps"));
    PoolInfo spaced = pools.stream().filter(p -> p.has(PoolQueryMask.SPACE)).findFirst().orElse(null);
    boolean rebuild = pools.stream().anyMatch(p -> p.has(PoolQueryMask.REBUILD));
    List<String> usageTitles = new ArrayList<>();
    if (spaced != null) {
      List<PoolInfo.TierUsage> usage = pools.get(0).usage();
      for (int i = 0; i < usage.size(); i++) {
        String tn = spaced.mdOnSsdActive() ? (i == 0 ? "Meta" : "Data") : usage.get(i).tierName();
        usageTitles.addAll(List.of(tn + " Size", tn + " Used", tn + " Imbalance"));
      }
      titles.addAll(usageTitles);
      titles.addAll(List.of("Disabled", "UpgradeNeeded?"));
    }
    if (rebuild) {
      titles.add("Rebuild State");
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (PoolInfo p : pools) {
      rows.add(verboseRow(p, spaced != null, rebuild, usageTitles));
    }
    out.append(new TableFormatter(titles.toArray(String[]::new)).format(rows));
  }

  private static Map<String, String> verboseRow(PoolInfo p, boolean space, boolean rebuild, List<String> titles) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("Label", p.label() == null || p.label().isEmpty() ? "-" : p.label());
    row.put("UUID", p.uuid());
    row.put("State", p.state());
    row.put("SvcReps", p.svcReps() == null || p.svcReps().isEmpty() ? "N/A" : RankRanges.ranged(p.svcReps()));
    if (space) {
      row.put("Disabled", p.disabledTargets() + "/" + p.totalTargets());
      row.put("UpgradeNeeded?", upgrade(p));
      int ti = 0;
      for (PoolInfo.TierUsage u : p.usage()) {
        if (titles.size() < ti + 3) {
          break;
        }
        row.put(titles.get(ti), PoolInfoPrinter.bytes(u.size()));
        row.put(titles.get(ti + 1), PoolInfoPrinter.bytes(u.size() - u.free()));
        row.put(titles.get(ti + 2), u.imbalance() + "%");
        ti += 3;
      }
    }
    if (rebuild) {
      row.put("Rebuild State", p.rebuildState());
    }
    return row;
  }

  private static String upgrade(PoolInfo p) {
    return p.poolLayoutVer() == p.upgradeLayoutVer() ? "None" : p.poolLayoutVer() + "->" + p.upgradeLayoutVer();
  }
}
