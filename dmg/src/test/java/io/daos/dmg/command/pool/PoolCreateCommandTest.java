package io.daos.dmg.command.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.dmg.command.CommandError;
import io.daos.dmg.output.pool.PoolCreateResponse;
import io.daos.proto.mgmt.PoolCreateReq;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Flags → PoolCreateReq, label rules and the create text block. */
class PoolCreateCommandTest {
  private static PoolCreateReq parse(String... args) {
    PoolCreateCommand c = new PoolCreateCommand();
    new CommandLine(c).parseArgs(args);
    return c.request("daos_server");
  }

  @Test
  void sizeWithDefaultRatio() {
    PoolCreateReq r = parse("tank", "-z", "2G", "-v", "3", "-r", "0-1");
    assertEquals(2_000_000_000L, r.getTotalBytes());
    assertEquals(List.of(0.06, 0.94), r.getTierRatioList());
    assertEquals(List.of(0, 1), r.getRanksList());
    assertEquals(3, r.getNumSvcReps());
    assertEquals("tank", r.getProperties(0).getStrval());
    assertEquals(1, r.getProperties(0).getNumber());
    UUID.fromString(r.getUuid());
    assertTrue(r.getUser().endsWith("@"));
  }

  @Test
  void createAsksForDaosPoolRetryPolicyWithPoolCreateTimeout() {
    io.daos.dmg.command.FakeControlInvoker inv = new io.daos.dmg.command.FakeControlInvoker()
        .on("PoolCreate", io.daos.proto.mgmt.PoolCreateResp.newBuilder().addSvcReps(0).addTgtRanks(0).build());
    PoolCreateCommand c = new PoolCreateCommand();
    new CommandLine(c).parseArgs("tank", "-s", "1GiB");
    c.executeWith(inv);
    io.daos.control.RetryPolicy p = inv.policies.get("PoolCreate");
    assertEquals(java.time.Duration.ofMinutes(10), p.timeout());
    assertTrue(p.canRetry(new io.daos.common.status.DaosException(io.daos.common.status.DaosStatus.AGAIN)));
    assertFalse(p.canRetry(new io.daos.common.status.DaosException(io.daos.common.status.DaosStatus.INVAL)));
  }

  @Test
  void explicitTiers() {
    PoolCreateReq r = parse("tank", "-s", "1GiB", "-n", "10G", "-u", "bob").toBuilder().build();
    assertEquals(List.of(1L << 30, 10_000_000_000L), r.getTierBytesList());
    assertEquals("bob@", r.getUser());
  }

  @Test
  void badInput() {
    assertThrows(CommandError.class, () -> parse("tank"));
    assertThrows(CommandError.class, () -> parse("tank", "-z", "1G", "-s", "1G"));
    assertThrows(CommandError.class, () -> parse("bad label", "-z", "1G"));
    assertThrows(CommandError.class, () -> parse("-z", "1G"));
    assertThrows(CommandError.class, () -> parse("tank", "-z", "lots"));
    assertThrows(CommandError.class, () -> parse("tank", "-z", "1G", "-t", "50,60"));
  }

  @Test
  void labelRules() {
    assertTrue(PoolLabels.isValid("pool_1.a:b-c"));
    assertFalse(PoolLabels.isValid(""));
    assertFalse(PoolLabels.isValid("a".repeat(128)));
    assertFalse(PoolLabels.isValid("a/b"));
    assertFalse(PoolLabels.isValid(UUID.randomUUID().toString()));
  }

  @Test
  void textBlock() {
    StringBuilder out = new StringBuilder();
    PoolCreateCommand.print(out, new PoolCreateResponse("u-1", 0, List.of(0L, 1L, 2L), List.of(0L, 1L, 2L, 3L),
        List.of(6_000_000_000L, 94_000_000_000L), 0, false));
    String s = out.toString();
    assertTrue(s.startsWith("Pool created with 6.00%,94.00% storage tier ratio\n"), s);
    assertTrue(s.contains("  Service Ranks        : [0-2]\n"), s);
    assertTrue(s.contains("  Total Size           : 400 GB\n"), s);
    assertTrue(s.contains("  Storage tier 0 (SCM) : 24 GB (6.0 GB / rank)\n"), s);
  }
}
