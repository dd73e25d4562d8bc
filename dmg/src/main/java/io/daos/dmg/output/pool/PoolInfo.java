package io.daos.dmg.output.pool;

import io.daos.common.PoolQueryMask;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DAOS's daos.PoolInfo as dmg shows it: {@link #toJson()} gives its JSON object (query mask as option names,
 * state and rebuild states as strings, rank sets as int arrays, plus the derived {@code usage} entries).
 * {@code rebuild}, {@code tierStats} and the rank lists are null when not reported.
 */
public record PoolInfo(long queryMask, String state, String uuid, String label, long totalTargets,
    long activeTargets, long totalEngines, long disabledTargets, long version, long svcLdr, List<Long> svcReps,
    Rebuild rebuild, List<TierStats> tierStats, List<Long> enabledRanks, List<Long> disabledRanks,
    List<Long> deadRanks, long poolLayoutVer, long upgradeLayoutVer, long memFileBytes, boolean mdOnSsdActive,
    String selfHealPolicy) {

  /** Rebuild status; states are DAOS's lower-case names ("idle", "busy", "done", ...). */
  public record Rebuild(int status, String state, String derivedState, long objects, long records,
      long totalObjects, boolean degraded) {
  }

  /** One storage tier's usage; {@code mediaType} is "scm" or "nvme". */
  public record TierStats(long total, long free, long min, long max, long mean, String mediaType) {
  }

  /** The simplified per-tier usage DAOS adds to the JSON ({@code tier_name} "SCM"/"NVME"). */
  public record TierUsage(String tierName, long size, long free, long imbalance) {
  }

  /** The label, or the UUID's first group when there is no label. */
  public String name() {
    return label == null || label.isEmpty() ? uuid.split("-")[0] : label;
  }

  public String rebuildState() {
    return rebuild == null ? "Unknown" : rebuild.state();
  }

  public boolean has(long option) {
    return PoolQueryMask.has(queryMask, option);
  }

  /** Per-tier size, free and imbalance (spread of per-target free space relative to the mean share, %). */
  public List<TierUsage> usage() {
    List<TierUsage> out = new ArrayList<>();
    if (tierStats == null) {
      return out;
    }
    for (TierStats t : tierStats) {
      long imbalance = 0;
      if (t.total() > 0 && activeTargets > 0) {
        imbalance = (long) ((double) (t.max() - t.min()) / ((double) t.total() / activeTargets) * 100);
      }
      out.add(new TierUsage(t.mediaType().toUpperCase(Locale.ROOT), t.total(), t.free(), imbalance));
    }
    return out;
  }

  /** The DAOS JSON object, keys in DAOS's order; {@code usage} only when there are tier stats. */
  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("query_mask", PoolQueryMask.toString(queryMask));
    o.addProperty("state", state);
    o.addProperty("uuid", uuid);
    if (label != null && !label.isEmpty()) {
      o.addProperty("label", label);
    }
    o.addProperty("total_targets", totalTargets);
    o.addProperty("active_targets", activeTargets);
    o.addProperty("total_engines", totalEngines);
    o.addProperty("disabled_targets", disabledTargets);
    o.addProperty("version", version);
    o.addProperty("svc_ldr", svcLdr);
    if (svcReps != null && !svcReps.isEmpty()) {
      o.add("svc_reps", longs(svcReps));
    }
    o.add("rebuild", rebuild == null ? JsonNull.INSTANCE : rebuildJson(rebuild));
    o.add("tier_stats", tierStats == null ? JsonNull.INSTANCE : tiersJson(tierStats));
    addRanks(o, "enabled_ranks", enabledRanks);
    addRanks(o, "disabled_ranks", disabledRanks);
    addRanks(o, "dead_ranks", deadRanks);
    o.addProperty("pool_layout_ver", poolLayoutVer);
    o.addProperty("upgrade_layout_ver", upgradeLayoutVer);
    o.addProperty("mem_file_bytes", memFileBytes);
    o.addProperty("md_on_ssd_active", mdOnSsdActive);
    o.addProperty("self_heal_policy", selfHealPolicy == null ? "" : selfHealPolicy);
    List<TierUsage> usage = usage();
    if (!usage.isEmpty()) {
      o.add("usage", usageJson(usage));
    }
    return o;
  }

  private static JsonObject rebuildJson(Rebuild r) {
    JsonObject o = new JsonObject();
    o.addProperty("status", r.status());
    o.addProperty("state", r.state());
    o.addProperty("derived_state", r.derivedState());
    o.addProperty("objects", r.objects());
    o.addProperty("records", r.records());
    o.addProperty("total_objects", r.totalObjects());
    o.addProperty("degraded", r.degraded());
    return o;
  }

  private static JsonArray tiersJson(List<TierStats> tiers) {
    JsonArray a = new JsonArray();
    for (TierStats t : tiers) {
      JsonObject o = new JsonObject();
      o.addProperty("total", t.total());
      o.addProperty("free", t.free());
      o.addProperty("min", t.min());
      o.addProperty("max", t.max());
      o.addProperty("mean", t.mean());
      o.addProperty("media_type", t.mediaType());
      a.add(o);
    }
    return a;
  }

  private static JsonArray usageJson(List<TierUsage> usage) {
    JsonArray a = new JsonArray();
    for (TierUsage u : usage) {
      JsonObject o = new JsonObject();
      o.addProperty("tier_name", u.tierName());
      o.addProperty("size", u.size());
      o.addProperty("free", u.free());
      o.addProperty("imbalance", u.imbalance());
      a.add(o);
    }
    return a;
  }

  private static void addRanks(JsonObject o, String key, List<Long> ranks) {
    if (ranks != null) {
      o.add(key, longs(ranks));
    }
  }

  private static JsonArray longs(List<Long> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }
}
