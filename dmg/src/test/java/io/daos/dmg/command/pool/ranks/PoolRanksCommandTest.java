package io.daos.dmg.command.pool.ranks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.dmg.command.DmgOutput;
import io.daos.dmg.command.FakeControlInvoker;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.PoolDrainReq;
import io.daos.proto.mgmt.PoolDrainResp;
import io.daos.proto.mgmt.PoolExcludeReq;
import io.daos.proto.mgmt.PoolExcludeResp;
import io.daos.proto.mgmt.PoolExtendReq;
import io.daos.proto.mgmt.PoolExtendResp;
import io.daos.proto.mgmt.PoolRebuildStopReq;
import io.daos.proto.mgmt.PoolReintReq;
import io.daos.proto.mgmt.PoolReintResp;
import io.daos.proto.mgmt.PoolRanksResp;
import io.daos.proto.mgmt.PoolRebuildManageResult;
import io.daos.proto.mgmt.SystemDrainReq;
import io.daos.proto.mgmt.SystemDrainResp;
import io.daos.proto.mgmt.SystemRebuildManageReq;
import io.daos.proto.mgmt.SystemRebuildManageResp;
import io.daos.proto.shared.RankResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DAOS TestPoolCommands (exclude, drain, reintegrate, extend, rebuild cases), TestDmg_SystemCommands (drain,
 * reintegrate, rebuild) and pretty's TestPretty_PrintPoolRanksResps: requests built from flags, and the text and
 * JSON printed from the fake MS's answers.
 */
class PoolRanksCommandTest {
  @TempDir
  Path dir;
  final FakeControlInvoker fake = new FakeControlInvoker();

  private DmgOutput dmg(String line) throws Exception {
    return DmgOutput.run(dir, fake, line.split(" "));
  }

  @Test
  void TestPoolCommands_excludeWithTargetIdx() throws Exception {
    fake.on("PoolExclude", PoolExcludeResp.getDefaultInstance());
    DmgOutput o = dmg("pool exclude 031bcaf8-f0f5-42ef-b3c5-ee048676dceb --ranks 0 --target-idx 0,1 -f");
    assertEquals(0, o.exit(), o.err());
    assertEquals(PoolExcludeReq.newBuilder().setSys("daos_server").setId("031bcaf8-f0f5-42ef-b3c5-ee048676dceb")
        .setRank(0).addTargetIdx(0).addTargetIdx(1).setForce(true).build(), fake.requests.get(0));
    assertEquals("""
        Pool                                 Ranks Result Reason\s
        ----                                 ----- ------ ------\s
        031bcaf8-f0f5-42ef-b3c5-ee048676dceb 0     OK     -     \s

        """, o.out());
  }

  @Test
  void TestPoolCommands_drainMultipleRanksOneFails() throws Exception {
    fake.onRequest("PoolDrain", req -> ((PoolDrainReq) req).getRank() == 2
        ? PoolDrainResp.newBuilder().setStatus(-1005).build() : PoolDrainResp.getDefaultInstance());
    DmgOutput o = dmg("pool drain tank --ranks 0-2");
    assertEquals(1, o.exit());
    assertEquals(3, fake.requests.size(), "one request per rank");
    assertTrue(o.out().contains("0-1   OK     -"), o.out());
    assertTrue(o.out().contains("2     FAIL   DER_NONEXIST(-1005): The specified entity does not exist"), o.out());
    assertTrue(o.err().contains("rank 2 failed on pool tank"), o.err());
  }

