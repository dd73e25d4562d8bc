package io.daos.dmg.command.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.dmg.command.DmgOutput;
import io.daos.dmg.command.FakeControlInvoker;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.PoolUpgradeReq;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DAOS cmd/dmg/pool_test.go "Upgrade pool with pool ID" and the command's text. */
class PoolUpgradeCommandTest {
  private static final String ID = "031bcaf8-f0f5-42ef-b3c5-ee048676dceb";

  @TempDir
  Path dir;

  @Test
  void upgradePoolWithPoolId() throws Exception {
    FakeControlInvoker fake = new FakeControlInvoker().on("PoolUpgrade", DaosResp.getDefaultInstance());
    DmgOutput r = DmgOutput.run(dir, fake, "pool", "upgrade", ID);
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(PoolUpgradeReq.newBuilder().setSys("daos_server").setId(ID).build()), fake.requests);
    assertEquals("Pool-upgrade command succeeded\n", r.out());
  }

  @Test
  void upgradeFailureCarriesTheStatus() throws Exception {
    FakeControlInvoker fake = new FakeControlInvoker().on("PoolUpgrade", DaosResp.newBuilder().setStatus(-2018)
        .build());
    DmgOutput r = DmgOutput.run(dir, fake, "pool", "upgrade", "tank");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("pool upgrade failed: DER_INPROGRESS(-2018)"), r.err());
    r = DmgOutput.run(dir, new FakeControlInvoker(), "pool", "upgrade");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("no pool ID or label specified"), r.err());
  }
}
