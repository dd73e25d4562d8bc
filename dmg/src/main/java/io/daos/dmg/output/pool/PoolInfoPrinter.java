package io.daos.dmg.output.pool;

import io.daos.common.PoolQueryMask;
import io.daos.common.ByteSize;
import io.daos.dmg.output.RankRanges;
import java.util.List;
import java.util.Locale;

/** The {@code dmg pool query} text block, as DAOS's PrintPoolInfo writes it. */
public final class PoolInfoPrinter {
  private PoolInfoPrinter() {
  }

  public static void print(StringBuilder out, PoolInfo pi) {
    out.append(String.format(Locale.ROOT, "Pool %s, ntarget=%d, disabled=%d, leader=%d, version=%d, state=%s%n",
        pi.uuid(), pi.totalTargets(), pi.disabledTargets(), pi.svcLdr(), pi.version(), pi.state()));
    if (pi.poolLayoutVer() != pi.upgradeLayoutVer()) {
      out.append(String.format(Locale.ROOT, "Pool layout out of date (%d < %d) -- see `dmg pool upgrade` for "
          + "details.%n", pi.poolLayoutVer(), pi.upgradeLayoutVer()));
    }
    out.append("Pool health info:\n");
    ranks(out, "Enabled", pi.enabledRanks());
    ranks(out, "Disabled", pi.disabledRanks());
    if (pi.has(PoolQueryMask.ENGINES_DEAD)) {
      ranks(out, "Dead", pi.deadRanks());
    }
    rebuild(out, pi.rebuild());
    if (pi.has(PoolQueryMask.SPACE) && pi.tierStats() != null) {
      out.append("Pool space info:\n").append("- Target count:").append(pi.activeTargets()).append('\n');
      tiers(out, pi);
    }
  }

  /**
   * DAOS PrintPoolSelfHealDisable: which self-heal actions are off for the pool and whose policy turns them off
   * ("exclude disabled on pool due to [system pool] policies"); nothing when none is off. The system policy's
   * pool_exclude/pool_rebuild flags and the pool property's exclude/rebuild flags count.
   */
  public static void printSelfHealDisable(StringBuilder out, String poolSelfHeal, String sysSelfHeal) {
    java.util.Set<String> sys = flags(sysSelfHeal);
    java.util.Set<String> pool = flags(poolSelfHeal);
    for (String key : List.of("exclude", "rebuild")) {
      List<String> by = new java.util.ArrayList<>();
      if (!sys.contains("pool_" + key)) {
        by.add("system");
      }
      if (!pool.contains(key)) {
        by.add("pool");
      }
      if (!by.isEmpty()) {
        out.append(key).append(" disabled on pool due to [").append(String.join(" ", by)).append("] ")
            .append(by.size() == 1 ? "policy" : "policies").append('\n');
      }
    }
  }

  private static java.util.Set<String> flags(String value) {
    return new java.util.HashSet<>(List.of((value == null ? "" : value).split(";")));
  }

  private static void ranks(StringBuilder out, String what, List<Long> ranks) {
    if (ranks != null && !ranks.isEmpty()) {
      out.append("- ").append(what).append(" ranks: ").append(RankRanges.plain(ranks)).append('\n');
    }
  }

  private static void rebuild(StringBuilder out, PoolInfo.Rebuild r) {
    if (r == null) {
      out.append("- No rebuild status available.\n");
      return;
    }
    if (r.status() == 0) {
      out.append(String.format(Locale.ROOT, "- Rebuild %s, %d objs, %d recs%n", r.state(), r.objects(),
          r.records()));
    } else {
      out.append(String.format(Locale.ROOT, "- Rebuild %s (state=%s, status=%d)%n", r.derivedState(), r.state(),
          r.status()));
    }
    out.append("- Data redundancy: ").append(r.degraded() ? "degraded" : "normal").append('\n');
  }

  private static void tiers(StringBuilder out, PoolInfo pi) {
    List<PoolInfo.TierStats> tiers = pi.tierStats();
    for (int i = 0; i < tiers.size(); i++) {
      if (pi.mdOnSsdActive()) {
        if (i == 0) {
          out.append("- Total memory-file size: ").append(bytes(pi.memFileBytes())).append('\n');
        }
        out.append(i == 0 ? "- Metadata storage:\n" : "- Data storage:\n");
      } else {
        out.append("- Storage tier ").append(i).append(" (").append(tiers.get(i).mediaType().toUpperCase(Locale.ROOT))
            .append("):\n");
      }
      PoolInfo.TierStats t = tiers.get(i);
      out.append("  Total size: ").append(bytes(t.total())).append('\n');
      out.append("  Free: ").append(bytes(t.free())).append(", min:").append(bytes(t.min())).append(", max:")
          .append(bytes(t.max())).append(", mean:").append(bytes(t.mean())).append('\n');
    }
  }

  static String bytes(long b) {
    return ByteSize.ofBytes(b).toSiString();
  }
}
