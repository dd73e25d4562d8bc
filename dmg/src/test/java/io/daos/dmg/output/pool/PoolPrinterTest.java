package io.daos.dmg.output.pool;

import io.daos.common.PoolQueryMask;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DAOS TestPretty_PrintPoolInfo and TestPretty_PrintListPools (cmd/daos/pretty/pool_test.go). */
class PoolPrinterTest {
  static final String UUID1 = "00000001-0001-0001-0001-000000000001";
  static final String UUID2 = "00000002-0002-0002-0002-000000000002";
  static final long GB = 1_000_000_000L;
  static final long TB = 1000 * GB;
  static final List<PoolInfo.TierStats> EXAMPLE = List.of(
      new PoolInfo.TierStats(100 * GB, 20 * GB, 5 * GB, 6 * GB, 0, "scm"),
      new PoolInfo.TierStats(6 * TB, TB, 20 * GB, 50 * GB, 0, "nvme"));
  static final List<PoolInfo.TierStats> TWO_BYTES = List.of(new PoolInfo.TierStats(2, 1, 0, 0, 0, "scm"),
      new PoolInfo.TierStats(2, 1, 0, 0, 0, "nvme"));

  static PoolInfo info(long mask, String state, String uuid, String label, long total, long active, long disabled,
      long svcLdr, long version, List<Long> svcReps, PoolInfo.Rebuild rebuild, List<PoolInfo.TierStats> tiers,
      List<Long> enabled, List<Long> disabledRanks, long layout, long upgrade) {
    return new PoolInfo(mask, state, uuid, label, total, active, 0, disabled, version, svcLdr, svcReps, rebuild,
        tiers, enabled, disabledRanks, null, layout, upgrade, 0, false, "");
  }

  static final PoolInfo.Rebuild BUSY = new PoolInfo.Rebuild(0, "busy", "busy", 42, 21, 0, true);

