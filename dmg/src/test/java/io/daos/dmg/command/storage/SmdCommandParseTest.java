package io.daos.dmg.command.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.proto.ctl.LedAction;
import io.daos.proto.ctl.LedState;
import io.daos.proto.ctl.SmdManageReq;
import io.daos.proto.ctl.SmdQueryReq;
import io.daos.proto.ctl.StorageScanReq;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Flags → requests of the SMD commands, after DAOS's dmg storage_query_test.go cases. */
class SmdCommandParseTest {
  private static final String UUID = "842c739b-86b5-462f-a7ba-b4a91b674f3d";

  private static <T> T parsed(T cmd, String... flags) {
    new CommandLine(cmd).parseArgs(flags);
    return cmd;
  }

  @Test
  void listDevicesDefaultsToNilRankAndOmitsPools() {
    SmdQueryReq req = parsed(new SmdQueryCommand.ListDevices()).request();
    assertEquals(-1, req.getRank());
    assertTrue(req.getOmitPools());
    assertEquals("", req.getUuid());
  }

  @Test
  void listDevicesWithRankUuidAndHealth() {
    SmdQueryReq req = parsed(new SmdQueryCommand.ListDevices(), "-r", "2", "-u", UUID, "-b").request();
    assertEquals(2, req.getRank());
    assertEquals(UUID, req.getUuid());
    assertTrue(req.getIncludeBioHealth());
  }

  @Test
  void listPoolsWithBadUuid() {
    var e = assertThrows(RuntimeException.class, () -> parsed(new SmdQueryCommand.ListPools(), "-u", "bad")
        .request());
    assertTrue(e.getMessage().startsWith("invalid UUID"), e.getMessage());
  }

  @Test
  void usageAsksForHealthAndMeta() {
    StorageScanReq req = parsed(new StorageUsageCommand()).request();
    assertTrue(req.getNvme().getMeta() && req.getNvme().getHealth() && req.getScm().getUsage());
  }

  @Test
  void usageMemRatioNeedsShowUsable() {
    var e = assertThrows(RuntimeException.class, () -> parsed(new StorageUsageCommand(), "--mem-ratio", "50")
        .request());
    assertEquals("--mem-ratio is only supported with --show-usable flag", e.getMessage());
  }

  @Test
  void setFaultyNeedsUuid() {
    assertThrows(CommandLine.MissingParameterException.class, () -> parsed(new StorageSetCommand.NvmeFaulty()));
  }

  @Test
  void replaceNvme() {
    SmdManageReq req = parsed(new StorageReplaceCommand.Nvme(), "--old-uuid", UUID, "--new-uuid", UUID).request();
    assertEquals(UUID, req.getReplace().getOldDevUuid());
    assertEquals(UUID, req.getReplace().getNewDevUuid());
  }

  @Test
  void identifyLedBlinksWithTimeout() {
    SmdManageReq req = parsed(new StorageLedCommand.Identify(), "--timeout", "5", UUID).request();
    assertEquals(LedAction.SET, req.getLed().getLedAction());
    assertEquals(LedState.QUICK_BLINK, req.getLed().getLedState());
    assertEquals(5, req.getLed().getLedDurationMins());
    assertEquals(UUID, req.getLed().getIds());
  }

  @Test
  void identifyLedResetWithTimeout() {
    var e = assertThrows(RuntimeException.class, () -> parsed(new StorageLedCommand.Identify(), "--reset",
        "--timeout", "1").request());
    assertEquals("timeout option can not be set at the same time as reset", e.getMessage());
  }

  @Test
  void checkLedOfAllDevices() {
    SmdManageReq req = parsed(new StorageLedCommand.Check()).request();
    assertEquals(LedAction.GET, req.getLed().getLedAction());
    assertEquals("", req.getLed().getIds());
  }
}
