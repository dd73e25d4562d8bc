package io.daos.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.server.config.BdevTier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BdevProviderTest {
  @TempDir
  Path dir;

  private final FakeHost host = new FakeHost();

  @Test
  void fileFormatCreatesSparseFiles() throws IOException {
    Path f0 = dir.resolve("a/bdev0.img");
    Path f1 = dir.resolve("bdev1.img");
    BdevProvider p = BdevProvider.of(BdevTier.file(1, 1, f0.toString(), f1.toString()), host);
    assertFalse(p.scan().get(0).exists());
    Files.writeString(f1, "old data");
    p.format();
    assertEquals(1L << 30, Files.size(f0));
    assertEquals(1L << 30, Files.size(f1));
    long allocated = Long.parseLong(new String(new ProcessBuilder("stat", "-c", "%b", f0.toString()).start()
        .getInputStream().readAllBytes()).trim());
    assertTrue(allocated * 512 < (1L << 20), "sparse: only " + allocated + " blocks allocated");
    List<BdevDeviceInfo> scan = p.scan();
    assertTrue(scan.get(1).exists());
    assertEquals(1L << 30, scan.get(1).sizeBytes());
    assertEquals(1, scan.get(0).tier());
  }

  @Test
  void fileFormatFailureIsAFault() throws IOException {
    Path blocker = dir.resolve("notadir");
    Files.writeString(blocker, "x");
    BdevProvider p = BdevProvider.of(BdevTier.file(1, 1, blocker.resolve("b.img").toString()), host);
    assertEquals(FaultCode.BDEV_FORMAT_FAILURE, assertThrows(Fault.class, p::format).code());
  }

  @Test
  void kdevMustExistAndBeABlockDevice() throws IOException {
    Fault missing = assertThrows(Fault.class,
        () -> BdevProvider.of(BdevTier.kdev(1, dir.resolve("sdz").toString()), host).format());
    assertEquals(FaultCode.BDEV_NOT_FOUND, missing.code());
    Path regular = Files.writeString(dir.resolve("plain"), "x");
    Fault notBlock = assertThrows(Fault.class, () -> BdevProvider.of(BdevTier.kdev(1, regular.toString()), host)
        .format());
    assertTrue(notBlock.description().contains("not a block device"), notBlock.description());
    assertFalse(BdevKdev.isBlockDevice(Path.of("/dev/null")));
  }

  @Test
  void nvmeNeedsSpdk() {
    BdevProvider p = BdevProvider.of(BdevTier.nvme(1, "0000:81:00.0"), host);
    assertTrue(p.scan().isEmpty());
    Fault f = assertThrows(Fault.class, p::format);
    assertEquals("NVMe bdevs need SPDK (libspdk), which is not installed on this host", f.description());
    assertEquals("use class file or kdev, or install SPDK", f.resolution());
  }
}
