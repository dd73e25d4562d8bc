package io.daos.server.ctl;

import io.daos.proto.ctl.BioHealthReq;
import io.daos.proto.ctl.BioHealthResp;
import io.daos.proto.ctl.NvmeController;
import io.daos.proto.ctl.NvmeDevState;
import io.daos.proto.ctl.ScanNvmeReq;
import io.daos.proto.ctl.SmdDevice;
import io.daos.server.engine.Engine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The NVMe part of StorageScan while an engine runs (DAOS {@code scanEngineBdevsOverDrpc}): the engine's SMD devices
 * re-linked under their controllers (one per transport address), BIO health when asked, and with {@code meta} the
 * devices' usage (total/avail/cluster size from health). {@link #adjustUsable} is DAOS's {@code adjustNvmeSize} for
 * devices without MD-on-SSD roles.
 */
final class NvmeScanOverDrpc {
  private NvmeScanOverDrpc() {
  }

  /** {@code base} builds a controller of a transport address (model, namespace) before SMD data is added. */
  static List<NvmeController> scan(Engine e, ScanNvmeReq req, java.util.function.Function<String, NvmeController> base)
      throws IOException {
    int rank = e.rank().orElseThrow().toUint32();
    Map<String, NvmeController.Builder> seen = new TreeMap<>();
    for (SmdDevice sd : EngineSmd.devices(e)) {
      if (!EngineSmd.scannable(sd)) {
        continue;
      }
      String addr = sd.getCtrlr().getPciAddr();
      NvmeController.Builder c = seen.computeIfAbsent(addr, a -> base.apply(a).toBuilder()
          .setDevState(sd.getCtrlr().getDevState()).setLedState(sd.getCtrlr().getLedState()));
      BioHealthResp health = null;
      if (req.getHealth() && EngineSmd.hasHealth(sd)) {
        BioHealthReq.Builder hq = BioHealthReq.newBuilder().setDevUuid(sd.getUuid());
        if (req.getMeta()) {
          hq.setMetaSize(req.getMetaSize()).setRdbSize(req.getRdbSize());
        }
        health = EngineSmd.health(e, hq.build());
        c.setHealthStats(health);
      }
      SmdDevice.Builder nsd = SmdDevice.newBuilder().setRoleBits(sd.getRoleBits())
          .setCtrlrNamespaceId(sd.getCtrlrNamespaceId()).setRank(rank);
      if (req.getMeta()) {
        nsd = sd.toBuilder().clearCtrlr().setRank(rank).setMetaSize(req.getMetaSize()).setRdbSize(req.getRdbSize());
        if (health != null) {
          nsd.setTotalBytes(health.getTotalBytes()).setAvailBytes(health.getAvailBytes())
              .setClusterSize(health.getClusterSize()).setMetaWalSize(health.getMetaWalSize())
              .setRdbWalSize(health.getRdbWalSize());
        }
      }
      c.addSmdDevices(nsd);
    }
    List<NvmeController> out = new ArrayList<>();
    seen.values().forEach(c -> out.add(c.build()));
    return out;
  }

  /**
   * Usable bytes of data devices: available space rounded down to whole clusters, then every device of a rank
   * gets its targets × the smallest clusters-per-target of that rank's devices (a pool's per-target share is the
   * same on every target). Devices not NORMAL, without the data role or without usage info are not usable.
   */
  static List<NvmeController> adjustUsable(List<NvmeController> ctrlrs) {
    List<NvmeController.Builder> bs = new ArrayList<>();
    ctrlrs.forEach(c -> bs.add(c.toBuilder()));
    Map<Integer, Long> perTarget = new HashMap<>();
    for (NvmeController.Builder c : bs) {
      for (SmdDevice.Builder d : c.getSmdDevicesBuilderList()) {
        int tgts = d.getTgtIdsCount();
        if (d.getRoleBits() != 0 && (d.getRoleBits() & 1) == 0) {
          d.setUsableBytes(0);
        } else if (c.getDevState() != NvmeDevState.NORMAL || d.getClusterSize() == 0 || tgts == 0) {
          d.setAvailBytes(0).setUsableBytes(0);
        } else {
          d.setAvailBytes(d.getAvailBytes() / d.getClusterSize() * d.getClusterSize());
          long cpt = d.getAvailBytes() / d.getClusterSize() / tgts;
          perTarget.merge(d.getRank(), cpt, Math::min);
        }
      }
    }
    List<NvmeController> out = new ArrayList<>();
    for (NvmeController.Builder c : bs) {
      for (SmdDevice.Builder d : c.getSmdDevicesBuilderList()) {
        Long cpt = perTarget.get(d.getRank());
        if (cpt != null && c.getDevState() == NvmeDevState.NORMAL && d.getClusterSize() > 0
            && (d.getRoleBits() == 0 || (d.getRoleBits() & 1) != 0)) {
          d.setUsableBytes(d.getTgtIdsCount() * cpt * d.getClusterSize());
        }
      }
      out.add(c.build());
    }
    return out;
  }
}
