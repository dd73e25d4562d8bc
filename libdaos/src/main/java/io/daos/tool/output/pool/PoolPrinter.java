package io.daos.tool.output.pool;

import io.daos.common.PoolQueryMask;
import io.daos.common.ByteSize;
import io.daos.common.ranklist.RankSet;
import io.daos.tool.output.Obj;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code daos pool query}: DAOS's PrintPoolInfo text and daos.PoolInfo JSON. */
public final class PoolPrinter {
  private static final String[] MEDIA = {"scm", "nvme"};

  private PoolPrinter() {
  }

  /** The text block, each line ending in a newline. */
  public static String text(PoolQueryInfo pi, long mask) {
    StringBuilder w = new StringBuilder();
    w.append(String.format(Locale.ROOT, "Pool %s, ntarget=%d, disabled=%d, leader=%d, version=%d, state=%s%n",
        pi.uuid(), pi.totalTargets(), pi.disabledTargets(), pi.leader(), pi.version(), pi.state()));
    w.append("Pool health info:\n");
    ranks(w, "Enabled", pi.enabledRanks());
    ranks(w, "Disabled", pi.disabledRanks());
    rebuild(w, pi.rebuild());
    if ((mask & PoolQueryMask.SPACE) != 0 && !pi.tiers().isEmpty()) {
      w.append("Pool space info:\n- Target count:").append(pi.activeTargets()).append('\n');
      for (int i = 0; i < pi.tiers().size(); i++) {
        PoolQueryInfo.Tier t = pi.tiers().get(i);
        w.append("- Storage tier ").append(i).append(" (").append(media(i).toUpperCase(Locale.ROOT)).append("):\n");
        w.append("  Total size: ").append(si(t.total())).append('\n');
        w.append("  Free: ").append(si(t.free())).append(", min:").append(si(t.min())).append(", max:")
            .append(si(t.max())).append(", mean:").append(si(t.mean())).append('\n');
      }
    }
    return w.toString();
  }

  private static void ranks(StringBuilder w, String what, List<Integer> ranks) {
    if (ranks != null && !ranks.isEmpty()) {
      w.append("- ").append(what).append(" ranks: ").append(RankSet.ofInts(ranks)).append('\n');
    }
  }

  private static void rebuild(StringBuilder w, PoolQueryInfo.Rebuild r) {
    if (r == null) {
      w.append("- No rebuild status available.\n");
      return;
    }
    if (r.status() == 0) {
      w.append(String.format(Locale.ROOT, "- Rebuild %s, %d objs, %d recs%n", r.state(), r.objects(), r.records()));
    } else {
      w.append(String.format(Locale.ROOT, "- Rebuild %s (state=%s, status=%d)%n", r.derivedState(), r.state(),
          r.status()));
    }
    w.append("- Data redundancy: ").append(r.degraded() ? "degraded" : "normal").append('\n');
  }

  /** DAOS's daos.PoolInfo JSON object. */
  public static Obj json(PoolQueryInfo pi, long mask) {
    boolean space = (mask & PoolQueryMask.SPACE) != 0 && !pi.tiers().isEmpty();
    return new Obj().with("query_mask", PoolQueryMask.toString(mask)).with("state", pi.state())
        .with("uuid", pi.uuid().toString()).withNonEmpty("label", pi.label())
        .with("total_targets", pi.totalTargets()).with("active_targets", pi.activeTargets())
        .with("total_engines", pi.totalEngines()).with("disabled_targets", pi.disabledTargets())
        .with("version", pi.version()).with("svc_ldr", pi.leader()).withNonEmpty("svc_reps", pi.serviceReplicas())
        .with("rebuild", rebuildJson(pi.rebuild())).with("tier_stats", space ? tiersJson(pi) : null)
        .withRanks("enabled_ranks", pi.enabledRanks()).withRanks("disabled_ranks", pi.disabledRanks())
        .with("pool_layout_ver", 0).with("upgrade_layout_ver", 0).with("mem_file_bytes", 0)
        .with("md_on_ssd_active", false).with("self_heal_policy", "")
        .withNonEmpty("usage", space ? usageJson(pi) : null);
  }

  private static Obj rebuildJson(PoolQueryInfo.Rebuild r) {
    if (r == null) {
      return null;
    }
    return new Obj().with("status", r.status()).with("state", r.state()).with("derived_state", r.derivedState())
        .with("objects", r.objects()).with("records", r.records()).with("total_objects", 0)
        .with("degraded", r.degraded());
  }

  private static List<Object> tiersJson(PoolQueryInfo pi) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < pi.tiers().size(); i++) {
      PoolQueryInfo.Tier t = pi.tiers().get(i);
      out.add(new Obj().with("total", t.total()).with("free", t.free()).with("min", t.min()).with("max", t.max())
          .with("mean", t.mean()).with("media_type", media(i)));
    }
    return out;
  }

  private static List<Object> usageJson(PoolQueryInfo pi) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < pi.tiers().size(); i++) {
      PoolQueryInfo.Tier t = pi.tiers().get(i);
      long imbalance = t.total() == 0 || pi.activeTargets() == 0 ? 0
          : (long) ((double) (t.max() - t.min()) / ((double) t.total() / pi.activeTargets()) * 100);
      out.add(new Obj().with("tier_name", media(i).toUpperCase(Locale.ROOT)).with("size", t.total())
          .with("free", t.free()).with("imbalance", imbalance));
    }
    return out;
  }

  private static String media(int i) {
    return i < MEDIA.length ? MEDIA[i] : "unknown";
  }

  static String si(long bytes) {
    return ByteSize.ofBytes(bytes).toSiString();
  }
}
