package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DAOS's checker ftests (recovery/pool_list_consolidation.py, pool_cleanup.py, check_policy.py,
 * check_start_options.py, ms_membership.py) on one in-process server with two engines, its MS started with fault
 * injection on: each test corrupts a pool with {@code dmg faults}, stops the system, enables the checker (the
 * engines restart in check mode), runs {@code dmg check start} and reads {@code dmg check query}, then disables the
 * checker and starts the system again.
 */
class CheckerTest {
  private static final Duration STATE_TIMEOUT = Duration.ofSeconds(60);
  private static final int RANKS = 2;

  @TempDir
  static Path dir;
  static InProcessCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    System.setProperty("daos.fault_injection", "true");
    try {
      cluster = MiniDaosCluster.builder(dir).inProcess().servers(1).engines(RANKS).targets(1).replicas(1).start();
    } finally {
      System.clearProperty("daos.fault_injection");
    }
    cluster.waitForReady();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @AfterEach
  void restoreSystem() {
    JsonObject q = cluster.dmgJson("system", "query");
    boolean checking = q.toString().contains("checkerstarted");
    if (checking) {
      ok("check", "disable");
      cluster.waitForMembers(RANKS, "stopped", STATE_TIMEOUT);
    }
    if (!q.toString().contains("\"joined\"") || checking) {
      ok("system", "start");
      cluster.waitForReady();
    }
    for (JsonElement p : pools()) {
      cluster.dmg("pool", "destroy", "--force", p.getAsJsonObject().get("uuid").getAsString());
    }
  }

  /**
   * pool_list_consolidation.py test_dangling_pool, test_orphan_pool_trust_ps and pool_cleanup.py
   * test_corrupt_label_ps in one checker session (each checker session restarts every engine twice): a dangling
   * pool is discarded, an orphan pool re-added, a corrupted pool-service label reset from the MS.
   */
  @Test
  void test_dangling_pool() {
    cluster.createPool("dangling", 256L << 20, 0, 1);
    cluster.createPool("orphan", 256L << 20, 0, 1);
    cluster.createPool("label-ps", 256L << 20, 0, 1);
    ok("faults", "pool-svc", "dangling", "CIC_POOL_NONEXIST_ON_ENGINE");
    ok("faults", "mgmt-svc", "pool", "orphan", "CIC_POOL_NONEXIST_ON_MS");
    ok("faults", "pool-svc", "label-ps", "CIC_POOL_BAD_LABEL");
    assertEquals(List.of("dangling", "label-ps"), poolLabels(), "the MS lists the dangling pool, not the orphan");
    List<JsonObject> done = chkDistChecker(null, 3);
    assertEquals(List.of("READD: Re-add the pool", "DISCARD: Discard the pool",
        "TRUST_MS: Reset the pool property using the MS label for " + done.get(2).get("pool_uuid").getAsString()),
        done.stream().map(CheckerTest::resolution).toList(), "findings in class order: orphan, dangling, label");
    assertEquals(List.of("label-ps", "orphan"), poolLabels(), "dangling pool removed, orphan pool reconstructed");
    JsonObject query = cluster.dmgJson("pool", "query", "orphan");
    assertEquals(0, query.get("status").getAsInt(), query.toString());
    JsonObject props = cluster.dmgJson("pool", "get-prop", "label-ps", "label");
    assertTrue(props.toString().contains("\"value\":\"label-ps\""), "PS label not reset: " + props);
  }

