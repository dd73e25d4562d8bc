package io.daos.server.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.proto.ctl.NetworkScanReq;
import io.daos.proto.ctl.NetworkScanResp;
import io.daos.proto.ctl.ScmNamespace;
import io.daos.proto.ctl.StorageFormatReq;
import io.daos.proto.ctl.StorageFormatResp;
import io.daos.proto.ctl.StorageScanReq;
import io.daos.proto.ctl.StorageScanResp;
import io.daos.proto.ctl.SysMemInfo;
import io.daos.server.engine.HarnessFixture;
import io.daos.server.engine.Superblock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** StorageFormat/StorageScan on a dir+file engine, SysMemInfo parsing, NetworkScan on this host. */
class StorageAndNetworkScanTest {
  @TempDir
  Path tmp;

  @Test
  void formatThenScan() throws Exception {
    try (HarnessFixture fx = new HarnessFixture(tmp)) {
      StorageScanHandler scan = new StorageScanHandler(fx.harness, new SysMemInfoReader());
      StorageScanResp before = scan.scan(StorageScanReq.getDefaultInstance());
      assertEquals(0, before.getScm().getNamespaces(0).getMount().getTotalBytes(), "unformatted: no usage");

      StorageFormatResp f = new StorageFormatHandler(fx.harness).format(StorageFormatReq.getDefaultInstance());
      assertEquals(fx.scm.toString(), f.getMrets(0).getMntpoint());
      assertEquals("", f.getMrets(0).getState().getInfo());
      assertEquals(fx.bdev.toString(), f.getCrets(0).getPciAddr());

      StorageScanResp after = scan.scan(StorageScanReq.getDefaultInstance());
      ScmNamespace.Mount m = after.getScm().getNamespaces(0).getMount();
      assertEquals(fx.scm.toString(), m.getPath());
      assertEquals("dir", m.getClass_());
      assertTrue(m.getTotalBytes() > 0 && m.getAvailBytes() > 0);
      assertEquals(fx.bdev.toString(), after.getNvme().getCtrlrs(0).getPciAddr());
      assertEquals(1L << 30, after.getNvme().getCtrlrs(0).getNamespaces(0).getSize());
      assertTrue(after.getSysMemInfo().getMemTotalKb() > 0);

      // the instance writes its superblock once storage is ready; a dir SCM with one is formatted
      Superblock.create("daos_server", "/host").write(Superblock.pathIn(fx.scm));
      StorageFormatResp again = new StorageFormatHandler(fx.harness).format(StorageFormatReq.getDefaultInstance());
      assertEquals("SCM is already formatted", again.getMrets(0).getState().getInfo());
      assertEquals("NVMe format skipped on instance 0, SCM was not formatted", again.getCrets(0).getState().getInfo());
    }
  }

  @Test
  void sysMemInfoFromMeminfo() throws Exception {
    Path f = tmp.resolve("meminfo");
    Files.writeString(f, "MemTotal:       16384 kB\nMemFree:         1024 kB\nMemAvailable:    8192 kB\n"
        + "HugePages_Total:      4\nHugePages_Free:       2\nHugePages_Rsvd:       1\nHugePages_Surp:       0\n"
        + "Hugepagesize:       2048 kB\n");
    SysMemInfo m = new SysMemInfoReader(f).read();
    assertEquals(16384, m.getMemTotalKb());
    assertEquals(8192, m.getMemAvailableKb());
    assertEquals(4, m.getHugepagesTotal());
    assertEquals(1, m.getHugepagesReserved());
    assertEquals(2048, m.getHugepageSizeKb());
  }

  @Test
  void networkScanListsLoopback() throws Exception {
    Path sys = tmp.resolve("sys");
    Files.createDirectories(sys.resolve("class/net/lo"));
    Files.writeString(sys.resolve("class/net/lo/type"), "772\n");
    Files.createDirectories(sys.resolve("devices/system/node/node0"));
    NetworkScanResp all = new NetworkScanHandler(sys).scan(NetworkScanReq.newBuilder().setProvider("all").build());
    assertTrue(all.getInterfacesList().stream()
        .anyMatch(i -> i.getDevice().equals("lo") && i.getProvider().equals("ofi+tcp") && i.getNetdevclass() == 772),
        all.toString());
    assertEquals(1, all.getNumacount());
    NetworkScanResp rxm = new NetworkScanHandler(sys)
        .scan(NetworkScanReq.newBuilder().setProvider("ofi+tcp;ofi_rxm").setExcludeinterfaces("eth0").build());
    assertTrue(rxm.getInterfacesList().stream().allMatch(i -> i.getProvider().equals("ofi+tcp;ofi_rxm")));
    assertTrue(rxm.getInterfacesList().stream().noneMatch(i -> i.getDevice().equals("eth0")));
  }
}
