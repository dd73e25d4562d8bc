package io.daos.engine.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.RasEvents;
import io.daos.engine.ras.RasCapture;
import io.daos.proto.shared.RASEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's SMD table: target assignment, persistence, new and unplugged devices, faulty and replace. */
class SmdTest {
  @TempDir
  Path scm;

  private static Bdev aio(String path) {
    return new Bdev("AIO_host_0_1_0", path, 0, true);
  }

  @Test
  void targetsSpreadOverDataDevicesOnFirstStart() {
    Smd smd = Smd.open(scm, List.of(aio("/d/a"), aio("/d/b")), 5);
    List<SmdDev> d = smd.devices();
    assertEquals(List.of(0, 2, 4), d.get(0).tgts());
    assertEquals(List.of(1, 3), d.get(1).tgts());
    assertTrue(d.stream().allMatch(x -> x.state() == SmdState.NORMAL));
  }

  @Test
  void devicesWithoutDataRoleGetNoTargets() {
    Smd smd = Smd.open(scm, List.of(new Bdev("AIO_h_0_1_6", "/d/wal", 6, true),
        new Bdev("AIO_h_0_2_1", "/d/data", 1, true)), 2);
    assertEquals(List.of(), smd.devices().get(0).tgts());
    assertEquals(List.of(0, 1), smd.devices().get(1).tgts());
  }

  @Test
  void tableSurvivesRestartAndLaterDevicesAreNewOrUnplugged() {
    Smd first = Smd.open(scm, List.of(aio("/d/a"), aio("/d/b")), 2);
    UUID a = first.devices().get(0).uuid();
    first.setFaulty(a);
    Smd again = Smd.open(scm, List.of(aio("/d/a"), aio("/d/c")), 2);
    assertEquals(a, again.devices().get(0).uuid());
    assertEquals(SmdState.FAULTY, again.byUuid(a).orElseThrow().state());
    assertEquals(SmdState.UNPLUGGED, again.byTraddr("/d/b").orElseThrow().state());
    SmdDev c = again.byTraddr("/d/c").orElseThrow();
    assertEquals(SmdState.NEW, c.state());
    assertEquals(List.of(), c.tgts());
    assertTrue(Files.exists(scm.resolve(Smd.FILE)));
  }

  @Test
  void setFaultyOfUnknownDeviceIsNonexist() {
    Smd smd = Smd.open(scm, List.of(aio("/d/a")), 2);
    DaosException e = assertThrows(DaosException.class, () -> smd.setFaulty(UUID.randomUUID()));
    assertEquals(DaosStatus.NONEXIST, e.status());
  }

  @Test
  void replaceNeedsAFaultyOldDevice() {
    Smd smd = Smd.open(scm, List.of(aio("/d/a")), 2);
    UUID a = smd.devices().get(0).uuid();
    DaosException e = assertThrows(DaosException.class, () -> smd.replace(a, a));
    assertEquals(DaosStatus.INVAL, e.status());
  }

  @Test
  void replaceWithSameUuidRevives() {
    Smd smd = Smd.open(scm, List.of(aio("/d/a")), 2);
    UUID a = smd.devices().get(0).uuid();
    smd.setFaulty(a);
    SmdDev d = smd.replace(a, a);
    assertEquals(SmdState.NORMAL, d.state());
    assertEquals(List.of(0, 1), d.tgts());
  }

  @Test
  void newDeviceTakesOverTargetsAndOldLeavesSmd() {
    Smd.open(scm, List.of(aio("/d/a")), 2);
    Smd smd = Smd.open(scm, List.of(aio("/d/a"), aio("/d/b")), 2);
    UUID a = smd.byTraddr("/d/a").orElseThrow().uuid();
    UUID b = smd.byTraddr("/d/b").orElseThrow().uuid();
    smd.setFaulty(a);
    SmdDev nu = smd.replace(a, b);
    assertEquals(b, nu.uuid());
    assertEquals(List.of(0, 1), nu.tgts());
    assertEquals(SmdState.NORMAL, nu.state());
    assertTrue(smd.byUuid(a).isEmpty());
    DaosException used = assertThrows(DaosException.class, () -> smd.replace(b, b));
    assertEquals(DaosStatus.INVAL, used.status());
  }

