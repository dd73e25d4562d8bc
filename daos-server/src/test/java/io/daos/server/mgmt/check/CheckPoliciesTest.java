package io.daos.server.mgmt.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.daos.proto.chk.CheckInconsistAction;
import io.daos.proto.chk.CheckInconsistClass;
import io.daos.proto.chk.CheckReport;
import io.daos.proto.mgmt.CheckInconsistPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Policy defaults, merge and storage form; finding annotation as DAOS's checker package does it. */
class CheckPoliciesTest {
  @Test
  void defaultsCoverEveryClassButNoneAndUnknown() {
    List<CheckInconsistPolicy> all = CheckPolicies.defaults().toList(List.of());
    assertEquals(20, all.size());
    assertEquals(CheckInconsistClass.CIC_POOL_LESS_SVC_WITH_QUORUM, all.get(0).getInconsistCas());
    assertFalse(all.stream().anyMatch(p -> p.getInconsistAct() != CheckInconsistAction.CIA_DEFAULT));
  }

  @Test
  void mergedOverridesAndSurvivesTheStoredForm() {
    CheckPolicies p = CheckPolicies.defaults().merged(List.of(CheckInconsistPolicy.newBuilder()
        .setInconsistCas(CheckInconsistClass.CIC_POOL_BAD_LABEL).setInconsistAct(CheckInconsistAction.CIA_TRUST_PS)
        .build()));
    CheckPolicies back = CheckPolicies.decode(p.encode());
    assertEquals(CheckInconsistAction.CIA_TRUST_PS, back.action(CheckInconsistClass.CIC_POOL_BAD_LABEL));
    assertEquals(List.of(CheckInconsistPolicy.newBuilder().setInconsistCas(CheckInconsistClass.CIC_POOL_BAD_LABEL)
        .setInconsistAct(CheckInconsistAction.CIA_TRUST_PS).build()),
        back.toList(List.of(CheckInconsistClass.CIC_POOL_BAD_LABEL)));
  }

  @Test
  void annotateGivesEveryChoiceAMessage() {
    CheckReport r = Findings.annotate(CheckReport.newBuilder().setClass_(CheckInconsistClass.CIC_POOL_BAD_LABEL)
        .setAction(CheckInconsistAction.CIA_INTERACT).setPoolUuid(" p1 ")
        .addActChoices(CheckInconsistAction.CIA_TRUST_MS).addActChoices(CheckInconsistAction.CIA_TRUST_PS).build());
    assertEquals(List.of("", ""), r.getActDetailsList());
    assertEquals(List.of("Reset the pool property using the MS label for p1",
        "Update the MS label to use the pool property value for p1"), r.getActMsgsList());
    assertEquals("Inconsistency found: CIC_POOL_BAD_LABEL (details: [, ])", r.getMsg());
  }

  @Test
  void annotateDescribesTheActionTaken() {
    CheckReport r = Findings.annotate(CheckReport.newBuilder()
        .setClass_(CheckInconsistClass.CIC_POOL_NONEXIST_ON_ENGINE).setAction(CheckInconsistAction.CIA_DISCARD)
        .setMsg("Check leader detects dangling pool.\n").build());
    assertEquals(List.of("Discard the pool"), r.getActMsgsList());
    assertEquals("Check leader detects dangling pool.", r.getMsg());
  }
}