  static Stream<Arguments> infoCases() {
    String upgrade = "Pool layout out of date (1 < 2) -- see `dmg pool upgrade` for details.\n";
    String space = "Pool space info:\n- Target count:1\n- Storage tier 0 (SCM):\n  Total size: 2 B\n"
        + "  Free: 1 B, min:0 B, max:0 B, mean:0 B\n- Storage tier 1 (NVME):\n  Total size: 2 B\n"
        + "  Free: 1 B, min:0 B, max:0 B, mean:0 B\n";
    String head = "Pool " + UUID1 + ", ntarget=2, disabled=1, leader=42, version=100, state=TargetsExcluded\n"
        + upgrade + "Pool health info:\n";
    String rebuild = "- Rebuild busy, 42 objs, 21 recs\n- Data redundancy: degraded\n";
    return Stream.of(
        Arguments.of("empty response", info(0, "Creating", "00000000-0000-0000-0000-000000000000", "", 0, 0, 0, 0,
            0, null, null, null, null, null, 0, 0),
            "Pool 00000000-0000-0000-0000-000000000000, ntarget=0, disabled=0, leader=0, version=0, state=Creating\n"
                + "Pool health info:\n- No rebuild status available.\n"),
        Arguments.of("normal response", info(PoolQueryMask.DEFAULT, "TargetsExcluded", UUID1, "", 2, 1, 1, 42,
            100, null, BUSY, TWO_BYTES, null, null, 1, 2), head + rebuild + space),
        Arguments.of("normal response; enabled ranks", info(PoolQueryMask.DEFAULT, "TargetsExcluded", UUID1, "",
            2, 1, 1, 42, 100, null, BUSY, TWO_BYTES, List.of(0L, 1L, 2L), null, 1, 2),
            head + "- Enabled ranks: 0-2\n" + rebuild + space),
        Arguments.of("normal response; disabled ranks", info(PoolQueryMask.DEFAULT, "TargetsExcluded", UUID1, "",
            2, 1, 1, 42, 100, null, BUSY, TWO_BYTES, null, List.of(0L, 1L, 3L), 1, 2),
            head + "- Disabled ranks: 0-1,3\n" + rebuild + space),
        Arguments.of("rebuild failing", info(PoolQueryMask.HEALTH_ONLY, "TargetsExcluded", UUID1, "", 2, 1, 1, 42,
            100, null, new PoolInfo.Rebuild(-2027, "busy", "failing", 0, 0, 0, false), null, null, null, 1, 2),
            head + "- Rebuild failing (state=busy, status=-2027)\n- Data redundancy: normal\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("infoCases")
  void TestPretty_PrintPoolInfo(String name, PoolInfo pi, String exp) {
    StringBuilder out = new StringBuilder();
    PoolInfoPrinter.print(out, pi);
    assertEquals(exp, out.toString());
  }

  static PoolInfo listed(String uuid, String label, String state, List<Long> reps, long mask,
      List<PoolInfo.TierStats> tiers, long total, long active, long disabled, long layout, long upgrade,
      PoolInfo.Rebuild rebuild) {
    return info(mask, state, uuid, label, total, active, disabled, 0, 0, reps, rebuild, tiers, null, null, layout,
        upgrade);
  }

  static Stream<Arguments> listCases() {
    List<Long> r012 = List.of(0L, 1L, 2L);
    List<Long> r345 = List.of(3L, 4L, 5L);
    PoolInfo.TierStats nvmeEmpty = new PoolInfo.TierStats(0, 0, 0, 0, 0, "nvme");
    return Stream.of(
        Arguments.of("empty list", List.of(), false, "No pools in system\n"),
        Arguments.of("one pool; no usage; default query-mask", List.of(listed(UUID1, "", "Ready", r012,
            PoolQueryMask.DEFAULT, null, 0, 0, 0, 0, 0, null)), false,
            "Pool     Size State Used Imbalance Disabled \n----     ---- ----- ---- --------- -------- \n"
                + "00000001 0 B  Ready 0%   0%        0/0      \n\n"),
        Arguments.of("two pools; only one labeled; no query (zero query-mask)", List.of(
            listed(UUID1, "", "Ready", r012, 0, null, 0, 0, 0, 0, 0, null),
            listed(UUID2, "two", "Ready", r345, 0, null, 0, 0, 0, 0, 0, null)), false,
            "Pool     State \n----     ----- \n00000001 Ready \ntwo      Ready \n\n"),
        Arguments.of("two pools; only one labeled; no query (zero query-mask); verbose", List.of(
            listed(UUID1, "", "Ready", r012, 0, null, 0, 0, 0, 0, 0, null),
            listed(UUID2, "two", "Ready", r345, 0, null, 0, 0, 0, 0, 0, null)), true,
            "Label UUID                                 State SvcReps \n"
                + "----- ----                                 ----- ------- \n"
                + "-     " + UUID1 + " Ready [0-2]   \ntwo   " + UUID2 + " Ready [3-5]   \n\n"),
        Arguments.of("two pools; only one labeled; with query", List.of(
            listed(UUID1, "", "Ready", r012, PoolQueryMask.DEFAULT, EXAMPLE, 16, 16, 0, 1, 2, null),
            listed(UUID2, "two", "Ready", r345, PoolQueryMask.DEFAULT, EXAMPLE, 64, 56, 8, 1, 2, null)), false,
            "Pool     Size   State Used Imbalance Disabled UpgradeNeeded? \n"
                + "----     ----   ----- ---- --------- -------- -------------- \n"
                + "00000001 6.0 TB Ready 83%  8%        0/16     1->2           \n"
                + "two      6.0 TB Ready 83%  27%       8/64     1->2           \n\n"),
        Arguments.of("two pools; one SCM only", List.of(
            listed(UUID1, "one", "Ready", r012, PoolQueryMask.DEFAULT, EXAMPLE, 16, 16, 0, 1, 2, null),
            listed(UUID2, "two", "Ready", r345, PoolQueryMask.DEFAULT, List.of(EXAMPLE.get(0), nvmeEmpty), 64,
                56, 8, 2, 2, null)), false,
            "Pool Size   State Used Imbalance Disabled UpgradeNeeded? \n"
                + "---- ----   ----- ---- --------- -------- -------------- \n"
                + "one  6.0 TB Ready 83%  8%        0/16     1->2           \n"
                + "two  100 GB Ready 80%  56%       8/64     None           \n\n"),
        Arguments.of("verbose; two pools; one destroying", List.of(
            listed(UUID1, "one", "Ready", r012, PoolQueryMask.DEFAULT, EXAMPLE, 16, 16, 0, 1, 2,
                new PoolInfo.Rebuild(0, "idle", "idle", 0, 0, 0, false)),
            listed(UUID2, "two", "Destroying", r345, PoolQueryMask.DEFAULT, EXAMPLE, 64, 56, 8, 2, 2,
                new PoolInfo.Rebuild(0, "done", "done", 0, 0, 0, false))), true,
            "Label UUID                                 State      SvcReps SCM Size SCM Used SCM Imbalance NVME Size "
                + "NVME Used NVME Imbalance Disabled UpgradeNeeded? Rebuild State \n"
                + "----- ----                                 -----      ------- -------- -------- ------------- --------- "
                + "--------- -------------- -------- -------------- ------------- \n"
                + "one   " + UUID1 + " Ready      [0-2]   100 GB   80 GB    16%           6.0 TB    5.0 TB    8%       "
                + "      0/16     1->2           idle          \n"
                + "two   " + UUID2 + " Destroying [3-5]   100 GB   80 GB    56%           6.0 TB    5.0 TB    27%      "
                + "      8/64     None           done          \n\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("listCases")
  void TestPretty_PrintListPools(String name, List<PoolInfo> pools, boolean verbose, String exp) {
    StringBuilder out = new StringBuilder();
    PoolListPrinter.print(out, pools, verbose);
    assertEquals(exp, out.toString());
  }

  @Test
  void poolInfoJsonHasDaosKeysAndFormats() {
    PoolInfo pi = new PoolInfo(PoolQueryMask.DEFAULT | PoolQueryMask.ENGINES_ENABLED, "Ready", UUID1, "tank", 16,
        16, 2, 0, 1, 0, List.of(0L, 1L), new PoolInfo.Rebuild(0, "idle", "idle", 0, 0, 0, false), EXAMPLE,
        List.of(0L, 1L), List.of(), null, 1, 1, 0, false, "exclude;rebuild");
    JsonObject o = pi.toJson();
    assertEquals(List.of("query_mask", "state", "uuid", "label", "total_targets", "active_targets",
        "total_engines", "disabled_targets", "version", "svc_ldr", "svc_reps", "rebuild", "tier_stats",
        "enabled_ranks", "disabled_ranks", "pool_layout_ver", "upgrade_layout_ver", "mem_file_bytes",
        "md_on_ssd_active", "self_heal_policy", "usage"), List.copyOf(o.keySet()));
    assertEquals("disabled_engines,enabled_engines,rebuild,space", o.get("query_mask").getAsString());
    assertEquals("[0,1]", o.get("enabled_ranks").toString());
    assertEquals("[]", o.get("disabled_ranks").toString());
    assertEquals("idle", o.getAsJsonObject("rebuild").get("state").getAsString());
    assertEquals("nvme", o.getAsJsonArray("tier_stats").get(1).getAsJsonObject().get("media_type").getAsString());
    JsonObject scm = o.getAsJsonArray("usage").get(0).getAsJsonObject();
    assertEquals("SCM", scm.get("tier_name").getAsString());
    assertEquals(100 * GB, scm.get("size").getAsLong());
    assertEquals(16, scm.get("imbalance").getAsLong());
  }

  @Test
  void unqueriedPoolJsonHasNoUsage() {
    PoolInfo pi = new PoolInfo(0, "Ready", UUID1, "", 0, 0, 0, 0, 0, 0, List.of(), null, null, null, null, null, 0,
        0, 0, false, "");
    JsonObject o = pi.toJson();
    assertEquals("", o.get("query_mask").getAsString());
    assertEquals(false, o.has("usage") || o.has("label") || o.has("svc_reps") || o.has("enabled_ranks"));
    assertEquals(true, o.get("rebuild").isJsonNull() && o.get("tier_stats").isJsonNull());
  }
}
