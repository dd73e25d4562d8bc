package io.daos.dmg.output.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.daos.proto.chk.CheckInconsistAction;
import io.daos.proto.chk.CheckInconsistClass;
import io.daos.proto.chk.CheckInstStatus;
import io.daos.proto.chk.CheckPoolStatus;
import io.daos.proto.chk.CheckReport;
import io.daos.proto.chk.CheckScanPhase;
import io.daos.proto.mgmt.CheckGetPolicyResp;
import io.daos.proto.mgmt.CheckInconsistPolicy;
import io.daos.proto.mgmt.CheckQueryPool;
import io.daos.proto.mgmt.CheckQueryResp;
import io.daos.proto.mgmt.CheckQueryTarget;
import org.junit.jupiter.api.Test;

/** dmg check query/get-policy output as DAOS's pretty and control packages print it. */
class CheckQueryTextTest {
  static final String P1 = "11111111-1111-1111-1111-111111111111";

  static CheckQueryResp resp() {
    CheckReport resolved = CheckReport.newBuilder().setSeq(2).setClass_(CheckInconsistClass.CIC_POOL_NONEXIST_ON_ENGINE)
        .setAction(CheckInconsistAction.CIA_DISCARD).setPoolUuid(P1).setPoolLabel("tank")
        .addActMsgs("Discard the pool").build();
    CheckReport interact = CheckReport.newBuilder().setSeq(3).setClass_(CheckInconsistClass.CIC_POOL_BAD_LABEL)
        .setAction(CheckInconsistAction.CIA_INTERACT).setPoolUuid(P1).setPoolLabel("tank")
        .addActChoices(CheckInconsistAction.CIA_TRUST_MS).addActChoices(CheckInconsistAction.CIA_IGNORE)
        .addActDetails("Trust MS pool label: tank [suggested].").addActDetails("x")
        .addActMsgs("Reset the pool property").addActMsgs("Ignore the pool finding").build();
    return CheckQueryResp.newBuilder().setInsStatus(CheckInstStatus.CIS_COMPLETED)
        .setInsPhase(CheckScanPhase.CSP_DONE).addPools(CheckQueryPool.newBuilder().setUuid(P1)
            .setStatus(CheckPoolStatus.CPS_CHECKED).setPhase(CheckScanPhase.CSP_DONE)
            .addTargets(CheckQueryTarget.newBuilder().setRank(0)))
        .addReports(interact).addReports(resolved).build();
  }

  @Test
  void textHasResolvedAndActionRequiredTables() {
    String out = CheckQueryText.print(CheckQueryView.of(resp()), false);
    assertTrue(out.startsWith("DAOS System Checker Info\n  Current status: COMPLETED\n"
        + "  Current phase: DONE (Check completed)\n  Checked 1 pool\n\nInconsistency Reports:\n- Resolved:\n"), out);
    assertTrue(out.contains("0x2") && out.contains("POOL_NONEXIST_ON_ENGINE") && out.contains(
        "DISCARD: Discard the pool"), out);
    assertTrue(out.contains("- Action Required:") && out.contains("0: Trust MS pool label: tank [suggested].")
        && out.contains("1: Ignore the pool finding"), "one-word details fall back to the message: " + out);
  }

  @Test
  void jsonSortsReportsByClassAndOmitsUnsetFields() {
    JsonObject o = CheckQueryJson.of(CheckQueryView.of(resp()));
    assertEquals("COMPLETED", o.get("status").getAsString());
    assertEquals("DONE", o.get("scan_phase").getAsString());
    assertEquals(5, o.getAsJsonArray("reports").get(0).getAsJsonObject().get("class").getAsInt());
    JsonObject r = o.getAsJsonArray("reports").get(0).getAsJsonObject();
    assertEquals(0, r.get("rank").getAsInt());
    assertTrue(!r.has("result") && !r.has("act_choices"), r.toString());
    JsonObject pool = o.getAsJsonObject("pools").getAsJsonObject(P1);
    assertEquals("CPS_CHECKED", pool.get("status").getAsString());
    assertEquals(1, pool.get("rank_count").getAsInt());
  }

  @Test
  void policiesPrintAsDaos() {
    CheckPolicyView v = CheckPolicyView.of(CheckGetPolicyResp.newBuilder().addPolicies(CheckInconsistPolicy
        .newBuilder().setInconsistCas(CheckInconsistClass.CIC_POOL_BAD_LABEL)
        .setInconsistAct(CheckInconsistAction.CIA_TRUST_PS)).build());
    assertEquals("none", v.checkerFlags());
    assertEquals(java.util.List.of("POOL_BAD_LABEL:TRUST_PS"), v.policies());
    assertTrue(v.text().startsWith("Checker flags: none\n\nInconsistency Class"), v.text());
    assertEquals("dry-run,auto", CheckPolicyView.flags(9));
  }
}
