package io.daos.engine.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.common.status.DaosStatus;
import io.daos.drpc.RasEvents;
import io.daos.engine.bio.Bdev;
import io.daos.engine.bio.Smd;
import io.daos.engine.bio.SmdDev;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.pool.TargetXstreams;
import io.daos.engine.ras.RasCapture;
import io.daos.engine.vos.store.VosOptions;
import io.daos.proto.ctl.DevReplaceReq;
import io.daos.proto.ctl.LedAction;
import io.daos.proto.ctl.LedManageReq;
import io.daos.proto.ctl.LedState;
import io.daos.proto.ctl.SetFaultyReq;
import io.daos.proto.shared.RASEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device RAS events DAOS's bio raises for set-faulty, replace and LED set, with DAOS's messages. */
class SmdDrpcHandlersTest {
  @TempDir
  Path scm;
  private TargetXstreams xs;
  private PoolTargets pools;
  private RasCapture ras;
  private Smd smd;
  private SmdDrpcHandlers h;

  @BeforeEach
  void setUp() {
    xs = new TargetXstreams("smdras", 1);
    pools = new PoolTargets(scm, xs, VosOptions.defaults().withMapSize(256L << 20).withDurable(false));
    ras = new RasCapture(2);
    smd = Smd.open(scm, List.of(new Bdev("AIO_host_0_0_0", "/d/a", 0, true)), 1);
    h = new SmdDrpcHandlers("engine 0", smd, pools, () -> 2, (pool, reint, rank, tgts) -> 0, Runnable::run,
        Clock.systemUTC(), ras.notifier());
  }

  @AfterEach
  void tearDown() {
    ras.close();
    pools.close();
    xs.close();
  }

  @Test
  void setFaultyRaisesDeviceSetFaulty() throws Exception {
    UUID a = smd.byTraddr("/d/a").orElseThrow().uuid();
    assertEquals(0, h.setFaulty(SetFaultyReq.newBuilder().setUuid(a.toString()).build()).getStatus());
    RASEvent e = ras.events(1).get(0);
    assertEquals(RasEvents.DEVICE_SET_FAULTY, e.getId());
    assertEquals(RasEvents.SEVERITY_NOTICE, e.getSeverity());
    assertEquals(RasEvents.TYPE_INFO_ONLY, e.getType());
    assertEquals("Device: " + a + " set faulty", e.getMsg());
    assertEquals(2, e.getRank());
  }

  @Test
  void failedSetFaultyRaisesAnError() throws Exception {
    UUID none = new UUID(1, 2);
    int st = h.setFaulty(SetFaultyReq.newBuilder().setUuid(none.toString()).build()).getStatus();
    assertEquals(DaosStatus.NONEXIST.code(), st);
    RASEvent e = ras.events(1).get(0);
    assertEquals(RasEvents.SEVERITY_ERROR, e.getSeverity());
    assertEquals("Device: " + none + " set faulty failed: " + st, e.getMsg());
  }

  @Test
  void replaceRaisesDeviceReplace() throws Exception {
    UUID a = smd.byTraddr("/d/a").orElseThrow().uuid();
    DevReplaceReq same = DevReplaceReq.newBuilder().setOldDevUuid(a.toString()).setNewDevUuid(a.toString()).build();
    int refused = h.replace(same).getStatus();
    assertEquals(DaosStatus.INVAL.code(), refused, "not faulty yet");
    h.setFaulty(SetFaultyReq.newBuilder().setUuid(a.toString()).build());
    assertEquals(0, h.replace(same).getStatus());
    List<RASEvent> ev = ras.events(3);
    assertEquals(RasEvents.DEVICE_REPLACE, ev.get(0).getId());
    assertEquals(RasEvents.SEVERITY_ERROR, ev.get(0).getSeverity());
    assertEquals("Replaced device: " + a + " with device: " + a + " failed: " + refused, ev.get(0).getMsg());
    assertEquals(RasEvents.DEVICE_SET_FAULTY, ev.get(1).getId());
    assertEquals(RasEvents.DEVICE_REPLACE, ev.get(2).getId());
    assertEquals(RasEvents.SEVERITY_NOTICE, ev.get(2).getSeverity());
    assertEquals("Replaced device: " + a + " with device " + a, ev.get(2).getMsg());
  }

  @Test
  void ledSetRaisesDeviceLedSetAndGetRaisesNothing() throws Exception {
    h.led(LedManageReq.newBuilder().setIds("/d/a").setLedAction(LedAction.GET).build());
    SmdDev d = smd.byTraddr("/d/a").orElseThrow();
    assertEquals(0, h.led(LedManageReq.newBuilder().setIds(d.uuid().toString()).setLedAction(LedAction.SET)
        .setLedState(LedState.QUICK_BLINK).build()).getStatus());
    List<RASEvent> ev = ras.events(1);
    assertEquals(RasEvents.DEVICE_LED_SET, ev.get(0).getId());
    assertEquals("LED on device /d/a set to state QUICK_BLINK", ev.get(0).getMsg());
    ras.notifier().close();
    assertEquals(1, ras.all().size(), "GET raised nothing");
  }
}
