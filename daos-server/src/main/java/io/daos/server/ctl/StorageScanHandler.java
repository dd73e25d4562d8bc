package io.daos.server.ctl;

import io.daos.proto.ctl.NvmeController;
import io.daos.proto.ctl.NvmeDevState;
import io.daos.proto.ctl.ResponseState;
import io.daos.proto.ctl.ScanNvmeResp;
import io.daos.proto.ctl.ScanScmResp;
import io.daos.proto.ctl.ScmNamespace;
import io.daos.proto.ctl.StorageScanReq;
import io.daos.proto.ctl.StorageScanResp;
import io.daos.server.engine.Engine;
import io.daos.server.engine.EngineHarness;
import io.daos.server.engine.EngineInstance;
import io.daos.server.engine.EngineStorage;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * StorageScan: SCM as mounted namespaces (path, total/avail bytes, class, rank), as DAOS reports ram
 * SCM; bdevs of class file/kdev as controllers whose address is the device path with one namespace of the
 * device's size (AIO devices have no PCI address); memory from /proc/meminfo.
 */
public final class StorageScanHandler {
  private final EngineHarness harness;
  private final SysMemInfoReader memInfo;

  public StorageScanHandler(EngineHarness harness, SysMemInfoReader memInfo) {
    this.harness = harness;
    this.memInfo = memInfo;
  }

  public StorageScanResp scan(StorageScanReq req) throws IOException {
    if (req == null) {
      throw new CtlException("nil request");
    }
    ScanScmResp.Builder scm = ScanScmResp.newBuilder().setState(ResponseState.getDefaultInstance());
    ScanNvmeResp.Builder nvme = ScanNvmeResp.newBuilder().setState(ResponseState.getDefaultInstance());
    for (Engine e : harness.instances()) {
      if (e instanceof EngineInstance ei) {
        scm.addNamespaces(namespace(ei));
        ei.storage().bdevDevices().forEach(d -> nvme.addCtrlrs(controller(d)));
      }
    }
    return StorageScanResp.newBuilder().setScm(scm).setNvme(nvme).setSysMemInfo(memInfo.read()).build();
  }

  private static ScmNamespace namespace(EngineInstance ei) throws IOException {
    EngineStorage st = ei.storage();
    ScmNamespace.Mount.Builder m = ScmNamespace.Mount.newBuilder().setPath(st.scmMount().toString())
        .setClass_(st.scmClass());
    ei.rank().ifPresent(r -> m.setRank(r.toUint32()));
    if (st.scmMounted()) {
      FileStore fs = Files.getFileStore(st.scmMount());
      m.setTotalBytes(fs.getTotalSpace()).setAvailBytes(fs.getUsableSpace()).setUsableBytes(fs.getUsableSpace());
    }
    return ScmNamespace.newBuilder().setBlockdev(st.scmClass()).setMount(m)
        .setSize(m.getTotalBytes()).build();
  }

  private static NvmeController controller(String device) {
    long size = 0;
    try {
      size = Files.size(Path.of(device));
    } catch (IOException e) {
      // not created yet (before format)
    }
    return NvmeController.newBuilder().setPciAddr(device).setModel("AIO").setDevState(NvmeDevState.NORMAL)
        .addNamespaces(NvmeController.Namespace.newBuilder().setId(1).setSize(size).setCtrlrPciAddr(device))
        .build();
  }
}
