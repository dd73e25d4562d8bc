package io.daos.server.storage.bdev;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.daos.server.config.engine.AccelProps;
import io.daos.server.config.engine.BdevAutoFaulty;
import io.daos.server.config.engine.BdevRoles;
import io.daos.server.config.engine.BdevTier;
import io.daos.server.config.EngineConfig;
import io.daos.server.config.engine.ScmTier;
import io.daos.server.config.engine.SpdkIobuf;
import io.daos.server.config.engine.SpdkRpcServer;
import io.daos.server.config.engine.StorageClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mirrors DAOS TestBackend_newSpdkConfig (case names kept); tier id 1, host "host". */
class NvmeConfTest {
  private static final String PCI1 = "0000:01:00.0";
  private static final String PCI2 = "0000:02:00.0";

  record Case(String name, EngineConfig engine, boolean vmd, boolean hotplug, List<String> expBdevMethods,
      List<String> expNames, List<String> expDaosMethods, List<String> expSubsystems) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static EngineConfig engine(BdevTier t) {
    return EngineConfig.builder().storage(List.of(ScmTier.ram("/mock/mnt/daos", 16), t)).build();
  }

  private static BdevTier tier(StorageClass c, int size, int roles, String range, String... devs) {
    return new BdevTier(1, c, List.of(devs), size, range, new BdevRoles(roles));
  }

  private static final List<String> DEFAULTS = List.of("bdev_set_options", "bdev_nvme_set_options");

  private static List<String> bdev(String... mid) {
    List<String> out = new ArrayList<>(DEFAULTS);
    out.addAll(List.of(mid));
    out.add("bdev_nvme_set_hotplug");
    return out;
  }

  static Stream<Case> cases() {
    String att = "bdev_nvme_attach_controller";
    String aio = "bdev_aio_create";
    EngineConfig accel = engine(tier(StorageClass.NVME, 0, 0, null, PCI1, PCI2)).toBuilder()
        .acceleration(new AccelProps("spdk", AccelProps.OPT_CRC | AccelProps.OPT_MOVE))
        .spdkRpcServer(new SpdkRpcServer(true, "/tmp/spdk.sock"))
        .bdevAutoFaulty(new BdevAutoFaulty(true, 100, 200)).build();
    EngineConfig iobuf = engine(tier(StorageClass.NVME, 0, BdevRoles.ALL, null, PCI1, PCI2)).toBuilder()
        .spdkIobuf(new SpdkIobuf(16384, 2048)).build();
    return Stream.of(
        new Case("multiple controllers; roles enabled", engine(tier(StorageClass.NVME, 0, 7, null, PCI1, PCI2)),
            false, false, bdev(att, att), List.of("Nvme_host_0_1_7", "Nvme_host_1_1_7"), List.of(),
            List.of("bdev")),
        new Case("multiple controllers; vmd enabled", engine(tier(StorageClass.NVME, 0, 0, null, PCI1, PCI2)),
            true, false, bdev(att, att), List.of("Nvme_host_0_1_0", "Nvme_host_1_1_0"), List.of(),
            List.of("bdev", "vmd")),
        new Case("multiple controllers; hotplug enabled; bus-id range specified",
            engine(tier(StorageClass.NVME, 0, 0, "0x8a-0x8f", PCI1, PCI2)), false, true, bdev(att, att),
            List.of("Nvme_host_0_1_0", "Nvme_host_1_1_0"), List.of("hotplug_busid_range"), List.of("bdev")),
        new Case("AIO file class; multiple files; non-zero file size; roles enabled",
            engine(tier(StorageClass.FILE, 1, 7, null, "/path/to/myfile", "/path/to/myotherfile")), false, false,
            bdev(aio, aio), List.of("AIO_host_0_1_7", "AIO_host_1_1_7"), List.of(), List.of("bdev")),
        new Case("AIO kdev class; multiple devices", engine(tier(StorageClass.KDEV, 0, 0, null, "/dev/sdb",
            "/dev/sdc")), false, true, bdev(aio, aio), List.of("AIO_host_0_1_0", "AIO_host_1_1_0"), List.of(),
            List.of("bdev")),
        new Case("accel, rpc server & auto faulty settings", accel, false, false, bdev(att, att),
            List.of("Nvme_host_0_1_0", "Nvme_host_1_1_0"), List.of("accel_props", "spdk_rpc_srv", "auto_faulty"),
            List.of("bdev")),
        new Case("iobuf custom settings provided", iobuf, false, false, bdev(att, att),
            List.of("Nvme_host_0_1_7", "Nvme_host_1_1_7"), List.of(), List.of("bdev", "iobuf")));
  }