  @Test
  void TestPoolCommands_drainJson() throws Exception {
    fake.on("PoolDrain", PoolDrainResp.getDefaultInstance());
    DmgOutput o = dmg("-j pool drain tank --ranks 1");
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains("\"id\": \"tank\""), o.out());
    assertTrue(o.out().contains("\"rank\": 1"), o.out());
    assertTrue(o.out().contains("\"errored\": false"), o.out());
  }

  @Test
  void TestPoolCommands_reintegrateAlias() throws Exception {
    fake.on("PoolReintegrate", PoolReintResp.getDefaultInstance());
    DmgOutput o = dmg("pool reint tank --ranks 3 --target-idx 4");
    assertEquals(0, o.exit(), o.err());
    assertEquals(PoolReintReq.newBuilder().setSys("daos_server").setId("tank").setRank(3).addTargetIdx(4).build(),
        fake.requests.get(0));
  }

  @Test
  void TestPoolCommands_excludeBadTargetList() throws Exception {
    DmgOutput o = dmg("pool exclude tank --ranks 0 --target-idx a");
    assertEquals(1, o.exit());
    assertTrue(o.err().contains("parsing target list"), o.err());
    assertTrue(fake.requests.isEmpty());
  }

  @Test
  void TestPoolCommands_ranksRequired() throws Exception {
    DmgOutput o = dmg("pool drain tank");
    assertTrue(o.exit() != 0);
    assertTrue(o.err().contains("--ranks"), o.err());
  }

  @Test
  void TestPoolCommands_extend() throws Exception {
    fake.on("PoolExtend", PoolExtendResp.getDefaultInstance());
    DmgOutput o = dmg("pool extend tank --ranks 4-5");
    assertEquals(0, o.exit(), o.err());
    assertEquals(PoolExtendReq.newBuilder().setSys("daos_server").setId("tank").addRanks(4).addRanks(5).build(),
        fake.requests.get(0));
    assertEquals("Extend command succeeded\n", o.out());
  }

  @Test
  void TestPoolCommands_extendFails() throws Exception {
    fake.on("PoolExtend", PoolExtendResp.newBuilder().setStatus(-1008).build());
    DmgOutput o = dmg("pool extend tank --ranks 1");
    assertEquals(1, o.exit());
    assertTrue(o.err().contains("pool extend failed"), o.err());
    assertTrue(o.err().contains("DER_ALREADY"), o.err());
  }

  @Test
  void TestPoolCommands_rebuildStopForce() throws Exception {
    fake.on("PoolRebuildStop", DaosResp.getDefaultInstance());
    DmgOutput o = dmg("pool rebuild stop tank -f");
    assertEquals(0, o.exit(), o.err());
    assertEquals(PoolRebuildStopReq.newBuilder().setSys("daos_server").setId("tank").setForce(true).build(),
        fake.requests.get(0));
    assertEquals("Pool-rebuild stop request succeeded\n", o.out());
  }

  @Test
  void TestPoolCommands_rebuildStartEngineWithoutMethod() throws Exception {
    fake.on("PoolRebuildStart", DaosResp.newBuilder().setStatus(-2037).build());
    DmgOutput o = dmg("pool rebuild start tank");
    assertEquals(1, o.exit());
    assertTrue(o.err().contains("pool-rebuild start failed"), o.err());
  }

  @Test
  void TestDmg_SystemCommands_drainTable() throws Exception {
    fake.on("SystemDrain", SystemDrainResp.newBuilder().addResponses(PoolRanksResp.newBuilder().setId("alpha")
        .addResults(RankResult.newBuilder().setRank(1)).addResults(RankResult.newBuilder().setRank(2)))
        .addResponses(PoolRanksResp.newBuilder().setId("beta").addResults(RankResult.newBuilder().setRank(1)
            .setErrored(true).setMsg("DER_BUSY(-1012): Device or resource busy"))).build());
    DmgOutput o = dmg("system drain --ranks 1-2");
    assertEquals(SystemDrainReq.newBuilder().setSys("daos_server").setRanks("1-2").build(), fake.requests.get(0));
    assertEquals(1, o.exit());
    assertEquals(List.of("Pool  Ranks Result Reason", "----  ----- ------ ------", "alpha 1-2   OK     -",
        "beta  1     FAIL   DER_BUSY(-1012): Device or resource busy", ""),
        o.out().lines().map(String::stripTrailing).toList());
    assertTrue(o.err().contains("system drain failed: rank 1 failed on pool beta"), o.err());
  }

  @Test
  void TestDmg_SystemCommands_reintegrateByHosts() throws Exception {
    fake.on("SystemDrain", SystemDrainResp.newBuilder().setReint(true).build());
    DmgOutput o = dmg("system reint --rank-hosts foo-[1-2]");
    assertEquals(SystemDrainReq.newBuilder().setSys("daos_server").setHosts("foo-[1-2]").setReint(true).build(),
        fake.requests.get(0));
    assertEquals("No pool ranks processed\n", o.out());
  }

  @Test
  void TestDmg_SystemCommands_drainNeedsRanksOrHosts() throws Exception {
    DmgOutput o = dmg("system drain");
    assertEquals(1, o.exit());
    assertTrue(o.err().contains("no ranks or hosts specified"), o.err());
  }

  @Test
  void TestDmg_SystemCommands_rebuildStop() throws Exception {
    fake.on("SystemRebuildManage", SystemRebuildManageResp.newBuilder()
        .addResults(PoolRebuildManageResult.newBuilder().setId("a").setOpCode(2))
        .addResults(PoolRebuildManageResult.newBuilder().setId("b").setOpCode(2).setErrored(true)
            .setMsg("pool-rebuild stop failed: DER_NONEXIST(-1005): The specified entity does not exist"))
        .build());
    DmgOutput o = dmg("system rebuild stop -v -f");
    assertEquals(SystemRebuildManageReq.newBuilder().setSys("daos_server").setOpCode(2).setForce(true).build(),
        fake.requests.get(0));
    assertEquals(0, o.exit(), o.err());
    assertEquals("""
        System-rebuild stop requested for 2 pools
        - With active or finishing rebuild:  1 pool (a)
        - Without active rebuild:            1 pool (b)
        Command completed successfully.
        """, o.out());
  }

  @Test
  void TestDmg_SystemCommands_rebuildStartNoPools() throws Exception {
    fake.on("SystemRebuildManage", SystemRebuildManageResp.getDefaultInstance());
    DmgOutput o = dmg("system rebuild start");
    assertEquals(0, o.exit(), o.err());
    assertEquals("No pools in system.\nCommand completed successfully.\n", o.out());
  }

  @Test
  void TestDmg_SystemCommands_selfHealEval() throws Exception {
    fake.on("SystemSelfHealEval", DaosResp.getDefaultInstance());
    DmgOutput o = dmg("system self-heal eval");
    assertEquals(0, o.exit(), o.err());
    assertEquals("System self-heal eval request succeeded\n", o.out());
    assertEquals(List.of(io.daos.proto.mgmt.SystemSelfHealEvalReq.newBuilder().setSys("daos_server").build()),
        fake.requests);
  }
}
