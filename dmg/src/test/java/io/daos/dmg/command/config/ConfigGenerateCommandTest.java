package io.daos.dmg.command.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.dmg.command.DmgOutput;
import io.daos.dmg.command.FakeControlInvoker;
import io.daos.dmg.command.HostResult;
import io.daos.proto.ctl.FabricInterface;
import io.daos.proto.ctl.NetworkScanReq;
import io.daos.proto.ctl.NetworkScanResp;
import io.daos.proto.ctl.NvmeController;
import io.daos.proto.ctl.ScanNvmeResp;
import io.daos.proto.ctl.ScanScmResp;
import io.daos.proto.ctl.ScmNamespace;
import io.daos.proto.ctl.StorageScanReq;
import io.daos.proto.ctl.StorageScanResp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DAOS cmd/dmg/auto_test.go TestAuto_ConfigCommands and TestAuto_confGen, against scripted scans. */
class ConfigGenerateCommandTest {
  @TempDir
  Path dir;

  private static final NetworkScanResp NET = NetworkScanResp.newBuilder().setNumacount(1).setCorespernuma(8)
      .addInterfaces(FabricInterface.newBuilder().setDevice("eth0").setProvider("ofi+tcp").setNetdevclass(1)).build();

  private static StorageScanResp storage(long free) {
    return StorageScanResp.newBuilder()
        .setScm(ScanScmResp.newBuilder().addNamespaces(ScmNamespace.newBuilder().setBlockdev("dir")
            .setMount(ScmNamespace.Mount.newBuilder().setPath("/srv/scm0").setClass_("dir").setAvailBytes(free))))
        .setNvme(ScanNvmeResp.newBuilder().addCtrlrs(NvmeController.newBuilder().setPciAddr("/srv/bdev0.img")
            .setModel("AIO").addNamespaces(NvmeController.Namespace.newBuilder().setSize(1L << 30)))).build();
  }

  private static FakeControlInvoker fake(StorageScanResp h1, StorageScanResp h2) {
    return new FakeControlInvoker()
        .onHosts("NetworkScan", List.of(HostResult.ok("h1:10001", NET), HostResult.ok("h2:10001", NET)))
        .onHosts("StorageScan", List.of(HostResult.ok("h1:10001", h1), HostResult.ok("h2:10001", h2)));
  }

  @Test
  void TestAuto_confGen_homogeneousHostsGiveOneConfig() throws Exception {
    FakeControlInvoker f = fake(storage(5), storage(7));
    DmgOutput r = DmgOutput.run(dir, f, "config", "generate", "-c", "ethernet", "-r", "h1:10002,h2:10002");
    assertEquals(0, r.exit(), r.err());
    assertEquals("port: 10002\nmgmt_svc_replicas:\n- h1:10002\n- h2:10002\nprovider: ofi+tcp\n"
        + "control_log_file: /var/log/daos/daos_server.log\nengines:\n- targets: 4\n  nr_xs_helpers: 1\n"
        + "  pinned_numa_node: 0\n  fabric_iface: eth0\n  fabric_iface_port: 31416\n"
        + "  log_file: /var/log/daos/daos_engine.0.log\n  storage:\n  - class: dir\n    scm_mount: /srv/scm0\n"
        + "  - class: file\n    bdev_list:\n    - /srv/bdev0.img\n    bdev_size: 1\n", r.out());
    assertEquals(NetworkScanReq.newBuilder().setProvider("all").build(), f.requests.get(0));
    assertTrue(((StorageScanReq) f.requests.get(1)).getNvme().getBasic(), "NvmeBasic, as DAOS");
  }

  @Test
  void TestAuto_confGen_heterogeneousStorageAndBadFlags() throws Exception {
    DmgOutput r = DmgOutput.run(dir, fake(storage(5), StorageScanResp.getDefaultInstance()), "config", "gen",
        "-c", "ethernet");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("storage hardware not consistent across hosts"), r.err());
    r = DmgOutput.run(dir, fake(storage(5), storage(5)), "cfg", "generate");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("insufficient matching fabric interfaces"), "default net class infiniband: " + r.err());
    r = DmgOutput.run(dir, new FakeControlInvoker(), "config", "generate", "-c", "token-ring");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("unrecognized net-class value token-ring"), r.err());
    r = DmgOutput.run(dir, new FakeControlInvoker(), "config", "generate", "-f", "1,x");
    assertTrue(r.err().contains("fabric ports: invalid port \"x\""), r.err());
  }

  @Test
  void TestAuto_confGen_hostErrors() throws Exception {
    FakeControlInvoker f = new FakeControlInvoker().onHosts("NetworkScan", List.of(HostResult.failed("h1:10001",
        new RuntimeException("connection refused"))));
    DmgOutput r = DmgOutput.run(dir, f, "config", "generate", "-c", "ethernet");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("1 host had errors"), r.err());
    assertTrue(r.err().contains("connection refused"), r.err());
  }
}