  private static List<String> strings(JsonArray a, String field) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : a) {
      out.add(e.getAsJsonObject().get(field).getAsString());
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void newSpdkConfig(Case tc) {
    JsonObject root = JsonParser.parseString(NvmeConf.render(tc.engine, "host", tc.vmd, tc.hotplug))
        .getAsJsonObject();
    JsonArray subsystems = root.getAsJsonArray("subsystems");
    assertEquals(tc.expSubsystems, strings(subsystems, "subsystem"));
    JsonArray bdev = subsystems.get(0).getAsJsonObject().getAsJsonArray("config");
    assertEquals(tc.expBdevMethods, strings(bdev, "method"));
    List<String> names = new ArrayList<>();
    for (JsonElement e : bdev) {
      JsonObject p = e.getAsJsonObject().getAsJsonObject("params");
      if (p.has("name")) {
        names.add(p.get("name").getAsString());
      }
    }
    assertEquals(tc.expNames, names);
    assertEquals(tc.expDaosMethods, strings(root.getAsJsonObject("daos_data").getAsJsonArray("config"), "method"));
  }

  @Test
  void exactParamsOfDefaultsAioAndHotplug() {
    EngineConfig e = engine(tier(StorageClass.NVME, 0, 0, "0x8a-0x8f", PCI1));
    JsonObject root = JsonParser.parseString(NvmeConf.render(e, "h", false, true)).getAsJsonObject();
    JsonArray bdev = root.getAsJsonArray("subsystems").get(0).getAsJsonObject().getAsJsonArray("config");
    assertEquals(JsonParser.parseString("{\"bdev_io_pool_size\":65536,\"bdev_io_cache_size\":256}"),
        bdev.get(0).getAsJsonObject().get("params"));
    assertEquals(JsonParser.parseString("{\"transport_retry_count\":4,\"timeout_us\":0,"
        + "\"nvme_adminq_poll_period_us\":100000,\"action_on_timeout\":\"none\",\"nvme_ioq_poll_period_us\":0}"),
        bdev.get(1).getAsJsonObject().get("params"));
    assertEquals(JsonParser.parseString("{\"trtype\":\"PCIe\",\"name\":\"Nvme_h_0_1_0\",\"traddr\":\"" + PCI1
        + "\"}"), bdev.get(2).getAsJsonObject().get("params"));
    assertEquals(JsonParser.parseString("{\"enable\":true,\"period_us\":5000000}"),
        bdev.get(3).getAsJsonObject().get("params"));
    assertEquals(JsonParser.parseString("{\"params\":{\"begin\":138,\"end\":143},\"method\":\"hotplug_busid_range\"}"),
        root.getAsJsonObject("daos_data").getAsJsonArray("config").get(0));
    EngineConfig f = engine(tier(StorageClass.FILE, 1, 0, null, "/f"));
    JsonObject aio = JsonParser.parseString(NvmeConf.render(f, "h", false, false)).getAsJsonObject()
        .getAsJsonArray("subsystems").get(0).getAsJsonObject().getAsJsonArray("config").get(2).getAsJsonObject();
    assertEquals(JsonParser.parseString("{\"block_size\":4096,\"name\":\"AIO_h_0_1_0\",\"filename\":\"/f\"}"),
        aio.get("params"));
  }

  @Test
  void writeIsAtomicAndReadable(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("scm0/daos_nvme.conf");
    String json = NvmeConf.render(engine(tier(StorageClass.FILE, 1, 0, null, "/f")), "h", false, false);
    NvmeConf.write(f, json);
    assertEquals(json, Files.readString(f));
    try (var s = Files.list(f.getParent())) {
      assertEquals(1, s.count());
    }
  }
}
