package io.daos.dmg.command.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.daos.common.status.DaosStatus;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.HostResult;
import io.daos.dmg.command.Outcome;
import io.daos.common.PoolQueryMask;
import io.daos.proto.mgmt.ListPoolsResp;
import io.daos.proto.mgmt.PoolQueryReq;
import io.daos.proto.mgmt.PoolQueryResp;
import io.daos.proto.mgmt.PoolRebuildStatus;
import io.daos.proto.mgmt.PoolServiceState;
import io.daos.proto.mgmt.StorageMediaType;
import io.daos.proto.mgmt.StorageUsageStats;
import io.grpc.MethodDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** dmg pool query flags → mask, the query answer's JSON/text, and pool list with per-pool queries. */
class PoolQueryListCommandTest {
  static final String U1 = "11111111-1111-1111-1111-111111111111";
  static final String U2 = "22222222-2222-2222-2222-222222222222";

  /** Answers ListPools with two pools and PoolQuery per pool id (a missing id answers DER_NONEXIST). */
  static final class FakeMs implements ControlInvoker {
    final List<Object> requests = new ArrayList<>();
    final Map<String, PoolQueryResp> answers;

    FakeMs(Map<String, PoolQueryResp> answers) {
      this.answers = answers;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <Q, R> R invokeMs(MethodDescriptor<Q, R> method, Q req) {
      requests.add(req);
      if (req instanceof PoolQueryReq q) {
        return (R) answers.getOrDefault(q.getId(),
            PoolQueryResp.newBuilder().setStatus(DaosStatus.NONEXIST.code()).build());
      }
      ListPoolsResp.Builder b = ListPoolsResp.newBuilder();
      b.addPoolsBuilder().setUuid(U2).setLabel("zeta").addSvcReps(0).setState("Ready");
      b.addPoolsBuilder().setUuid(U1).setLabel("alpha").addSvcReps(1).setState("Ready");
      return (R) b.build();
    }

    @Override
    public <Q, R> R invokeHost(MethodDescriptor<Q, R> method, Q req, String host) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <Q, R> List<HostResult<R>> invokeHosts(MethodDescriptor<Q, R> method, Q req, List<String> hosts) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String systemName() {
      return "daos_server";
    }

    @Override
    public void close() {
    }
  }

  static PoolQueryResp answer(String uuid, String label) {
    long gb = 1_000_000_000L;
    return PoolQueryResp.newBuilder().setUuid(uuid).setLabel(label).setTotalTargets(16).setActiveTargets(16)
        .setTotalEngines(2).setVersion(1).setSvcLdr(0).addSvcReps(0).setState(PoolServiceState.Ready)
        .setQueryMask(PoolQueryMask.DEFAULT).setPoolLayoutVer(1).setUpgradeLayoutVer(1)
        .setRebuild(PoolRebuildStatus.newBuilder().setState(PoolRebuildStatus.State.IDLE))
        .addTierStats(StorageUsageStats.newBuilder().setTotal(16 * gb).setFree(8 * gb).setMin(gb / 2)
            .setMax(gb / 2).setMean(gb / 2).setMediaType(StorageMediaType.SCM))
        .addTierStats(StorageUsageStats.newBuilder().setTotal(160 * gb).setFree(120 * gb).setMin(7 * gb)
            .setMax(8 * gb).setMean(7500_000_000L).setMediaType(StorageMediaType.NVME)).build();
  }

  private static <T> T parse(T cmd, String... args) {
    new CommandLine(cmd).parseArgs(args);
    return cmd;
  }

  private static String text(Outcome o) {
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    o.text().print(out, err);
    return err + "|" + out;
  }

  /** DAOS TestPretty_PrintPoolQueryResp self-heal cases: which policy turns exclude/rebuild off. */
  @Test
  void querySelfHealDisabledLines() {
    FakeMs ms = new FakeMs(Map.of("tank", answer(U1, "tank").toBuilder().setSysSelfHealPolicy("exclude;pool_rebuild")
        .setSelfHealPolicy("exclude").build()));
    String t = text(parse(new PoolQueryCommand(), "tank").executeWith(ms));
    assertTrue(t.endsWith("exclude disabled on pool due to [system] policy\n"
        + "rebuild disabled on pool due to [pool] policy\n"), t);
    ms = new FakeMs(Map.of("tank", answer(U1, "tank").toBuilder().setSysSelfHealPolicy("none")
        .setSelfHealPolicy("rebuild").build()));
    t = text(parse(new PoolQueryCommand(), "tank").executeWith(ms));
    assertTrue(t.endsWith("exclude disabled on pool due to [system pool] policies\n"
        + "rebuild disabled on pool due to [system] policy\n"), t);
  }

  @Test
  void queryRebuildBusyAndDoneLines() {
    FakeMs ms = new FakeMs(Map.of("tank", answer(U1, "tank").toBuilder().setDisabledTargets(8)
        .setSysSelfHealPolicy("exclude;pool_exclude;pool_rebuild").setRebuild(PoolRebuildStatus.newBuilder()
            .setState(PoolRebuildStatus.State.BUSY).setObjects(42).setRecords(21)).build()));
    String t = text(parse(new PoolQueryCommand(), "tank").executeWith(ms));
    assertTrue(t.contains("disabled=8, leader=0, version=1, state=TargetsExcluded\n"), t);
    assertTrue(t.contains("- Rebuild busy, 42 objs, 21 recs\n"), t);
    ms = new FakeMs(Map.of("tank", answer(U1, "tank").toBuilder().setRebuild(PoolRebuildStatus.newBuilder()
        .setState(PoolRebuildStatus.State.DONE).setObjects(5).setRecords(7)).build()));
    assertTrue(text(parse(new PoolQueryCommand(), "tank").executeWith(ms)).contains("- Rebuild done, 5 objs, 7 recs"));
  }

