package io.daos.dmg.command.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.daos.dmg.command.DmgOutput;
import io.daos.dmg.command.FakeControlInvoker;
import io.daos.proto.mgmt.SystemCleanupReq;
import io.daos.proto.mgmt.SystemCleanupResp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DAOS cmd/dmg/system_test.go "system cleanup ..." and pretty PrintSystemCleanupResponse. */
class SystemCleanupCommandTest {
  private static final String P1 = "11111111-1111-1111-1111-111111111111";
  private static final String P2 = "22222222-2222-2222-2222-222222222222";

  @TempDir
  Path dir;

  private static SystemCleanupResp two() {
    SystemCleanupResp.Builder b = SystemCleanupResp.newBuilder();
    b.addResultsBuilder().setPoolId(P1).setCount(2);
    b.addResultsBuilder().setPoolId(P2).setCount(0);
    return b.build();
  }

  @Test
  void systemCleanupWithMachineName() throws Exception {
    FakeControlInvoker fake = new FakeControlInvoker().on("SystemCleanup", two());
    DmgOutput r = DmgOutput.run(dir, fake, "system", "cleanup", "foo1");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(SystemCleanupReq.newBuilder().setSys("daos_server").setMachine("foo1").build()),
        fake.requests);
    assertEquals("System Cleanup Success\n", r.out());
    r = DmgOutput.run(dir, fake, "system", "cleanup", "-v", "foo1");
    assertEquals("Pool                                 Handles Revoked \n"
        + "----                                 --------------- \n"
        + P1 + " 2               \n"
        + P2 + " 0               \n\n", r.out());
    r = DmgOutput.run(dir, fake, "-j", "system", "cleanup", "foo1");
    JsonObject res = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("response")
        .getAsJsonArray("results").get(0).getAsJsonObject();
    assertEquals(P1, res.get("pool_id").getAsString());
    assertEquals(2, res.get("count").getAsInt());
  }

  @Test
  void systemCleanupWithoutMachineName() throws Exception {
    FakeControlInvoker fake = new FakeControlInvoker();
    DmgOutput r = DmgOutput.run(dir, fake, "system", "cleanup", "-v");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("not provided"), r.err());
    assertTrue(fake.requests.isEmpty());
  }

  @Test
  void noPoolsAndFailedPools() throws Exception {
    DmgOutput r = DmgOutput.run(dir, new FakeControlInvoker().on("SystemCleanup",
        SystemCleanupResp.getDefaultInstance()), "system", "cleanup", "foo1");
    assertEquals("No handles cleaned up\n", r.out());
    SystemCleanupResp.Builder b = SystemCleanupResp.newBuilder();
    b.addResultsBuilder().setPoolId(P1).setStatus(-1012).setMsg("Unable to clean up handles for machine foo1 on pool "
        + P1);
    r = DmgOutput.run(dir, new FakeControlInvoker().on("SystemCleanup", b.build()), "system", "cleanup", "foo1");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("ERROR: dmg: system cleanup failed: Unable to clean up handles for machine foo1"),
        r.err());
  }
}
