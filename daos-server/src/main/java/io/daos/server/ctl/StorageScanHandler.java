package io.daos.server.ctl;

import io.daos.proto.ctl.NvmeController;
import io.daos.proto.ctl.NvmeDevState;
import io.daos.proto.ctl.ResponseState;
import io.daos.proto.ctl.ScanNvmeReq;
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
import java.util.ArrayList;
import java.util.List;

/**
 * StorageScan: SCM as mounted namespaces (path, total/avail bytes, class, rank), as DAOS reports ram
 * SCM; bdevs of class file/kdev as controllers whose address is the device path with one namespace of the
 * device's size (AIO devices have no PCI address), and once the engine runs its SMD devices under them (usage with
 * {@code meta}, see {@link NvmeScanOverDrpc}); memory from /proc/meminfo.
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
    List<NvmeController> ctrlrs = new ArrayList<>();
    for (Engine e : harness.instances()) {
      if (e instanceof EngineInstance ei) {
        scm.addNamespaces(namespace(ei));
        if (ei.isReady() && ei.rank().isPresent() && !ei.storage().bdevDevices().isEmpty()) {
          ctrlrs.addAll(NvmeScanOverDrpc.scan(ei, req.getNvme(), StorageScanHandler::controller));
        } else if (req.getNvme().getMeta() && !ei.storage().bdevDevices().isEmpty()) {
          throw new CtlException("meta smd usage info unavailable as engines stopped");
        } else {
          for (String d : ei.storage().bdevDevices()) {
            ctrlrs.add(controller(d));
          }
        }
      }
    }
    if (req.getNvme().getMeta()) {
      ctrlrs = NvmeScanOverDrpc.adjustUsable(ctrlrs);
    }
    for (NvmeController c : ctrlrs) {
      nvme.addCtrlrs(trim(req.getNvme(), c));
    }
    return StorageScanResp.newBuilder().setScm(scm).setNvme(nvme).setSysMemInfo(memInfo.read()).build();
  }

  /** DAOS's bdevScanTrimResults: no health unless asked for; basic keeps no SMD devices, serial, model or firmware. */
  private static NvmeController trim(ScanNvmeReq req, NvmeController c) {
    NvmeController.Builder b = c.toBuilder();
    if (!req.getHealth()) {
      b.clearHealthStats();
    }
    if (req.getBasic()) {
      b.clearSmdDevices().clearSerial().clearModel().clearFwRev();
    }
    return b.build();
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