  /** pool_cleanup.py test_corrupt_label_ms: all-interactive, then "Trust PS pool label" (option 1). */
  @Test
  void test_corrupt_label_ms() {
    cluster.createPool("label-ms", 256L << 20, 0, 1);
    ok("faults", "mgmt-svc", "pool", "label-ms", "CIC_POOL_BAD_LABEL");
    assertEquals(List.of("label-ms-fault"), poolLabels());
    enterCheckMode();
    ok("check", "set-policy", "--all-interactive");
    ok("check", "start");
    JsonObject q = query();
    assertEquals("RUNNING", q.get("status").getAsString(), "a pending decision keeps the check running: " + q);
    JsonObject finding = findings().get(0);
    assertEquals(1, finding.get("action").getAsInt(), "CIA_INTERACT: " + finding);
    assertTrue(finding.get("msg").getAsString().contains("label-ms-fault (MS) vs label-ms (PS)"), finding.toString());
    CommandResult text = cluster.dmg("check", "query");
    assertTrue(text.stdout().contains("- Action Required:") && text.stdout().contains("1: Trust PS pool label: "
        + "label-ms."), text.toString());
    String seq = "0x" + Long.toHexString(finding.get("seq").getAsLong());
    ok("check", "repair", seq, "1");
    q = query();
    assertEquals("COMPLETED", q.get("status").getAsString(), q.toString());
    assertEquals(6, findings().get(0).get("action").getAsInt(), "CIA_TRUST_PS");
    CommandResult again = cluster.dmg("check", "repair", seq, "0");
    assertEquals(1, again.exitCode(), again.toString());
    assertTrue(again.stderr().contains("is already resolved: TRUST_PS"), again.toString());
    ok("check", "set-policy", "--reset-defaults");
    leaveCheckMode();
    assertEquals(List.of("label-ms"), poolLabels(), "the corrupted label in MS was not fixed");
  }

  /**
   * check_policy.py test_check_policies: set-policy persists, get-policy shows it, reset-defaults undoes it; before
   * that, as ms_membership.py: checker mode needs every rank stopped, and other MS requests are refused while it is on.
   */
  @Test
  void test_check_policies() {
    CommandResult refused = cluster.dmg("check", "enable");
    assertEquals(1, refused.exitCode(), refused.toString());
    assertTrue((refused.stderr() + refused.stdout()).contains("members not in expected states "
        + "(AdminExcluded|Stopped): 0-1"), refused.toString());
    CommandResult notEnabled = cluster.dmg("check", "start");
    assertTrue((notEnabled.stderr() + notEnabled.stdout()).contains("system checker is not enabled"),
        notEnabled.toString());
    enterCheckMode();
    CommandResult create = cluster.dmg("pool", "create", "refused", "-z", "1G");
    assertTrue((create.stderr() + create.stdout()).contains("system checker is enabled; normal operations are "
        + "disabled"), create.toString());
    assertEquals(0, cluster.dmgJson("pool", "list").get("status").getAsInt(), "pool list stays allowed");
    ok("check", "set-policy", "POOL_BAD_LABEL:TRUST_PS,POOL_NONEXIST_ON_MS:CIA_INTERACT");
    JsonObject got = cluster.dmgJson("check", "get-policy").getAsJsonObject("response");
    assertEquals("none", got.get("checker_flags").getAsString());
    List<String> pols = strings(got.getAsJsonArray("policies"));
    assertTrue(pols.contains("POOL_BAD_LABEL:TRUST_PS") && pols.contains("POOL_NONEXIST_ON_MS:INTERACT")
        && pols.contains("POOL_NONEXIST_ON_ENGINE:DEFAULT"), pols.toString());
    CommandResult text = cluster.dmg("check", "get-policy", "POOL_BAD_LABEL");
    assertTrue(text.stdout().startsWith("Checker flags: none\n\nInconsistency Class") && text.stdout()
        .contains("POOL_BAD_LABEL") && !text.stdout().contains("POOL_NONEXIST_ON_MS"), text.toString());
    ok("check", "set-policy", "--reset-defaults");
    pols = strings(cluster.dmgJson("check", "get-policy").getAsJsonObject("response").getAsJsonArray("policies"));
    assertTrue(pols.stream().allMatch(p -> p.endsWith(":DEFAULT")), pols.toString());
    CommandResult bad = cluster.dmg("check", "set-policy", "POOL_BAD_LABEL:MAYBE");
    assertEquals(1, bad.exitCode(), bad.toString());
  }

