package io.daos.control.auto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.proto.ctl.FabricInterface;
import io.daos.proto.ctl.NetworkScanResp;
import io.daos.proto.ctl.NvmeController;
import io.daos.proto.ctl.ScanNvmeResp;
import io.daos.proto.ctl.ScanScmResp;
import io.daos.proto.ctl.ScmNamespace;
import io.daos.proto.ctl.StorageScanResp;
import io.daos.proto.ctl.SysMemInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DAOS lib/control/auto_test.go TestControl_AutoConfig_*, plus jdaos's dir/file/loopback hosts. */
class ConfGenerateTest {
  private static final long GB = 1L << 30;

  private static ConfGenerateReq req(int cls) {
    return new ConfGenerateReq(0, cls, "", false, List.of("localhost"), List.of(), false, "");
  }

  private static FabricInterface iface(String dev, int numa, int prio, int cls, String prov) {
    return FabricInterface.newBuilder().setDevice(dev).setNumanode(numa).setPriority(prio).setNetdevclass(cls)
        .setProvider(prov).build();
  }

  /** A jdaos laptop: one NUMA node, lo and eth0 for two providers, 8 cores. */
  private static NetworkScanResp laptopNet() {
    return NetworkScanResp.newBuilder().setNumacount(1).setCorespernuma(8)
        .addInterfaces(iface("eth0", 0, 0, 1, "ofi+tcp")).addInterfaces(iface("eth0", 0, 1, 1, "ofi+tcp;ofi_rxm"))
        .addInterfaces(iface("lo", 0, 0, 772, "ofi+tcp")).build();
  }

  /** A jdaos server's scan: its dir SCM and two file bdevs (one not yet created). */
  private static StorageScanResp laptopStorage() {
    return StorageScanResp.newBuilder()
        .setScm(ScanScmResp.newBuilder().addNamespaces(ScmNamespace.newBuilder().setBlockdev("dir")
            .setMount(ScmNamespace.Mount.newBuilder().setPath("/tmp/jdaos/scm0").setClass_("dir"))))
        .setNvme(ScanNvmeResp.newBuilder().addCtrlrs(file("/tmp/jdaos/bdev1.img", 3 * GB / 2))
            .addCtrlrs(file("/tmp/jdaos/bdev0.img", 0)))
        .setSysMemInfo(SysMemInfo.newBuilder().setMemTotalKb(16L << 20)).build();
  }

  private static NvmeController file(String path, long size) {
    return NvmeController.newBuilder().setPciAddr(path).setModel("AIO").addNamespaces(NvmeController.Namespace
        .newBuilder().setId(1).setSize(size)).build();
  }

  @Test
  void dirScmAndFileBdevsOfAJdaosHostGiveTheSameTiers() {
    GeneratedConfig c = ConfGenerate.generate(req(ConfGenerateReq.ETHER), laptopNet(), laptopStorage());
    assertEquals(10001, c.port());
    assertEquals("ofi+tcp", c.provider(), "the lower priority wins");
    assertEquals(1, c.engines().size());
    GeneratedConfig.Engine e = c.engines().get(0);
    assertEquals("eth0", e.fabricIface());
    assertEquals(31416, e.fabricIfacePort());
    assertEquals(0, e.pinnedNumaNode());
    assertEquals("/var/log/daos/daos_engine.0.log", e.logFile());
    assertEquals(new GeneratedConfig.Tier("dir", "/tmp/jdaos/scm0", List.of(), List.of(), 0, List.of()),
        e.storage().get(0));
    assertEquals(new GeneratedConfig.Tier("file", null, List.of(), List.of("/tmp/jdaos/bdev0.img",
        "/tmp/jdaos/bdev1.img"), 2, List.of()), e.storage().get(1), "sorted paths, size rounded up to GB");
    assertEquals(4, e.targets(), "int((8-2)*0.8/2)=2 per SSD");
    assertEquals(1, e.helpers());
    String yaml = c.toYaml();
    assertTrue(yaml.contains("  - class: file\n    bdev_list:\n    - /tmp/jdaos/bdev0.img\n"), yaml);
    assertTrue(yaml.contains("mgmt_svc_replicas:\n- localhost\n"), yaml);
  }

