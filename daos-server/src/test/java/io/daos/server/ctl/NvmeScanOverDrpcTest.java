package io.daos.server.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.proto.ctl.NvmeController;
import io.daos.proto.ctl.NvmeDevState;
import io.daos.proto.ctl.SmdDevice;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Usable NVMe bytes as DAOS's adjustNvmeSize computes them for devices without MD-on-SSD roles. */
class NvmeScanOverDrpcTest {
  private static final long CLUSTER = 32L << 20;

  private static NvmeController ctrlr(NvmeDevState st, int rank, long avail, List<Integer> tgts, int roles) {
    return NvmeController.newBuilder().setPciAddr("/d" + rank + avail).setDevState(st)
        .addSmdDevices(SmdDevice.newBuilder().setRank(rank).setAvailBytes(avail).setTotalBytes(avail)
            .setClusterSize(CLUSTER).addAllTgtIds(tgts).setRoleBits(roles)).build();
  }

  private static SmdDevice dev(NvmeController c) {
    return c.getSmdDevices(0);
  }

  @Test
  void availRoundedToClustersAndRankGetsItsSmallestShare() {
    List<NvmeController> out = NvmeScanOverDrpc.adjustUsable(List.of(
        ctrlr(NvmeDevState.NORMAL, 0, 10 * CLUSTER + 5, List.of(0, 2), 0),
        ctrlr(NvmeDevState.NORMAL, 0, 4 * CLUSTER, List.of(1, 3), 0),
        ctrlr(NvmeDevState.NORMAL, 1, 9 * CLUSTER, List.of(0), 0)));
    assertEquals(10 * CLUSTER, dev(out.get(0)).getAvailBytes());
    assertEquals(2 * 2 * CLUSTER, dev(out.get(0)).getUsableBytes(), "2 targets × rank 0's 2 clusters per target");
    assertEquals(2 * 2 * CLUSTER, dev(out.get(1)).getUsableBytes());
    assertEquals(9 * CLUSTER, dev(out.get(2)).getUsableBytes());
  }

  @Test
  void faultyAndNonDataDevicesAreNotUsable() {
    List<NvmeController> out = NvmeScanOverDrpc.adjustUsable(List.of(
        ctrlr(NvmeDevState.EVICTED, 0, 8 * CLUSTER, List.of(0), 0),
        ctrlr(NvmeDevState.NORMAL, 0, 8 * CLUSTER, List.of(), 4)));
    assertEquals(0, dev(out.get(0)).getAvailBytes());
    assertEquals(0, dev(out.get(0)).getUsableBytes());
    assertEquals(0, dev(out.get(1)).getUsableBytes());
  }
}
