package io.daos.engine.ras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.drpc.RasEvents;
import io.daos.proto.shared.ClusterEventReq;
import io.daos.proto.shared.RASEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class RasNotifierTest {
  /** ds_notify_ras_eventf with no rank: info only, the engine's own rank, pid and host, sent in order. */
  @Test
  void infoEventsCarryTheEngineRankInOrder() throws Exception {
    try (RasCapture c = new RasCapture(5)) {
      c.notifier().info(RasEvents.DEVICE_PLUGGED, RasEvents.SEVERITY_NOTICE, "Detected hot plugged device: b");
      c.notifier().info(RasEvents.DEVICE_UNPLUGGED, RasEvents.SEVERITY_ERROR, "Device: x unplugged");
      List<ClusterEventReq> reqs = c.requests(2);
      RASEvent e = reqs.get(0).getEvent();
      assertEquals(RasEvents.DEVICE_PLUGGED, e.getId());
      assertEquals(RasEvents.TYPE_INFO_ONLY, e.getType());
      assertEquals(RasEvents.SEVERITY_NOTICE, e.getSeverity());
      assertEquals("Detected hot plugged device: b", e.getMsg());
      assertEquals(5, e.getRank());
      assertEquals("host-a", e.getHostname());
      assertEquals(4242, e.getProcId());
      assertTrue(e.getTimestamp().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}.*"), e.getTimestamp());
      assertEquals(RasEvents.DEVICE_UNPLUGGED, reqs.get(1).getEvent().getId());
      assertTrue(reqs.get(1).getSequence() > reqs.get(0).getSequence());
    }
  }

  @Test
  void noServerConnectionDropsTheEventWithoutFailing() {
    try (RasNotifier n = new RasNotifier("engine 0", () -> null, "host-a", () -> 0, 1)) {
      n.info(RasEvents.DEVICE_PLUGGED, RasEvents.SEVERITY_NOTICE, "m");
    }
  }

  @Test
  void raiseAfterCloseIsDropped() {
    RasNotifier n = new RasNotifier("engine 0", () -> null, "host-a", () -> 0, 1);
    n.close();
    n.info(RasEvents.DEVICE_PLUGGED, RasEvents.SEVERITY_NOTICE, "m");
  }
}