  @Test
  void queryMaskFollowsDaosFlags() {
    long base = PoolQueryMask.DEFAULT | PoolQueryMask.SELF_HEAL_POLICY;
    assertEquals(base, parse(new PoolQueryCommand(), "tank").mask());
    assertEquals(PoolQueryMask.HEALTH_ONLY | PoolQueryMask.SELF_HEAL_POLICY,
        parse(new PoolQueryCommand(), "tank", "-t").mask());
    assertEquals(base | PoolQueryMask.ENGINES_ENABLED, parse(new PoolQueryCommand(), "tank", "-e").mask());
    assertEquals(PoolQueryMask.DEFAULT, parse(new PoolQueryCommand(), "tank", "--no-self-heal-check").mask());
    assertThrows(CommandError.class, () -> parse(new PoolQueryCommand()).request("daos_server"));
  }

  @Test
  void queryGivesPoolInfoAndTextBlock() {
    FakeMs ms = new FakeMs(Map.of("tank", answer(U1, "tank").toBuilder()
        .setSysSelfHealPolicy("exclude;pool_exclude;pool_rebuild").build()));
    Outcome o = parse(new PoolQueryCommand(), "tank").executeWith(ms);
    JsonObject json = (JsonObject) o.response();
    assertEquals("Ready", json.get("state").getAsString());
    assertEquals("exclude;rebuild", json.get("self_heal_policy").getAsString());
    assertEquals("idle", json.getAsJsonObject("rebuild").get("state").getAsString());
    assertTrue(!json.has("status"));
    assertEquals("|Pool " + U1 + ", ntarget=16, disabled=0, leader=0, version=1, state=Ready\n"
        + "Pool health info:\n- Rebuild idle, 0 objs, 0 recs\n- Data redundancy: normal\n"
        + "Pool space info:\n- Target count:16\n- Storage tier 0 (SCM):\n  Total size: 16 GB\n"
        + "  Free: 8.0 GB, min:500 MB, max:500 MB, mean:500 MB\n- Storage tier 1 (NVME):\n  Total size: 160 GB\n"
        + "  Free: 120 GB, min:7.0 GB, max:8.0 GB, mean:7.5 GB\n", text(o));
  }

  @Test
  void queryErrorStatusFails() {
    FakeMs ms = new FakeMs(Map.of());
    CommandError e = assertThrows(CommandError.class, () -> parse(new PoolQueryCommand(), "nope").executeWith(ms));
    assertTrue(e.getMessage().contains("pool query failed"), e.getMessage());
  }

  @Test
  void listQueriesEachPoolAndSortsByLabel() {
    FakeMs ms = new FakeMs(Map.of(U1, answer(U1, "alpha"), U2, answer(U2, "zeta")));
    Outcome o = parse(new PoolListCommand()).executeWith(ms);
    JsonObject json = (JsonObject) o.response();
    assertEquals(0, json.get("status").getAsInt());
    JsonObject first = json.getAsJsonArray("pools").get(0).getAsJsonObject();
    assertEquals("alpha", first.get("label").getAsString());
    assertEquals("NVME", first.getAsJsonArray("usage").get(1).getAsJsonObject().get("tier_name").getAsString());
    assertEquals(10, first.getAsJsonArray("usage").get(1).getAsJsonObject().get("imbalance").getAsLong());
    assertEquals("|Pool  Size   State Used Imbalance Disabled \n----  ----   ----- ---- --------- -------- \n"
        + "alpha 160 GB Ready 25%  10%       0/16     \nzeta  160 GB Ready 25%  10%       0/16     \n\n", text(o));
  }

  @Test
  void listWarnsAboutFailedQueryAndLeavesThePoolOutOfTheTable() {
    FakeMs ms = new FakeMs(Map.of(U1, answer(U1, "alpha")));
    Outcome o = parse(new PoolListCommand()).executeWith(ms);
    String t = text(o);
    assertTrue(t.startsWith("Query on pool \"zeta\" unsuccessful, error: \""), t);
    assertTrue(t.contains("alpha 160 GB") && !t.contains("zeta  "), t);
    assertEquals(2, ((JsonObject) o.response()).getAsJsonArray("pools").size());
  }

  @Test
  void listWithEveryQueryFailedDoesNotSayNoPools() {
    Outcome o = parse(new PoolListCommand()).executeWith(new FakeMs(Map.of()));
    String t = text(o);
    assertTrue(t.contains("Query on pool \"zeta\" unsuccessful") && t.contains("Query on pool \"alpha\""), t);
    assertTrue(!t.contains("No pools in system"), t);
    assertTrue(t.contains("No pool could be queried (2 pools in system, see the errors above)"), t);
    assertTrue(t.contains("dmg pool list --no-query"), t);
  }

  @Test
  void listNoQuerySendsOnlyListPools() {
    FakeMs ms = new FakeMs(Map.of());
    Outcome o = parse(new PoolListCommand(), "-n").executeWith(ms);
    assertEquals(1, ms.requests.size());
    assertEquals("|Pool  State \n----  ----- \nzeta  Ready \nalpha Ready \n\n", text(o));
  }
}
