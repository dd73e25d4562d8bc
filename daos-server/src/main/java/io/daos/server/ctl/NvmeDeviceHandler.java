package io.daos.server.ctl;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.proto.ctl.NvmeAddDeviceReq;
import io.daos.proto.ctl.NvmeAddDeviceResp;
import io.daos.proto.ctl.NvmeRebindReq;
import io.daos.proto.ctl.NvmeRebindResp;
import io.daos.proto.ctl.ResponseState;
import io.daos.proto.ctl.ResponseStatus;
import io.daos.server.config.EngineConfig;
import io.daos.server.config.engine.BdevTier;
import io.daos.server.config.engine.StorageClass;
import java.util.List;
import java.util.regex.Pattern;

/**
 * StorageNvmeRebind and StorageNvmeAddDevice (DAOS {@code ctl_storage_rpc.go}). Both act on NVMe PCI addresses:
 * a malformed address is DAOS's bad-PCI-address fault. Rebinding to the user-space driver and adding a hot-inserted
 * SSD to an engine's NVMe config need SPDK, which jdaos does not drive: the response says so in its state, as DAOS
 * reports a failed prepare. File and kdev tiers take no PCI address; the error says how to add such a device.
 */
public final class NvmeDeviceHandler {
  private static final Pattern PCI = Pattern.compile("[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-9a-fA-F]");
  static final String NO_SPDK = "jdaos drives no NVMe SSD through SPDK (bdev classes file and kdev only); "
      + "use a file or kdev bdev tier instead";

  private final List<EngineConfig> engines;

  public NvmeDeviceHandler(List<EngineConfig> engines) {
    this.engines = engines;
  }

  public NvmeRebindResp rebind(NvmeRebindReq req) {
    checkPci(req.getPciAddr());
    return NvmeRebindResp.newBuilder().setState(failed("nvme rebind: " + NO_SPDK)).build();
  }

  public NvmeAddDeviceResp addDevice(NvmeAddDeviceReq req) {
    int idx = req.getEngineIndex();
    if (idx < 0 || idx >= engines.size()) {
      throw new CtlException("engine " + Integer.toUnsignedString(idx) + ": engine with index "
          + Integer.toUnsignedString(idx) + " not found");
    }
    BdevTier tier = null;
    for (BdevTier t : engines.get(idx).bdevTiers()) {
      if (req.getStorageTierIndex() == -1 || req.getStorageTierIndex() == t.tier()) {
        tier = t;
        break;
      }
    }
    if (tier == null) {
      throw new CtlException("engine " + idx + ": " + (req.getStorageTierIndex() == -1
          ? "no bdev storage tiers in config"
          : "bdev storage tier with index " + req.getStorageTierIndex() + " not found in config"));
    }
    if (tier.storageClass() != StorageClass.NVME) {
      throw new CtlException("engine " + idx + ": bdev tier " + tier.tier() + " is of class "
          + tier.storageClass().name().toLowerCase(java.util.Locale.ROOT) + ", which takes no PCI address; to add a "
          + "device, add its path to that tier's bdev_list in daos_server.yml and restart the engine: it then shows "
          + "as a NEW device (dmg storage query list-devices) for dmg storage replace nvme");
    }
    checkPci(req.getPciAddr());
    return NvmeAddDeviceResp.newBuilder().setState(failed("engine " + idx + ": write nvme config for engine " + idx
        + ": " + NO_SPDK)).build();
  }

  private static void checkPci(String addr) {
    if (!PCI.matcher(addr).matches()) {
      throw new Fault("bdev", FaultCode.BDEV_BAD_PCI_ADDRESS, "request contains invalid NVMe PCI address \""
          + addr + "\"", "check your configuration, restart the server, and retry the operation");
    }
  }

  private static ResponseState failed(String msg) {
    return ResponseState.newBuilder().setStatus(ResponseStatus.CTL_ERR_NVME).setError(msg).build();
  }
}
