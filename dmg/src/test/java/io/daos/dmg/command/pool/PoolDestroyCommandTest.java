package io.daos.dmg.command.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.control.RetryPolicy;
import io.daos.dmg.command.FakeControlInvoker;
import io.daos.proto.mgmt.PoolDestroyResp;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** dmg pool destroy as DAOS's PoolDestroy: a pool request with the pool retry test. */
class PoolDestroyCommandTest {
  @Test
  void destroyAsksForDaosPoolRetryPolicy() {
    FakeControlInvoker inv = new FakeControlInvoker().on("PoolDestroy", PoolDestroyResp.getDefaultInstance());
    PoolDestroyCommand c = new PoolDestroyCommand();
    new CommandLine(c).parseArgs("tank", "--force");
    c.executeWith(inv);
    RetryPolicy p = inv.policies.get("PoolDestroy");
    assertEquals(RetryPolicy.POOL, p);
    assertTrue(p.canRetry(new DaosException(DaosStatus.OOG)), "a rank that just restarted is not in the map yet");
    assertFalse(p.canRetry(new DaosException(DaosStatus.NONEXIST)), "no such pool is final");
  }
}
