package io.daos.dmg.command.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.proto.ctl.StorageFormatReq;
import io.daos.proto.ctl.StorageScanReq;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Flags → requests for storage scan/format, after DAOS's dmg storage_test.go cases. */
class StorageCommandParseTest {
  private static <T> T parsed(T cmd, String... flags) {
    new CommandLine(cmd).parseArgs(flags);
    return cmd;
  }

  @Test
  void scanStripsDetailsByDefault() {
    StorageScanReq req = parsed(new StorageScanCommand()).request();
    assertTrue(req.getNvme().getBasic());
    assertFalse(req.getNvme().getHealth());
  }

  @Test
  void scanVerbose() {
    assertFalse(parsed(new StorageScanCommand(), "--verbose").request().getNvme().getBasic());
  }

  @Test
  void scanWithNvmeHealth() {
    StorageScanReq req = parsed(new StorageScanCommand(), "-n").request();
    assertTrue(req.getNvme().getHealth());
    assertTrue(req.getNvme().getLinkStats());
  }

  @Test
  void scanWithVerboseAndNvmeHealth() {
    var e = assertThrows(RuntimeException.class, () -> parsed(new StorageScanCommand(), "-v", "-n").request());
    assertEquals("cannot use --verbose with --nvme-health", e.getMessage());
  }

  @Test
  void formatWithForce() {
    StorageFormatReq req = parsed(new StorageFormatCommand(), "--force").request(List.of());
    assertTrue(req.getReformat());
    assertFalse(req.getReplace());
  }

  @Test
  void formatWithReplaceAndForce() {
    var e = assertThrows(RuntimeException.class,
        () -> parsed(new StorageFormatCommand(), "--replace", "--force").request(List.of("a:10001")));
    assertTrue(e.getMessage().contains("may not be mixed"));
  }

  @Test
  void formatWithReplaceNeedsSingleHost() {
    var e = assertThrows(RuntimeException.class,
        () -> parsed(new StorageFormatCommand(), "--replace").request(List.of("a:10001", "b:10001")));
    assertEquals("command expects a single host in hostlist if replace option used", e.getMessage());
    assertTrue(parsed(new StorageFormatCommand(), "--replace").request(List.of("a:10001")).getReplace());
  }
}
