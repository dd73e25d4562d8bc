package io.daos.dmg.command.cont;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.dmg.command.DmgOutput;
import io.daos.dmg.command.FakeControlInvoker;
import io.daos.proto.mgmt.ContSetOwnerReq;
import io.daos.proto.mgmt.DaosResp;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DAOS cmd/dmg/cont_test.go TestContSetOwnerCommand, plus the text dmg prints. */
class ContSetOwnerCommandTest {
  static final String POOL = "12345678-1234-1234-1234-1234567890ab";
  static final String CONT = "87654321-4321-4321-4321-ba0987654321";

  @TempDir
  Path dir;

  record Case(String name, String line, ContSetOwnerReq want, String err) {
    @Override
    public String toString() {
      return name;
    }
  }

  static ContSetOwnerReq req(String user, String group) {
    return ContSetOwnerReq.newBuilder().setSys("daos_server").setPoolId(POOL).setContId(CONT).setOwnerUser(user)
        .setOwnerGroup(group).build();
  }

  static Stream<Case> cases() {
    String ids = " " + POOL + " " + CONT;
    return Stream.of(
        new Case("Set owner with no arguments", "cont set-owner", null, "required argument"),
        new Case("Set owner user", "cont set-owner --user=testuser@" + ids, req("testuser@", ""), null),
        new Case("Set owner group", "cont set-owner --group=testgroup@" + ids, req("", "testgroup@"), null),
        new Case("Set owner user and group", "cont set-owner --user=testuser@ --group=testgroup@" + ids,
            req("testuser@", "testgroup@"), null),
        new Case("Names get their @", "container set-owner -u testuser -g testgroup" + ids,
            req("testuser@", "testgroup@"), null),
        new Case("Bad owner principal", "cont set-owner --user=bad@@ --group=testgroup@" + ids, null,
            "invalid ACL principal"),
        new Case("Bad group principal", "cont set-owner --user=testuser@ --group=bad@@" + ids, null,
            "invalid ACL principal"),
        new Case("Neither user nor group", "cont set-owner" + ids, null,
            "at least one of `--user' or `--group' must be supplied"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void contSetOwner(Case tc) throws Exception {
    FakeControlInvoker fake = new FakeControlInvoker().on("ContSetOwner", DaosResp.getDefaultInstance());
    DmgOutput r = DmgOutput.run(dir, fake, tc.line().split(" "));
    if (tc.err() != null) {
      assertEquals(1, r.exit());
      assertTrue(r.err().contains(tc.err()), r.err());
      return;
    }
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(tc.want()), fake.requests);
    assertEquals("Container-set-owner command SUCCEEDED\n\n", r.out());
  }

  @Test
  void contSetOwnerFailed() throws Exception {
    FakeControlInvoker fake = new FakeControlInvoker().on("ContSetOwner",
        DaosResp.newBuilder().setStatus(-1001).build());
    DmgOutput r = DmgOutput.run(dir, fake, ("cont set-owner -u x@ " + POOL + " " + CONT).split(" "));
    assertEquals(1, r.exit());
    assertTrue(r.out().startsWith("Container-set-owner command FAILED: container set-owner failed: "
        + "DER_NO_PERM(-1001)"), r.out());
  }
}