  @Test
  void loopbackIsChosenOnlyWhenAsked() {
    GeneratedConfig c = ConfGenerate.generate(req(ConfGenerateReq.LOOPBACK), laptopNet(), laptopStorage());
    assertEquals("lo", c.engines().get(0).fabricIface());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConfGenerate.generate(req(ConfGenerateReq.INFINIBAND), laptopNet(), laptopStorage()));
    assertEquals("insufficient matching fabric interfaces, want 1 got 0 []", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ConfGenerateReq.netClass("token-ring"));
  }

  @Test
  void TestControl_AutoConfig_getStorageDetails_tmpfsScmAndScmOnly() {
    ConfGenerateReq r = new ConfGenerateReq(0, ConfGenerateReq.ETHER, "", true, List.of("a:10005", "b:10005"),
        List.of(40000), true, "");
    GeneratedConfig c = ConfGenerate.generate(r, laptopNet(), laptopStorage());
    assertEquals(10005, c.port(), "the replicas' port is the control port");
    GeneratedConfig.Engine e = c.engines().get(0);
    assertEquals(List.of(new GeneratedConfig.Tier("ram", "/mnt/daos0", List.of(), List.of(), 0, List.of())),
        e.storage());
    assertEquals(40000, e.fabricIfacePort());
    assertEquals(6, e.targets(), "no SSDs: min(16, 8-2)");
    assertEquals(0, e.helpers());
  }

  @Test
  void TestControl_AutoConfig_genEngineConfigs_mdOnSsdRoles() {
    ConfGenerateReq r = new ConfGenerateReq(0, ConfGenerateReq.ETHER, "", false, List.of("localhost"), List.of(),
        true, "/var/daos/meta");
    GeneratedConfig c = ConfGenerate.generate(r, laptopNet(), laptopStorage());
    assertEquals("/var/daos/meta", c.controlMetadataPath());
    List<GeneratedConfig.Tier> t = c.engines().get(0).storage();
    assertEquals(3, t.size());
    assertEquals(List.of("wal", "meta"), t.get(1).roles());
    assertEquals(List.of("/tmp/jdaos/bdev0.img"), t.get(1).bdevList());
    assertEquals(List.of("data"), t.get(2).roles());
    assertTrue(c.toYaml().contains("control_metadata:\n  path: /var/daos/meta\n"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfGenerate.generate(
        new ConfGenerateReq(0, ConfGenerateReq.ETHER, "", false, List.of("x"), List.of(), false, "/m"),
        laptopNet(), laptopStorage()));
    assertEquals("md-on-ssd mode is only supported with scm class ram", e.getMessage());
  }

  @Test
  void TestControl_AutoConfig_filterDevicesByAffinity_twoNumaNodes() {
    NetworkScanResp net = NetworkScanResp.newBuilder().setNumacount(2).setCorespernuma(26)
        .addInterfaces(iface("ib0", 0, 0, 32, "ofi+verbs")).addInterfaces(iface("ib1", 1, 0, 32, "ofi+verbs"))
        .build();
    StorageScanResp.Builder st = StorageScanResp.newBuilder().setSysMemInfo(SysMemInfo.newBuilder()
        .setHugepageSizeKb(2048).setMemTotalKb(1 << 30));
    st.getScmBuilder().addNamespaces(ScmNamespace.newBuilder().setBlockdev("pmem0").setNumaNode(0))
        .addNamespaces(ScmNamespace.newBuilder().setBlockdev("pmem1").setNumaNode(1));
    st.getNvmeBuilder().addCtrlrs(NvmeController.newBuilder().setPciAddr("0000:81:00.0").setSocketId(1))
        .addCtrlrs(NvmeController.newBuilder().setPciAddr("0000:01:00.0").setSocketId(0))
        .addCtrlrs(NvmeController.newBuilder().setPciAddr("0000:02:00.0").setSocketId(0));
    GeneratedConfig c = ConfGenerate.generate(req(ConfGenerateReq.INFINIBAND), net, st.build());
    assertEquals(2, c.engines().size());
    GeneratedConfig.Engine e1 = c.engines().get(1);
    assertEquals("ib1", e1.fabricIface());
    assertEquals(32416, e1.fabricIfacePort());
    assertEquals("/var/log/daos/daos_engine.1.log", e1.logFile());
    assertEquals(new GeneratedConfig.Tier("dcpm", "/mnt/daos1", List.of("/dev/pmem1"), List.of(), 0, List.of()),
        e1.storage().get(0));
    assertEquals(List.of("0000:01:00.0"), c.engines().get(0).storage().get(1).bdevList(),
        "DAOS correctSSDCounts: the lowest common number of SSDs per engine");
    assertEquals(19, e1.targets());
    assertEquals(4, e1.helpers());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfGenerate.generate(
        new ConfGenerateReq(3, 32, "", false, List.of("x"), List.of(), false, ""), net, st.build()));
    assertEquals("insufficient number of pmem device numa groups [0, 1], want 3 got 2", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ConfGenerate.generate(new ConfGenerateReq(2, 32, "",
        false, List.of("x"), List.of(1), false, ""), net, st.build()));
    assertEquals("insufficient fabric ports for nr engines, want 2 got 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ConfGenerate.generate(new ConfGenerateReq(0, 32, "",
        false, List.of("a:1", "b:2"), List.of(), false, ""), net, st.build()));
    assertEquals("MS replica port numbers do not match", e.getMessage());
  }

  @Test
  void TestControl_AutoConfig_getThreadCounts() {
    assertThrows(IllegalArgumentException.class, () -> ConfGenerate.threadCounts(1, 0));
    assertArrayEquals(new int[] {16, 0}, ConfGenerate.threadCounts(18, 0), "18 cores no ssds");
    assertArrayEquals(new int[] {14, 0}, ConfGenerate.threadCounts(16, 0), "14 cores no ssds");
    assertArrayEquals(new int[] {8, 2}, ConfGenerate.threadCounts(12, 8), "12 cores 8 ssds");
    assertArrayEquals(new int[] {8, 0}, ConfGenerate.threadCounts(10, 8), "10 cores 8 ssds");
    assertArrayEquals(new int[] {6, 0}, ConfGenerate.threadCounts(8, 8), "8 cores 8 ssds");
    assertArrayEquals(new int[] {19, 4}, ConfGenerate.threadCounts(26, 1), "26 cores 1 ssd");
    assertArrayEquals(new int[] {10, 2}, ConfGenerate.threadCounts(16, 2), "16 cores 2 ssd");
    assertArrayEquals(new int[] {18, 4}, ConfGenerate.threadCounts(26, 2), "26 cores 2 ssd");
    assertArrayEquals(new int[] {16, 4}, ConfGenerate.threadCounts(26, 8), "26 cores 8 ssd");
    assertArrayEquals(new int[] {1, 0}, ConfGenerate.threadCounts(2, 1), "jdaos: at least one target");
  }
}
