package io.daos.dmg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.daos.dmg.fake.FakeServer;
import io.daos.proto.ctl.FabricInterface;
import io.daos.proto.ctl.NetworkScanResp;
import io.daos.proto.ctl.NvmeController;
import io.daos.proto.ctl.NvmeControllerResult;
import io.daos.proto.ctl.ResponseState;
import io.daos.proto.ctl.ResponseStatus;
import io.daos.proto.ctl.ScanNvmeResp;
import io.daos.proto.ctl.ScanScmResp;
import io.daos.proto.ctl.ScmMountResult;
import io.daos.proto.ctl.ScmNamespace;
import io.daos.proto.ctl.StorageFormatReq;
import io.daos.proto.ctl.StorageFormatResp;
import io.daos.proto.ctl.StorageScanResp;
import io.daos.proto.ctl.SysMemInfo;
import io.daos.proto.mgmt.SystemQueryResp;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dmg storage/network fan-out end to end against two localhost fake servers. */
class DmgStorageEndToEndTest {
  @TempDir
  Path dir;
  FakeServer a;
  FakeServer b;
  String cfg;

  @BeforeEach
  void start() throws Exception {
    a = new FakeServer();
    b = new FakeServer();
    cfg = DmgRun.config(dir, List.of(a.addr(), b.addr())).toString();
    StorageScanResp scan = StorageScanResp.newBuilder()
        .setNvme(ScanNvmeResp.newBuilder().addCtrlrs(NvmeController.newBuilder().setPciAddr("0000:81:00.0")
            .setModel("fake").setSerial("S1").addNamespaces(NvmeController.Namespace.newBuilder().setId(1)
                .setSize(2_000_000_000_000L))).setState(ResponseState.getDefaultInstance()))
        .setScm(ScanScmResp.newBuilder().addNamespaces(ScmNamespace.newBuilder().setBlockdev("pmem0")
            .setDev("namespace0.0").setSize(3_000_000_000_000L)).setState(ResponseState.getDefaultInstance()))
        .setSysMemInfo(SysMemInfo.newBuilder().setHugepageSizeKb(2048).setMemTotalKb(1000)).build();
    a.ctl.storageScan = scan;
    b.ctl.storageScan = scan.toBuilder().setNvme(scan.getNvme().toBuilder()
        .setCtrlrs(0, scan.getNvme().getCtrlrs(0).toBuilder().setSerial("S2"))).build();
  }

  @AfterEach
  void stop() throws Exception {
    a.close();
    b.close();
  }

  @Test
  void storageScanGroupsIdenticalHosts() {
    DmgRun r = DmgRun.run("-o", cfg, "-j", "storage", "scan");
    assertEquals(0, r.exit(), r.err());
    JsonObject resp = r.json().getAsJsonObject("response");
    assertEquals(0, resp.getAsJsonObject("host_errors").size());
    JsonObject hsm = resp.getAsJsonObject("HostStorage");
    assertEquals(1, hsm.size(), hsm.toString());
    JsonObject set = hsm.entrySet().iterator().next().getValue().getAsJsonObject();
    assertEquals(2, io.daos.common.hostlist.HostSet.parse(set.get("hosts").getAsString()).count());
    JsonObject storage = set.getAsJsonObject("storage");
    assertEquals(List.of("nvme_devices", "scm_modules", "scm_namespaces", "scm_mount_points", "smd_info",
        "reboot_required", "mem_info"), List.copyOf(storage.keySet()));
    assertEquals("0000:81:00.0", storage.getAsJsonArray("nvme_devices").get(0).getAsJsonObject().get("pci_addr")
        .getAsString());
  }

  @Test
  void storageScanText() {
    DmgRun r = DmgRun.run("-o", cfg, "-l", a.addr(), "sto", "scan");
    assertEquals(0, r.exit(), r.err());
    assertEquals("Hosts     SCM Total            NVMe Total            \n"
        + "-----     ---------            ----------            \n"
        + "localhost 3.0 TB (1 namespace) 2.0 TB (1 controller) \n", r.out());
    assertEquals(1, a.ctl.requests.size());
    assertEquals(0, b.ctl.requests.size());
  }