  @Test
  void bdevsComeFromTheNvmeConfig() {
    String json = "{\"daos_data\":{\"config\":[]},\"subsystems\":[{\"subsystem\":\"bdev\",\"config\":["
        + "{\"params\":{\"bdev_io_pool_size\":65536},\"method\":\"bdev_set_options\"},"
        + "{\"params\":{\"block_size\":4096,\"name\":\"AIO_h_0_1_3\",\"filename\":\"/d/a.img\"},"
        + "\"method\":\"bdev_aio_create\"},"
        + "{\"params\":{\"trtype\":\"PCIe\",\"name\":\"Nvme_h_1_1_0\",\"traddr\":\"0000:81:00.0\"},"
        + "\"method\":\"bdev_nvme_attach_controller\"}]}]}";
    assertEquals(List.of(new Bdev("AIO_h_0_1_3", "/d/a.img", 3, true),
        new Bdev("Nvme_h_1_1_0", "0000:81:00.0", 0, false)), Bdev.parse(json));
  }

  private static void writeConf(Path conf, String... files) throws Exception {
    StringBuilder b = new StringBuilder("{\"subsystems\":[{\"subsystem\":\"bdev\",\"config\":[");
    for (int i = 0; i < files.length; i++) {
      b.append(i == 0 ? "" : ",").append("{\"method\":\"bdev_aio_create\",\"params\":{\"name\":\"AIO_host_0_")
          .append(i).append("_0\",\"filename\":\"").append(files[i]).append("\",\"block_size\":4096}}");
    }
    Files.writeString(conf, b.append("]}]}").toString());
  }

  /**
   * A bdev added to daos_nvme.conf shows on the running engine as NEW at the next scan, as DAOS's hot plug, and
   * raises RAS device_plugged; removed, it is UNPLUGGED and raises device_unplugged.
   */
  @Test
  void hotPluggedBdevIsNewOnTheRunningEngine() throws Exception {
    Path conf = scm.resolve("daos_nvme.conf");
    writeConf(conf, "/d/a");
    Smd smd = Smd.open(scm, Bdev.read(conf.toString()), 2);
    RasCapture ras = new RasCapture(0);
    BdevScanner scanner = new BdevScanner("engine 0", smd, () -> Bdev.read(conf.toString()), ras.notifier());
    assertEquals(BdevScanner.PERIOD, scanner.scan(), "nothing changed: the long period");
    writeConf(conf, "/d/a", "/d/b");
    assertEquals(BdevScanner.SHORT_PERIOD, scanner.scan(), "a change: DAOS's short period");
    SmdDev b = smd.byTraddr("/d/b").orElseThrow();
    assertEquals(SmdState.NEW, b.state());
    assertEquals(List.of(), b.tgts());
    assertEquals(List.of(0, 1), smd.byTraddr("/d/a").orElseThrow().tgts(), "the old device keeps its targets");
    assertEquals(b.uuid(), Smd.open(scm, Bdev.read(conf.toString()), 2).byTraddr("/d/b").orElseThrow().uuid(),
        "written through: a restart keeps the NEW device's UUID");
    smd.setFaulty(smd.byTraddr("/d/a").orElseThrow().uuid());
    SmdDev took = smd.replace(smd.byTraddr("/d/a").orElseThrow().uuid(), b.uuid());
    assertEquals(List.of(0, 1), took.tgts(), "the hot-plugged device can replace a faulty one at once");
    writeConf(conf);
    scanner.scan();
    assertEquals(SmdState.UNPLUGGED, smd.byTraddr("/d/b").orElseThrow().state(), "removed from the config");
    List<RASEvent> events = ras.events(2);
    ras.close();
    assertEquals(RasEvents.DEVICE_PLUGGED, events.get(0).getId());
    assertEquals("Detected hot plugged device: AIO_host_0_1_0", events.get(0).getMsg());
    assertEquals(RasEvents.DEVICE_UNPLUGGED, events.get(1).getId());
    assertEquals("Device: " + b.uuid() + " unplugged", events.get(1).getMsg());
    assertEquals(RasEvents.TYPE_INFO_ONLY, events.get(1).getType());
  }

  @Test
  void unreadableBdevListLeavesDevicesAlone() throws Exception {
    Path conf = scm.resolve("daos_nvme.conf");
    writeConf(conf, "/d/a");
    Smd smd = Smd.open(scm, Bdev.read(conf.toString()), 2);
    Files.writeString(conf, "not json");
    try (RasCapture ras = new RasCapture(0)) {
      assertEquals(BdevScanner.PERIOD, new BdevScanner("engine 0", smd, () -> Bdev.read(conf.toString()),
          ras.notifier()).scan());
      assertEquals(List.of(), ras.all(), "no device event");
    }
    assertEquals(SmdState.NORMAL, smd.byTraddr("/d/a").orElseThrow().state());
  }
}
