package io.daos.drpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.proto.shared.RASEvent;
import org.junit.jupiter.api.Test;

/** RAS events as the engine makes them and as daos_server prints them (DAOS events/ras.go PrintRAS). */
class RasEventsTest {
  /** DAOS lib/control event_test.go TestControl_EventLogger_OnEvent, "exp syslog output". */
  @Test
  void eventLoggerOnEvent_expSyslogOutput() {
    RASEvent died = RasEvents.engineDied("foo", 0, 0, 123, "process exited with 0", 1234).toBuilder()
        .setTimestamp("2026-12-07T18:00:00.000001+00:00").build();
    assertEquals("id: [engine_died] ts: [2026-12-07T18:00:00.000001+00:00] host: [foo] type: [STATE_CHANGE] "
        + "sev: [ERROR] msg: [DAOS engine 0 exited unexpectedly: process exited with 0] pid: [1234] rank: [0] "
        + "incarnation: [123]", RasEvents.print(died));
  }

  /** ds_notify_ras_eventf with no rank: info only, the engine's rank, an empty extended info (not printed). */
  @Test
  void engineInfoEventCarriesTheEngineRank() {
    RASEvent e = RasEvents.engineInfo(RasEvents.DEVICE_SET_FAULTY, RasEvents.SEVERITY_NOTICE,
        "Device: 5b1a0e3c-0000-4000-8000-000000000001 set faulty", "h1", 3, 77).toBuilder().setTimestamp("t").build();
    assertEquals(RasEvents.TYPE_INFO_ONLY, e.getType());
    assertEquals("id: [device_set_faulty] ts: [t] host: [h1] type: [INFO] sev: [NOTICE] "
        + "msg: [Device: 5b1a0e3c-0000-4000-8000-000000000001 set faulty] pid: [77] rank: [3]", RasEvents.print(e));
  }

  @Test
  void printLeavesOutNoRankAndShowsData() {
    RASEvent e = RASEvent.newBuilder().setId(RasEvents.DEVICE_PLUGGED).setType(RasEvents.TYPE_INFO_ONLY)
        .setSeverity(RasEvents.SEVERITY_WARNING).setMsg("m").setRank(RasEvents.NO_RANK).setStrInfo("x").build();
    assertEquals("id: [device_plugged] type: [INFO] sev: [WARNING] msg: [m] data: [x]", RasEvents.print(e));
  }

  /** The names follow DAOS's ras.h ordinals. */
  @Test
  void namesFollowRasH() {
    assertEquals("swim_rank_dead", RasEvents.name(RasEvents.SWIM_RANK_DEAD));
    assertEquals("device_unplugged", RasEvents.name(RasEvents.DEVICE_UNPLUGGED));
    assertEquals("device_replace", RasEvents.name(RasEvents.DEVICE_REPLACE));
    assertEquals("device_led_set", RasEvents.name(RasEvents.DEVICE_LED_SET));
    assertEquals("unknown_ras_event", RasEvents.name(99));
  }
}