  @Test
  void hostListFlagAfterSubcommand() {
    DmgRun r = DmgRun.run("-o", cfg, "storage", "scan", "-l", b.addr());
    assertEquals(0, r.exit(), r.err());
    assertEquals(0, a.ctl.requests.size());
    assertEquals(1, b.ctl.requests.size());
  }

  @Test
  void storageScanHostErrorStillReturnsResponse() throws Exception {
    b.close();
    DmgRun r = DmgRun.run("-o", cfg, "-j", "storage", "scan");
    assertEquals(1, r.exit());
    JsonObject env = r.json();
    assertEquals("1 host had errors", env.get("error").getAsString());
    assertEquals(-1025, env.get("status").getAsInt());
    Map.Entry<String, com.google.gson.JsonElement> herr = env.getAsJsonObject("response")
        .getAsJsonObject("host_errors").entrySet().iterator().next();
    assertTrue(herr.getKey().contains("connection refused"), herr.getKey());
    assertEquals(b.addr(), herr.getValue().getAsString());
    assertEquals(1, env.getAsJsonObject("response").getAsJsonObject("HostStorage").size());
  }

  @Test
  void storageFormatRefusedOnRunningSystem() {
    a.mgmt.systemQuery = SystemQueryResp.getDefaultInstance();
    DmgRun r = DmgRun.run("-o", cfg, "storage", "format");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("storage format invoked on a running system"), r.err());
    assertTrue(r.err().contains("code = 509 resolution = \"stop and erase the system, then retry the format "
        + "operation\""), r.err());
    assertEquals(0, a.ctl.requests.size());
  }

  @Test
  void storageFormatWhenNoSystemRunning() {
    a.mgmt.systemQuery = Status.UNAVAILABLE.withDescription("raft service unavailable (not started yet?)")
        .asRuntimeException();
    b.mgmt.systemQuery = a.mgmt.systemQuery;
    StorageFormatResp fmt = StorageFormatResp.newBuilder()
        .addCrets(NvmeControllerResult.newBuilder().setPciAddr("0000:81:00.0")
            .setState(ResponseState.newBuilder().setStatus(ResponseStatus.CTL_SUCCESS)))
        .addMrets(ScmMountResult.newBuilder().setMntpoint("/mnt/daos0")).build();
    a.ctl.storageFormat = fmt;
    b.ctl.storageFormat = fmt;
    DmgRun r = DmgRun.run("-o", cfg, "storage", "format", "--force");
    assertEquals(0, r.exit(), r.err());
    assertEquals("Format Summary:\n  Hosts               SCM Devices NVMe Devices \n"
        + "  -----               ----------- ------------ \n"
        + "  localhost,localhost 1           1            \n", r.out());
    assertTrue(((StorageFormatReq) a.ctl.requests.get(0)).getReformat());
  }

  @Test
  void networkScanJson() {
    NetworkScanResp ns = NetworkScanResp.newBuilder().addInterfaces(FabricInterface.newBuilder()
        .setProvider("ofi+tcp").setDevice("eth0").setNumanode(0)).setNumacount(1).setCorespernuma(8).build();
    a.ctl.networkScan = ns;
    b.ctl.networkScan = ns;
    DmgRun r = DmgRun.run("-o", cfg, "-j", "network", "scan", "-p", "all");
    assertEquals(0, r.exit(), r.err());
    JsonObject hf = r.json().getAsJsonObject("response").getAsJsonObject("HostFabrics");
    assertEquals(1, hf.size());
    JsonObject set = hf.entrySet().iterator().next().getValue().getAsJsonObject();
    assertEquals(List.of("HostFabric", "HostSet"), List.copyOf(set.keySet()));
    assertEquals(List.of("Interfaces", "Providers", "NumaCount", "CoresPerNuma"),
        List.copyOf(set.getAsJsonObject("HostFabric").keySet()));
    assertEquals("all", ((io.daos.proto.ctl.NetworkScanReq) a.ctl.requests.get(0)).getProvider());
  }
}
