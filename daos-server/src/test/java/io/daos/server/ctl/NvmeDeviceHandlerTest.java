package io.daos.server.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.proto.ctl.NvmeAddDeviceReq;
import io.daos.proto.ctl.NvmeRebindReq;
import io.daos.proto.ctl.ResponseStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** nvme-rebind and nvme-add-device: DAOS's bad-address fault, and why jdaos cannot do them. */
class NvmeDeviceHandlerTest {
  private final NvmeDeviceHandler h = new NvmeDeviceHandler(List.of());

  @Test
  void rebindOfBadAddressIsDaosFault() {
    Fault f = assertThrows(Fault.class, () -> h.rebind(NvmeRebindReq.newBuilder().setPciAddr("/tmp/x.img")
        .build()));
    assertEquals(FaultCode.BDEV_BAD_PCI_ADDRESS, f.code());
    assertTrue(f.getMessage().contains("request contains invalid NVMe PCI address \"/tmp/x.img\""), f.getMessage());
  }

  @Test
  void rebindSaysWhyItCannot() {
    var st = h.rebind(NvmeRebindReq.newBuilder().setPciAddr("0000:81:00.0").build()).getState();
    assertEquals(ResponseStatus.CTL_ERR_NVME, st.getStatus());
    assertTrue(st.getError().startsWith("nvme rebind: jdaos drives no NVMe SSD through SPDK"), st.getError());
  }

  @Test
  void addDeviceToMissingEngine() {
    var e = assertThrows(CtlException.class, () -> h.addDevice(NvmeAddDeviceReq.newBuilder()
        .setPciAddr("0000:81:00.0").setEngineIndex(1).setStorageTierIndex(-1).build()));
    assertEquals("engine 1: engine with index 1 not found", e.getMessage());
  }
}
