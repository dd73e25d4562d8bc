package io.daos.dmg.command.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.dmg.command.DmgOutput;
import io.daos.dmg.command.FakeControlInvoker;
import io.daos.proto.chk.CheckInconsistAction;
import io.daos.proto.mgmt.CheckInconsistPolicy;
import io.daos.proto.chk.Fault;
import io.daos.proto.mgmt.CheckSetPolicyReq;
import io.daos.proto.mgmt.DaosResp;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DAOS's short flags that are also dmg's global ones ({@code check.go}: set-policy {@code -d}; {@code fi.go}: the
 * pool faults' {@code -l}) mean the subcommand's option after the subcommand and the global one before it.
 */
class CheckShortFlagsTest {
  @TempDir
  Path dir;

  private static FakeControlInvoker fake() {
    return new FakeControlInvoker().on("SystemCheckSetPolicy", DaosResp.getDefaultInstance())
        .on("FaultInjectMgmtPoolFault", DaosResp.getDefaultInstance())
        .on("FaultInjectPoolFault", DaosResp.getDefaultInstance());
  }

  @Test
  void setPolicyDashDIsResetDefaults() throws IOException {
    FakeControlInvoker fake = fake();
    DmgOutput r = DmgOutput.run(dir, fake, "check", "set-policy", "-d");
    assertEquals(0, r.exit(), r.err());
    CheckSetPolicyReq req = (CheckSetPolicyReq) fake.requests.get(0);
    assertTrue(req.getPoliciesCount() > 0, req.toString());
    for (CheckInconsistPolicy p : req.getPoliciesList()) {
      assertEquals(CheckInconsistAction.CIA_DEFAULT, p.getInconsistAct(), req.toString());
    }
  }

  @Test
  void setPolicyDashDjIsResetDefaultsWithJson() throws IOException {
    FakeControlInvoker fake = fake();
    DmgOutput r = DmgOutput.run(dir, fake, "check", "set-policy", "-dj");
    assertEquals(0, r.exit(), r.err());
    assertEquals(CheckInconsistAction.CIA_DEFAULT,
        ((CheckSetPolicyReq) fake.requests.get(0)).getPolicies(0).getInconsistAct());
    assertTrue(r.out().trim().startsWith("{"), "-j combined with -d gives JSON: " + r.out());
  }

  @Test
  void dashDBeforeTheCommandIsStillDebug() throws IOException {
    FakeControlInvoker fake = fake();
    DmgOutput r = DmgOutput.run(dir, fake, "-d", "check", "set-policy", "POOL_BAD_LABEL:CIA_IGNORE");
    assertEquals(0, r.exit(), r.err());
    CheckSetPolicyReq req = (CheckSetPolicyReq) fake.requests.get(0);
    assertEquals(1, req.getPoliciesCount(), "the policy given, not reset-defaults: " + req);
  }

  @Test
  void poolFaultsDashLIsTheLabel() throws IOException {
    for (String[] cmd : new String[][] {{"faults", "mgmt-svc", "pool"}, {"faults", "ms", "pool"},
        {"faults", "pool-svc"}, {"faults", "ps"}}) {
      FakeControlInvoker fake = fake();
      String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(cmd),
          java.util.stream.Stream.of("-l", "tank", "-s", "0,1", "pool1", "POOL_BAD_LABEL")).toArray(String[]::new);
      DmgOutput r = DmgOutput.run(dir, fake, args);
      assertEquals(0, r.exit(), String.join(" ", cmd) + ": " + r.err());
      Fault f = (Fault) fake.requests.get(0);
      assertEquals(java.util.List.of("pool1", "tank"), f.getStringsList(), String.join(" ", cmd));
      assertEquals(java.util.List.of(0, 1), f.getUintsList(), String.join(" ", cmd));
    }
    FakeControlInvoker fake = fake();
    DmgOutput r = DmgOutput.run(dir, fake, "faults", "ps", "-ltank", "pool1", "POOL_BAD_LABEL");
    assertEquals(0, r.exit(), r.err());
    assertEquals("tank", ((Fault) fake.requests.get(0)).getStrings(1), "-lVALUE");
  }
}