  /**
   * DAOS's chk_dist_checker: enable, dry run (detected, not applied), all-interactive with auto (detected and
   * ignored), defaults (repaired), disable. Returns the findings of the last run.
   */
  private List<JsonObject> chkDistChecker(String policies, int count) {
    enterCheckMode();
    ok("check", "start", "--dry-run");
    List<JsonObject> dry = waitForCheckComplete(count);
    assertTrue(dry.stream().allMatch(f -> f.get("result").getAsInt() == 1), "dry run: " + dry);
    ok("check", "set-policy", "--all-interactive");
    ok("check", "start", "--auto", "on");
    List<JsonObject> auto = waitForCheckComplete(count);
    assertTrue(auto.stream().allMatch(f -> f.get("action").getAsInt() == 2), "CIA_IGNORE with auto: " + auto);
    ok("check", "set-policy", "--reset-defaults");
    if (policies == null) {
      ok("check", "start", "--auto", "off");
    } else {
      ok("check", "start", "--auto", "off", "--policies", policies);
    }
    List<JsonObject> done = waitForCheckComplete(count);
    CommandResult text = cluster.dmg("check", "query");
    assertTrue(text.stdout().startsWith("DAOS System Checker Info\n  Current status: COMPLETED\n  Current phase: "
        + "DONE (Check completed)\n") && text.stdout().contains("- Resolved:"), text.toString());
    leaveCheckMode();
    return done;
  }

  /** DAOS's wait_for_check_complete: the run's findings once it completed, {@code count} of them. */
  private static List<JsonObject> waitForCheckComplete(int count) {
    Poll.until("check completed", STATE_TIMEOUT, () -> "COMPLETED".equals(query().get("status").getAsString()),
        () -> query().toString());
    List<JsonObject> f = findings();
    assertEquals(count, f.size(), "findings: " + f);
    return f;
  }

  private static void enterCheckMode() {
    ok("system", "stop");
    cluster.waitForMembers(RANKS, "stopped", STATE_TIMEOUT);
    ok("check", "enable");
    cluster.waitForMembers(RANKS, "checkerstarted", STATE_TIMEOUT);
  }

  private static void leaveCheckMode() {
    ok("check", "disable");
    cluster.waitForMembers(RANKS, "stopped", STATE_TIMEOUT);
    ok("system", "start");
    cluster.waitForReady();
  }

  private static JsonObject query() {
    JsonObject env = cluster.dmgJson("check", "query");
    assertEquals(0, env.get("status").getAsInt(), env.toString());
    return env.getAsJsonObject("response");
  }

  private static List<JsonObject> findings() {
    JsonElement r = query().get("reports");
    List<JsonObject> out = new ArrayList<>();
    if (r != null && r.isJsonArray()) {
      r.getAsJsonArray().forEach(e -> out.add(e.getAsJsonObject()));
    }
    return out;
  }

  private static String resolution(JsonObject report) {
    String act = switch (report.get("action").getAsInt()) {
      case 3 -> "DISCARD";
      case 4 -> "READD";
      case 5 -> "TRUST_MS";
      case 6 -> "TRUST_PS";
      default -> "action " + report.get("action");
    };
    return act + ": " + report.getAsJsonArray("act_msgs").get(0).getAsString();
  }

  private static JsonArray pools() {
    JsonObject env = cluster.dmgJson("pool", "list");
    JsonElement p = env.getAsJsonObject("response").get("pools");
    return p == null || p.isJsonNull() ? new JsonArray() : p.getAsJsonArray();
  }

  private static List<String> poolLabels() {
    List<String> out = new ArrayList<>();
    pools().forEach(p -> out.add(p.getAsJsonObject().get("label").getAsString()));
    return out;
  }

  private static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>();
    a.forEach(e -> out.add(e.getAsString()));
    return out;
  }

  private static void ok(String... args) {
    CommandResult r = cluster.dmg(args);
    assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r + "\n" + cluster.logs());
  }
}
